import type { HandlerSpec } from '../types.js';
import { example, nsLocal, paras } from './doc-text.js';

/** Handlers of the `nuke` family, in minimega 2.3 registration order. */
export const nukeHandlers: readonly HandlerSpec[] = [
  {
    id: 'nuke',
    group: 'nuke',
    category: 'local',
    patterns: ['nuke'],
    summary: 'Clean up after a crashed minimega: kill leftover VMs, remove taps and bridges, then exit',
    doc: paras(
      'Emergency cleanup, typically after minimega crashed: kills leftover QEMU and container processes, removes the taps and bridges minimega created, deletes the base directory, and then exits minimega.',
      nsLocal,
      'Example:',
      example('nuke'),
      'Careful: this ends the minimega process and deletes its base directory.',
      'In `mm`: the node forgets its VMs, host taps, bridges and everything the hardware commands recorded, then stops reading commands like `quit`. No process is killed and no file is deleted.',
    ),
    args: {},
  },
];
