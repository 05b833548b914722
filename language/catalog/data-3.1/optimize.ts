import type { HandlerSpec } from '../types.js';
import { example, nsBroadcast, paras } from './doc-text.js';

/** Handlers of the `optimize` family, in minimega 3.1 registration order. */
export const optimizeHandlers: readonly HandlerSpec[] = [
  {
    id: 'optimize',
    group: 'optimize',
    category: 'broadcast',
    patterns: [
      'optimize',
      'optimize <affinity,> <filter,> <filter>',
      'optimize <affinity,> [true,false]',
      'optimize <hugepages,> [path]',
      'optimize <ksm,> [true,false]',
    ],
    summary: 'Show or change host tuning: KSM, CPU affinity of VMs, hugepages',
    doc: paras(
      '- `optimize` prints the current settings.\n- `optimize ksm [true|false]` shows or switches Kernel Samepage Merging, which lets similar VMs share identical memory pages.\n- `optimize affinity [true|false]` shows or switches pinning each VM to CPUs; `optimize affinity filter <cpus>` limits the CPUs used for pinning.\n- `optimize hugepages [path]` shows or sets the hugetlbfs mount used for guest memory.',
      nsBroadcast + ' Affinity and hugepages are settings of the namespace.',
      'Examples:',
      example('optimize ksm true', 'optimize affinity filter [2-15]', 'optimize affinity true'),
    ),
    args: {
      filter: {
        summary: 'CPUs to pin VMs to: a list or range like `[1,2-20]`, or one CPU number',
        doc: 'CPU numbers from 0. Example: `[2-15]` or `3`. (Not the `.filter` syntax.)',
      },
      true: { summary: 'Turn the optimization on', doc: 'Omit `true`/`false` to print the current setting.' },
      false: { summary: 'Turn the optimization off', doc: 'Omit `true`/`false` to print the current setting.' },
      path: { summary: 'Mount point of a hugetlbfs file system; omit to print it', doc: 'Example: `/mnt/hugepages`.', domain: 'path' },
    },
    since23: { kind: 'changed', from: 'optimize', note: 'Runs on every host of the namespace (category `broadcast`, was `local`).' },
  },
  {
    id: 'clear optimize',
    group: 'optimize',
    category: 'broadcast',
    patterns: ['clear optimize', 'clear optimize <affinity,> [filter,]', 'clear optimize <hugepages,>', 'clear optimize <ksm,>'],
    summary: 'Turn host tuning off, all of it or one part',
    doc: paras(
      '`clear optimize` turns every optimization off. `clear optimize affinity` stops CPU pinning, `clear optimize affinity filter` only forgets the CPU set, `clear optimize hugepages` stops using hugepages and `clear optimize ksm` turns KSM off.',
      nsBroadcast,
      'Example:',
      example('clear optimize affinity filter'),
    ),
    args: {},
    since23: { kind: 'changed', from: 'clear optimize', note: 'Runs on every host of the namespace (category `broadcast`, was `local`).' },
  },
];
