import type { HandlerSpec } from '../types.js';
import { example, paras } from './doc-text.js';

/** Handlers of the `dot` family, in minimega 2.3 registration order. */
export const dotHandlers: readonly HandlerSpec[] = [
  {
    id: 'viz',
    group: 'dot',
    category: 'local',
    patterns: ['viz <filename>'],
    summary: "Write the experiment's VMs and VLANs as a Graphviz file",
    doc: paras(
      'Draws the experiment: every VM becomes a node coloured by its state, connected to the VLANs its interfaces are on, and the graph is written to `<filename>` in Graphviz format.',
      'Namespaces: runs on this node and writes the file here, but it collects the VMs from every host of the active namespace, or from every mesh node when no namespace is active.',
      'Example:',
      example('viz /tmp/experiment.dot'),
      "In `mm`: the graph file is written (relative paths from the script's folder); a command from another node or a client may only write it inside the files directory.",
    ),
    args: {
      filename: {
        summary: 'Output file on this node',
        doc: 'Example: `/tmp/experiment.dot`; render it with Graphviz (`dot -Tpng`).',
        domain: 'path',
      },
    },
  },
];
