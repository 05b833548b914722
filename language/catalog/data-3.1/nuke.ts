import type { HandlerSpec } from '../types.js';
import { example, nsNode, paras } from './doc-text.js';

/** Handlers of the `nuke` family, in minimega 3.1 registration order. */
export const nukeHandlers: readonly HandlerSpec[] = [
  {
    id: 'nuke',
    group: 'nuke',
    category: 'local',
    patterns: ['nuke'],
    summary: 'Clean up after a crashed minimega: kill leftover VMs, remove taps and bridges, then exit',
    doc: paras(
      "Emergency cleanup, typically after minimega crashed: kills leftover QEMU and container processes, removes the taps and bridges minimega created, deletes minimega's runtime files, and then ends the minimega process.",
      nsNode,
      'Example:',
      example('nuke'),
      'Careful: this stops minimega; clients get no answer.',
    ),
    args: {},
  },
];
