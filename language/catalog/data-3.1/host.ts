import type { HandlerSpec } from '../types.js';
import { example, nsBroadcast, paras } from './doc-text.js';

/** Handlers of the `host` family, in minimega 3.1 registration order. */
export const hostHandlers: readonly HandlerSpec[] = [
  {
    id: 'host',
    group: 'host',
    category: 'broadcast',
    patterns: [
      'host',
      'host <cpucommit,>',
      'host <cpus,>',
      'host <load,>',
      'host <memcommit,>',
      'host <memtotal,>',
      'host <memused,>',
      'host <name,>',
      'host <netcommit,>',
      'host <rx,>',
      'host <tx,>',
      'host <uptime,>',
      'host <vms,>',
      'host <vmlimit,>',
    ],
    summary: 'Show facts about the hosts: CPUs, load, memory, network rates, VMs, commitments, uptime',
    doc: paras(
      '`host` prints `cpus | load | memused | memtotal | rx | tx | vms | vmlimit | cpucommit | memcommit | netcommit | uptime`, one row per host (the annotation column names the host; there is no `name` column). `host <field>` prints just that value.',
      'Formats: `load` is three load averages; `memused` and `memtotal` are plain megabytes; `rx` and `tx` are MB/s with one decimal; `vms` counts every VM on the host, in all namespaces; `cpucommit`, `memcommit` and `netcommit` add up the VCPUs, the megabytes and the interfaces of those VMs; `vmlimit` is the smallest `vm config coschedule` of its VMs plus one, or `-1` for no limit; `uptime` is a duration. The scheduler places VMs by these figures (see `ns load`).',
      nsBroadcast,
      'Examples:',
      example('host', 'host cpucommit'),
    ),
    args: {},
    since23: {
      kind: 'changed',
      from: 'host',
      note: '`bandwidth` and `vmsall` are gone; `cpucommit`, `memcommit`, `netcommit`, `rx`, `tx` and `vmlimit` are new, `vms` counts all namespaces, and memory prints without ` MB`.',
    },
  },
];
