import type { HandlerSpec } from '../types.js';

/** Handlers of the `io` family, in minimega 2.3 registration order. */
export const ioHandlers: readonly HandlerSpec[] = [
  {
    id: "file",
    group: "io",
    category: "local",
    patterns: [
      "file <list,> [path]",
      "file <get,> <file>",
      "file <delete,> <file>",
      "file <status,>",
    ],
    summary: "Browses, fetches from other mesh nodes, deletes, or shows in-progress transfers of files in the shared files directory.",
    doc: "Browses, fetches from other mesh nodes, deletes, or shows in-progress transfers of files in the shared files directory.",
    simulated: false,
    args: {
      "path": { summary: "directory relative to the files dir; default '/'" },
      "file": { summary: "path relative to the files dir; directories recurse; '*' globs allowed for get" },
    },
  },
];
