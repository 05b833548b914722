import type { HandlerSpec } from '../types.js';
import { example, nsLocal, paras } from './doc-text.js';

/** Handlers of the `external` family, in minimega 2.3 registration order. */
export const externalHandlers: readonly HandlerSpec[] = [
  {
    id: 'check',
    group: 'external',
    category: 'local',
    patterns: ['check'],
    summary: 'Check that the external tools minimega needs are installed and recent enough',
    doc: paras(
      "Looks for the programs minimega relies on (such as QEMU, dnsmasq and Open vSwitch) on the `PATH`, checks their versions and the kernel's, and reports what is missing or too old.",
      nsLocal,
      'Example:',
      example('check'),
      'In `mm`: the simulated host has every program at a recent enough version, so `check` prints nothing.',
    ),
    args: {},
  },
];
