import type { HandlerSpec } from '../types.js';

/** Handlers of the `web` family, in minimega 2.3 registration order. */
export const webHandlers: readonly HandlerSpec[] = [
  {
    id: "web",
    group: "web",
    category: "local",
    patterns: [
      "web [port]",
      "web root <path> [port]",
    ],
    summary: "Starts the built-in web UI (VM list, host list, graph, VNC) on a port, optionally serving assets from a different directory.",
    doc: "Starts the built-in web UI (VM list, host list, graph, VNC) on a port, optionally serving assets from a different directory.",
    simulated: false,
    args: {
      "port": { summary: "integer TCP port; default 9001; cannot change once started", domain: "int" },
      "path": { summary: "web asset directory; default misc/web; may be re-set later" },
    },
  },
];
