import type { ArgSpec, HandlerSpec } from '../types.js';
import { example, nsBroadcast, nsLocal, paras } from './doc-text.js';

const vmArg: ArgSpec = {
  summary: 'The KVM VM: name, id or UUID',
  doc: 'One VM, e.g. `web1`.',
  domain: 'vmName',
};

/** Handlers of the `vnc` family, in minimega 2.3 registration order. */
export const vncHandlers: readonly HandlerSpec[] = [
  {
    id: 'vnc',
    group: 'vnc',
    category: 'local',
    patterns: ['vnc <record,> <kb,fb> <vm name> <filename>', 'vnc <stop,> <kb,fb> <vm name>'],
    summary: "Start or stop recording a KVM VM's keyboard and mouse, or its screen, to a file",
    doc: paras(
      "`vnc record kb <vm> <file>` records the keyboard and mouse events sent to the VM over VNC, so they can be replayed later with `vnc play`; `vnc record fb <vm> <file>` records the VM's screen (framebuffer). `vnc stop kb <vm>` and `vnc stop fb <vm>` end the recording.",
      nsLocal + ' Only VMs on this node can be recorded.',
      'Example:',
      example('vnc record kb web1 login.kb', 'vnc stop kb web1'),
      'Note: `vnc stop kb <vm>` (stop a recording) and `vnc stop <vm>` (stop a playback) differ only by the `kb`/`fb` word.',
      'In `mm`: recordings are kept as if they worked; no file is written and no VNC connection is made.',
    ),
    args: {
      kb: { summary: 'Keyboard and mouse events', doc: 'Recordings of this kind can be replayed with `vnc play`.' },
      fb: { summary: 'The screen (framebuffer)', doc: 'Records what the VM displays.' },
      vm: vmArg,
      filename: {
        summary: 'File to record into',
        doc: 'Example: `login.kb`.',
        domain: 'path',
      },
    },
  },
  {
    id: 'vnc#2',
    group: 'vnc',
    category: 'broadcast',
    patterns: [
      'vnc <play,> <vm name> <filename>',
      'vnc <stop,> <vm name>',
      'vnc <pause,> <vm name>',
      'vnc <continue,> <vm name>',
      'vnc <step,> <vm name>',
      'vnc <getstep,> <vm name>',
      'vnc <inject,> <vm name> <cmd>',
    ],
    summary: 'Replay recorded keyboard and mouse input into a VM, and control the playback',
    doc: paras(
      '- `vnc play <vm> <file>` replays a recording made with `vnc record kb` into the VM.\n- `vnc pause <vm>` and `vnc continue <vm>` pause and resume the playback; `vnc step <vm>` moves on by one event; `vnc getstep <vm>` shows the current event; `vnc stop <vm>` ends it.\n- `vnc inject <vm> <event>` sends one event, written as in a recording but without the time delay, e.g. `PointerEvent,0,465,245`; a `LoadFile` event starts a playback.',
      nsBroadcast,
      'Example:',
      example('vnc play web1 login.kb', 'vnc pause web1', 'vnc continue web1'),
      "In `mm`: the playback file is read (a relative path from the script's folder; a command from another node or a client may only read inside the files directory) and played in the simulator's time; the events reach no VM.",
    ),
    args: {
      vm: vmArg,
      filename: {
        summary: 'Recording made with `vnc record kb`',
        doc: 'Example: `login.kb`.',
        domain: 'path',
      },
      cmd: {
        summary: 'One event, e.g. `PointerEvent,0,465,245`',
        doc: 'Written like a line of a recording, without the time delay. A `LoadFile` event starts a playback.',
      },
    },
  },
  {
    id: 'clear vnc',
    group: 'vnc',
    category: 'broadcast',
    patterns: ['clear vnc'],
    summary: 'Stop every VNC recording and playback',
    doc: paras(
      'Ends all recordings started with `vnc record` and all playbacks started with `vnc play`.',
      nsBroadcast,
      'Example:',
      example('clear vnc'),
      "In `mm`: the recordings and playbacks of the namespace's VMs are forgotten.",
    ),
    args: {},
  },
  {
    id: 'vnc#3',
    group: 'vnc',
    category: 'broadcast',
    patterns: ['vnc'],
    summary: 'List running VNC recordings and playbacks',
    doc: paras(
      'Lists the VNC recordings and playbacks in progress, with their file and the elapsed or remaining time.',
      nsBroadcast,
      'Example:',
      example('vnc'),
      "In `mm`: the `time` column comes from the simulator's clock.",
    ),
    args: {},
  },
];
