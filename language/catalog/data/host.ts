import type { HandlerSpec } from '../types.js';
import { example, nsBroadcast, paras } from './doc-text.js';

/** Handlers of the `host` family, in minimega 2.3 registration order. */
export const hostHandlers: readonly HandlerSpec[] = [
  {
    id: 'host',
    group: 'host',
    category: 'broadcast',
    patterns: [
      'host',
      'host <bandwidth,>',
      'host <cpus,>',
      'host <load,>',
      'host <memtotal,>',
      'host <memused,>',
      'host <name,>',
      'host <vms,>',
      'host <vmsall,>',
      'host <uptime,>',
    ],
    summary: 'Show facts about the host: name, CPUs, load, memory, bandwidth, VM counts, uptime',
    doc: paras(
      '`host` prints a table `name | cpus | load | memused | memtotal | bandwidth | vms | vmsall | uptime` with one row per host. `host <field>` prints just that value, e.g. `host vms`.',
      'Formats: `load` is three load averages (`0.31 0.28 0.24`), `memused` and `memtotal` are `<n> MB`, `bandwidth` is `<rx>/<tx> (rx/tx MB/s)`, `uptime` is `<seconds> s`. `vms` counts the VMs of the active namespace on that host, `vmsall` every VM on it.',
      nsBroadcast +
        ' So `namespace dev host` shows one row per host of `dev`, and identical single values are merged (`host vms` on two hosts with 2 VMs each prints `2` once, prefixed by both host names when annotation is on).',
      'Examples:',
      example('host', 'namespace dev host vms'),
    ),
    args: {
      bandwidth: { summary: 'Network throughput, `<rx>/<tx> (rx/tx MB/s)`', doc: 'Received and transmitted megabytes per second, one decimal.' },
      cpus: { summary: 'Number of CPUs', doc: 'An integer.' },
      load: { summary: 'The three load averages', doc: 'Example: `0.31 0.28 0.24`.' },
      memtotal: { summary: 'Total memory, `<n> MB`', doc: 'Example: `32011 MB`.' },
      memused: { summary: 'Memory in use, `<n> MB`', doc: 'Example: `2048 MB`.' },
      name: { summary: "The host's name", doc: 'The node name (`--name` in `mm`, the hostname in minimega).' },
      vms: { summary: 'Number of VMs of the active namespace on the host', doc: 'With no namespace active, all VMs.' },
      vmsall: { summary: 'Number of all VMs on the host, whatever their namespace', doc: "Counts every VM, including other namespaces'." },
      uptime: { summary: 'Time since the host booted, `<seconds> s`', doc: 'Seconds with two decimals.' },
    },
  },
];
