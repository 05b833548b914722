import type { HandlerSpec } from '../types.js';

/** Handlers of the `capture` family, in minimega 2.3 registration order. */
export const captureHandlers: readonly HandlerSpec[] = [
  {
    id: "capture",
    group: "capture",
    category: "broadcast",
    patterns: [
      "capture",
      "capture <netflow,>",
      "capture <pcap,>",
    ],
    summary: "Lists running netflow and/or pcap captures, gathered from every host in the active namespace.",
    doc: "Lists running netflow and/or pcap captures, gathered from every host in the active namespace.",
    simulated: false,
    args: {
      "netflow": { summary: "restrict listing to netflow" },
      "pcap": { summary: "restrict listing to pcap" },
    },
  },
  {
    id: "capture pcap",
    group: "capture",
    category: "vmtarget",
    patterns: [
      "capture <pcap,> vm <name> <interface index> <filename>",
      "capture <pcap,> <delete,> vm <name>",
    ],
    summary: "Starts a pcap capture on one network interface of a VM, or stops all pcap captures of that VM.",
    doc: "Starts a pcap capture on one network interface of a VM, or stops all pcap captures of that VM.",
    simulated: false,
    args: {
      "name": { summary: "start: VM name/ID/UUID; delete: VM name (matched by name only) or 'all'" },
      "interface": { summary: "0-based interface index (integer)", domain: "int" },
      "filename": { summary: "output pcap path; relative paths resolve under the files dir" },
    },
  },
  {
    id: "capture#2",
    group: "capture",
    category: "local",
    patterns: [
      "capture <netflow,> <timeout,> [timeout]",
      "capture <netflow,> <bridge,> <bridge>",
      "capture <netflow,> <bridge,> <bridge> <file,> <filename>",
      "capture <netflow,> <bridge,> <bridge> <file,> <filename> <raw,ascii> [gzip]",
      "capture <netflow,> <bridge,> <bridge> <socket,> <tcp,udp> <hostname:port> <raw,ascii>",
      "capture <netflow,> <delete,> bridge <name>",
      "capture <pcap,> bridge <bridge> <filename>",
      "capture <pcap,> <delete,> bridge <name>",
    ],
    summary: "Sets up or tears down bridge-level netflow capture (to a file or a TCP/UDP collector, raw or ascii) and bridge-level pcap capture on this host, and reads or sets the netflow active-flow timeout.",
    doc: "Sets up or tears down bridge-level netflow capture (to a file or a TCP/UDP collector, raw or ascii) and bridge-level pcap capture on this host, and reads or sets the netflow active-flow timeout.",
    simulated: false,
    args: {
      "timeout": { summary: "integer seconds", domain: "int" },
      "bridge": { summary: "bridge name" },
      "filename": { summary: "output file path" },
      "raw": { summary: "netflow record encoding" },
      "ascii": { summary: "netflow record encoding" },
      "gzip": { summary: "any single word enables... see quirk" },
      "tcp": { summary: "collector transport" },
      "udp": { summary: "collector transport" },
      "hostname:port": { summary: "collector address host:port" },
      "name": { summary: "bridge name, or 'all' to stop every capture of that type" },
    },
    quirks: [
      "'[gzip]' is an optional *string* (no comma), so it lands in StringArgs['gzip'] while the handler reads BoolArgs['gzip'] -> compression is never enabled in 2.3",
      "'capture netflow timeout [timeout]': the get/set branches are inverted in 2.3 (a value prints the old timeout; no value -> Atoi error)",
      "choice <timeout,> and string [timeout] share key 'timeout' (BoolArgs vs StringArgs)",
    ],
  },
  {
    id: "clear capture",
    group: "capture",
    category: "broadcast",
    patterns: [
      "clear capture [netflow,pcap]",
    ],
    summary: "Stops all captures on every host of the active namespace.",
    doc: "Stops all captures on every host of the active namespace.",
    simulated: true,
    args: {
      "netflow": { summary: "accepted by the pattern but ignored by the 2.3 handler (clearAllCaptures stops everything)" },
      "pcap": { summary: "accepted by the pattern but ignored by the 2.3 handler (clearAllCaptures stops everything)" },
    },
  },
];
