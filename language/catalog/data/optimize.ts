import type { HandlerSpec } from '../types.js';
import { example, nsLocal, paras } from './doc-text.js';

/** Handlers of the `optimize` family, in minimega 2.3 registration order. */
export const optimizeHandlers: readonly HandlerSpec[] = [
  {
    id: 'optimize',
    group: 'optimize',
    category: 'local',
    patterns: [
      'optimize',
      'optimize <affinity,> <filter,> <filter>',
      'optimize <affinity,> [true,false]',
      'optimize <hugepages,> [path]',
      'optimize <ksm,> [true,false]',
    ],
    summary: 'Show or change host tuning: KSM, CPU affinity of VMs, hugepages',
    doc: paras(
      'Tunes this host for running many VMs.',
      '- `optimize` prints the current settings.\n- `optimize ksm [true|false]` shows, enables or disables Kernel Samepage Merging, which lets similar VMs share identical memory pages.\n- `optimize affinity [true|false]` shows, enables or disables pinning each VM to CPUs; `optimize affinity filter <cpus>` limits the CPUs used for pinning.\n- `optimize hugepages [path]` shows or sets the hugetlbfs mount used for guest memory.',
      nsLocal,
      'Examples:',
      example('optimize ksm true', 'optimize affinity filter [2-15]', 'optimize affinity true'),
      'In `mm`: the settings are recorded and printed back; `optimize hugepages <path>` also adds `-mem-info <path>` to the QEMU command line that `vm config qemu-override` shows.',
    ),
    args: {
      filter: {
        summary: 'CPUs to pin VMs to: a bracketed list or range like `[1,2-20]`, or one CPU number',
        doc: 'CPU numbers from 0 to the number of CPUs minus 1. Example: `[2-15]` or `3`. (This is not the `.filter` syntax.)',
      },
      true: {
        summary: 'Turn the optimization on',
        doc: 'Omit `true`/`false` to print the current setting.',
      },
      false: {
        summary: 'Turn the optimization off',
        doc: 'Omit `true`/`false` to print the current setting.',
      },
      path: {
        summary: 'Mount point of a hugetlbfs file system; omit to print it',
        doc: 'Example: `/mnt/hugepages`.',
        domain: 'path',
      },
    },
  },
  {
    id: 'clear optimize',
    group: 'optimize',
    category: 'local',
    patterns: ['clear optimize', 'clear optimize <affinity,> [filter,]', 'clear optimize <hugepages,>', 'clear optimize <ksm,>'],
    summary: 'Turn host tuning off, all of it or one part',
    doc: paras(
      '`clear optimize` turns off every optimization. `clear optimize affinity` turns off CPU pinning, `clear optimize affinity filter` only forgets the CPU set, `clear optimize hugepages` stops using hugepages and `clear optimize ksm` turns KSM off.',
      nsLocal,
      'Example:',
      example('clear optimize affinity filter'),
    ),
    args: {},
  },
];
