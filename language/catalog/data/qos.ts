import type { HandlerSpec } from '../types.js';

/** Handlers of the `qos` family, in minimega 2.3 registration order. */
export const qosHandlers: readonly HandlerSpec[] = [
  {
    id: "qos add",
    group: "qos",
    category: "vmtarget",
    patterns: [
      "qos <add,> <target> <interface> <loss,> <percent>",
      "qos <add,> <target> <interface> <delay,> <duration>",
      "qos <add,> <target> <interface> <rate,> <bw> <kbit,mbit,gbit>",
    ],
    summary: "Adds an outbound traffic-shaping rule — random packet loss, extra latency, or a bandwidth cap — on one interface of the targeted VMs.",
    doc: "Adds an outbound traffic-shaping rule — random packet loss, extra latency, or a bandwidth cap — on one interface of the targeted VMs.",
    simulated: false,
    args: {
      "target": { summary: "VM target: name, numeric ID, comma list, range expr like foo[0-3,5], or 'all' (ranges.SplitList)", domain: "vmTarget" },
      "interface": { summary: "0-based interface index (unsigned integer; 'all' rejected)", domain: "uint" },
      "percent": { summary: "float, 0 <= p < 100", domain: "float" },
      "duration": { summary: "Go duration such as 100ms or 1s; a bare number is taken as ms", domain: "duration" },
      "bw": { summary: "unsigned integer", domain: "uint" },
      "kbit": { summary: "unit for bw" },
      "mbit": { summary: "unit for bw" },
      "gbit": { summary: "unit for bw" },
    },
  },
  {
    id: "clear qos",
    group: "qos",
    category: "vmtarget",
    patterns: [
      "clear qos <target> [interface]",
    ],
    summary: "Removes traffic-shaping rules from one interface of the targeted VMs.",
    doc: "Removes traffic-shaping rules from one interface of the targeted VMs.",
    simulated: false,
    args: {
      "target": { summary: "VM target: name, numeric ID, comma list, range expr like foo[0-3,5], or 'all' (ranges.SplitList)", domain: "vmTarget" },
      "interface": { summary: "0-based interface index", domain: "uint" },
    },
    quirks: [
      "[interface] is optional in the pattern but the 2.3 handler fails with 'invalid tap index' when it is omitted",
    ],
  },
];
