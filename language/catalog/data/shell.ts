import type { HandlerSpec } from '../types.js';

/** Handlers of the `shell` family, in minimega 2.3 registration order. */
export const shellHandlers: readonly HandlerSpec[] = [
  {
    id: "shell",
    group: "shell",
    category: "local",
    patterns: [
      "shell <command>...",
    ],
    summary: "Executes a host program with minimega's privileges and returns its output once it exits.",
    doc: "Executes a host program with minimega's privileges and returns its output once it exits.",
    simulated: true,
    args: {
      "command": { summary: "program and arguments" },
    },
  },
  {
    id: "background",
    group: "shell",
    category: "local",
    patterns: [
      "background <command>...",
    ],
    summary: "Launches a host program without waiting; its output is logged at info level.",
    doc: "Launches a host program without waiting; its output is logged at info level.",
    simulated: true,
    args: {
      "command": { summary: "program and arguments" },
    },
  },
];
