import type { HandlerSpec } from '../types.js';
import { example, nsNode, paras } from './doc-text.js';

/** Handlers of the `external` family, in minimega 3.1 registration order. */
export const externalHandlers: readonly HandlerSpec[] = [
  {
    id: 'check',
    group: 'external',
    category: 'local',
    patterns: ['check'],
    summary: 'Check that the external programs minimega needs are installed and recent enough',
    doc: paras(
      'Looks for the programs minimega relies on (QEMU, Open vSwitch, dnsmasq and others) on the `PATH`, checks their versions, and reports what is missing or too old.',
      nsNode,
      'Example:',
      example('check'),
    ),
    args: {},
  },
];
