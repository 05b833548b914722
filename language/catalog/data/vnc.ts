import type { HandlerSpec } from '../types.js';

/** Handlers of the `vnc` family, in minimega 2.3 registration order. */
export const vncHandlers: readonly HandlerSpec[] = [
  {
    id: "vnc",
    group: "vnc",
    category: "local",
    patterns: [
      "vnc <record,> <kb,fb> <vm name> <filename>",
      "vnc <stop,> <kb,fb> <vm name>",
    ],
    summary: "Begins or ends capturing a KVM VM's VNC keyboard/mouse input or its framebuffer to a file.",
    doc: "Begins or ends capturing a KVM VM's VNC keyboard/mouse input or its framebuffer to a file.",
    simulated: false,
    args: {
      "kb": { summary: "kb = keyboard/mouse events, fb = framebuffer" },
      "fb": { summary: "kb = keyboard/mouse events, fb = framebuffer" },
      "vm": { summary: "KVM VM name/ID/UUID" },
      "filename": { summary: "output path" },
    },
    quirks: [
      "'vnc <stop,> <kb,fb> <vm name>' overlaps 'vnc <stop,> <vm name>' in the next handler; they differ only by arity",
    ],
  },
  {
    id: "vnc#2",
    group: "vnc",
    category: "broadcast",
    patterns: [
      "vnc <play,> <vm name> <filename>",
      "vnc <stop,> <vm name>",
      "vnc <pause,> <vm name>",
      "vnc <continue,> <vm name>",
      "vnc <step,> <vm name>",
      "vnc <getstep,> <vm name>",
      "vnc <inject,> <vm name> <cmd>",
    ],
    summary: "Replays a recorded keyboard/mouse session into a VM and controls it (pause, continue, step, show current step, stop), or injects single events.",
    doc: "Replays a recorded keyboard/mouse session into a VM and controls it (pause, continue, step, show current step, stop), or injects single events.",
    simulated: false,
    args: {
      "vm": { summary: "KVM VM name/ID/UUID" },
      "filename": { summary: "recording made by 'vnc record kb'" },
      "cmd": { summary: "one event in playback-file syntax without the time delta, e.g. PointerEvent,0,465,245 (a LoadFile event starts a playback)" },
    },
  },
  {
    id: "clear vnc",
    group: "vnc",
    category: "broadcast",
    patterns: [
      "clear vnc",
    ],
    summary: "Stops every VNC recording and playback on all namespace hosts.",
    doc: "Stops every VNC recording and playback on all namespace hosts.",
    simulated: false,
    args: {
    },
  },
  {
    id: "vnc#3",
    group: "vnc",
    category: "broadcast",
    patterns: [
      "vnc",
    ],
    summary: "Lists active VNC recordings and playbacks with elapsed/remaining time and file.",
    doc: "Lists active VNC recordings and playbacks with elapsed/remaining time and file.",
    simulated: false,
    args: {
    },
  },
];
