import type { HandlerSpec } from '../types.js';

/** Handlers of the `history` family, in minimega 2.3 registration order. */
export const historyHandlers: readonly HandlerSpec[] = [
  {
    id: "history",
    group: "history",
    category: "local",
    patterns: [
      "history",
    ],
    summary: "Prints the commands recorded since startup or since history was last wiped.",
    doc: "Prints the commands recorded since startup or since history was last wiped.",
    simulated: true,
    args: {
    },
  },
  {
    id: "clear history",
    group: "history",
    category: "local",
    patterns: [
      "clear history",
    ],
    summary: "Empties the recorded command history.",
    doc: "Empties the recorded command history.",
    simulated: true,
    args: {
    },
  },
  {
    id: "write",
    group: "history",
    category: "local",
    patterns: [
      "write <file>",
    ],
    summary: "Dumps the recorded history into a file for later replay with 'read'.",
    doc: "Dumps the recorded history into a file for later replay with 'read'.",
    simulated: true,
    args: {
      "file": { summary: "local output path", domain: "path" },
    },
  },
];
