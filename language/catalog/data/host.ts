import type { HandlerSpec } from '../types.js';

/** Handlers of the `host` family, in minimega 2.3 registration order. */
export const hostHandlers: readonly HandlerSpec[] = [
  {
    id: "host",
    group: "host",
    category: "broadcast",
    patterns: [
      "host",
      "host <bandwidth,>",
      "host <cpus,>",
      "host <load,>",
      "host <memtotal,>",
      "host <memused,>",
      "host <name,>",
      "host <vms,>",
      "host <vmsall,>",
      "host <uptime,>",
    ],
    summary: "Reports host facts — network throughput, CPU count, load average, total/used memory, host name, VM counts, uptime — from each namespace host, as a table or one field.",
    doc: "Reports host facts — network throughput, CPU count, load average, total/used memory, host name, VM counts, uptime — from each namespace host, as a table or one field.",
    simulated: true,
    args: {
      "memtotal": { summary: "MB" },
      "memused": { summary: "MB" },
      "vms": { summary: "VMs in active namespace" },
      "vmsall": { summary: "all VMs regardless of namespace" },
    },
  },
];
