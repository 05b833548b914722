import type { HandlerSpec } from '../types.js';

/** Handlers of the `nuke` family, in minimega 2.3 registration order. */
export const nukeHandlers: readonly HandlerSpec[] = [
  {
    id: "nuke",
    group: "nuke",
    category: "local",
    patterns: [
      "nuke",
    ],
    summary: "Emergency cleanup after a crash: kills leftover QEMU and container processes, removes minimega taps and bridges, deletes the base directory, then exits.",
    doc: "Emergency cleanup after a crash: kills leftover QEMU and container processes, removes minimega taps and bridges, deletes the base directory, then exits.",
    simulated: false,
    args: {
    },
  },
];
