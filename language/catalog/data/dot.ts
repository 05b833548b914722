import type { HandlerSpec } from '../types.js';

/** Handlers of the `dot` family, in minimega 2.3 registration order. */
export const dotHandlers: readonly HandlerSpec[] = [
  {
    id: "viz",
    group: "dot",
    category: "local",
    patterns: [
      "viz <filename>",
    ],
    summary: "Writes the experiment topology — VMs collected from every namespace host (or every mesh node when no namespace is active), coloured by state and linked through their VLANs — as a Graphviz file.",
    doc: "Writes the experiment topology — VMs collected from every namespace host (or every mesh node when no namespace is active), coloured by state and linked through their VLANs — as a Graphviz file.",
    simulated: false,
    args: {
      "filename": { summary: "local output path" },
    },
  },
];
