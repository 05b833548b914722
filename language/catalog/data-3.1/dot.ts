import type { HandlerSpec } from '../types.js';
import { example, paras } from './doc-text.js';

/** Handlers of the `dot` family, in minimega 3.1 registration order. */
export const dotHandlers: readonly HandlerSpec[] = [
  {
    id: 'viz',
    group: 'dot',
    category: 'local',
    patterns: ['viz <filename>'],
    summary: "Write the namespace's VMs and VLANs as a Graphviz file",
    doc: paras(
      'Draws the experiment: every VM becomes a node coloured by its state, linked to the VLANs of its interfaces, and the graph is written to `<filename>` in Graphviz format.',
      "Namespaces: runs on this node and writes the file here, but collects the VMs from every host of the command's namespace.",
      'Example:',
      example('viz /tmp/experiment.dot'),
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
