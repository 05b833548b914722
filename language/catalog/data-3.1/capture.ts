import type { HandlerSpec } from '../types.js';
import { example, nsBroadcast, nsNode, nsVmTarget, paras } from './doc-text.js';

/** Handlers of the `capture` family, in minimega 3.1 registration order. */
export const captureHandlers: readonly HandlerSpec[] = [
  {
    id: 'capture',
    group: 'capture',
    category: 'broadcast',
    patterns: ['capture'],
    summary: "List the namespace's running netflow and pcap captures",
    doc: paras(
      'Prints one row per capture of the namespace: `bridge | type | interface | mode | compress | path`. A VM capture shows the interface as `<vm>:<index>`.',
      nsBroadcast,
      'Example:',
      example('capture'),
    ),
    args: {},
    since23: {
      kind: 'changed',
      from: 'capture',
      note: '`capture netflow` and `capture pcap` no longer list one kind: those words now start the settings forms (`capture pcap snaplen`, ...).',
    },
  },
  {
    id: 'capture#2',
    group: 'capture',
    category: 'broadcast',
    patterns: [
      'capture <pcap,> <snaplen,> [size]',
      'capture <pcap,> <filter,> [bpf]',
      'capture <netflow,> <mode,> [raw,ascii]',
      'capture <netflow,> <gzip,> [true,false]',
    ],
    summary: 'Show or set capture defaults: pcap snap length and BPF filter, netflow encoding and compression',
    doc: paras(
      'Settings of the namespace that apply to captures started afterwards. Without a value each form prints the current setting.',
      '- `capture pcap snaplen [size]`: how many bytes of each packet a pcap capture keeps.\n- `capture pcap filter [bpf]`: a BPF expression that selects the packets to keep.\n- `capture netflow mode [raw|ascii]`: how netflow records are written.\n- `capture netflow gzip [true|false]`: whether netflow files are compressed.',
      nsBroadcast,
      'Examples:',
      example('capture pcap snaplen 1500', 'capture pcap filter "tcp port 80"', 'capture netflow mode ascii'),
    ),
    args: {
      size: {
        summary: 'Bytes kept of each packet, an unsigned 32-bit integer',
        doc: 'Example: `1500`. Omit it to print the current value.',
        domain: 'uint',
      },
      bpf: {
        summary: 'BPF filter expression; quote it when it has spaces',
        doc: 'Example: `"tcp port 80"`. It is not checked when set. Omit it to print the current filter.',
      },
      raw: { summary: 'Write netflow records in raw form', doc: 'Omit `raw`/`ascii` to print the current mode.' },
      ascii: { summary: 'Write netflow records as text', doc: 'Omit `raw`/`ascii` to print the current mode.' },
      true: { summary: 'Compress netflow files with gzip', doc: 'Omit `true`/`false` to print the current setting.' },
      false: { summary: 'Write netflow files uncompressed', doc: 'Omit `true`/`false` to print the current setting.' },
    },
    since23: { kind: 'added', note: 'New in 3.1; netflow encoding and compression moved here from the `capture netflow bridge` forms.' },
  },
  {
    id: 'capture pcap',
    group: 'capture',
    category: 'vmtarget',
    patterns: ['capture <pcap,> vm <vm name> <interface index> <filename>', 'capture <pcap,> <delete,> vm <vm name>'],
    summary: "Start a packet capture on a VM interface, or stop a VM's packet captures",
    doc: paras(
      "- `capture pcap vm <vm> <index> <file>` records the traffic of the VM's interface `<index>` (counted from 0) into a pcap file; relative names go to the files directory.\n- `capture pcap delete vm <vm>` stops the VM's pcap captures; `capture pcap delete vm all` those of every VM of the namespace.",
      nsVmTarget,
      'Examples:',
      example('capture pcap vm web1 0 web1.pcap', 'capture pcap delete vm web1'),
    ),
    args: {
      vm: {
        summary: 'The VM: name, id or UUID to start; name or `all` to stop',
        doc: 'One VM of the namespace, e.g. `web1`.',
        domain: 'vmName',
      },
      interface: {
        summary: 'Interface index of the VM, counted from 0',
        doc: 'An integer: `0` is the first interface of `vm config networks`.',
        domain: 'int',
      },
      filename: {
        summary: 'Output pcap file; relative names go to the files directory',
        doc: 'Example: `web1.pcap`.',
        domain: 'path',
      },
    },
    since23: { kind: 'changed', from: 'capture pcap', note: 'Same forms; only the argument is now called `vm`.' },
  },
  {
    id: 'capture#3',
    group: 'capture',
    category: 'local',
    patterns: [
      'capture <netflow,> <bridge,> <bridge> <filename>',
      'capture <netflow,> <bridge,> <bridge> <tcp,udp> <hostname:port>',
      'capture <netflow,> <delete,> bridge <bridge>',
      'capture <netflow,> <timeout,> [timeout in seconds]',
      'capture <pcap,> bridge <bridge> <filename>',
      'capture <pcap,> <delete,> bridge <bridge>',
    ],
    summary: 'On this host: start or stop netflow and pcap captures of a bridge, or set the netflow timeout',
    doc: paras(
      '- `capture netflow bridge <bridge> <file>` writes the flow records of a bridge to a file; `capture netflow bridge <bridge> tcp|udp <host:port>` sends them to a collector. The encoding and compression come from `capture netflow mode` and `capture netflow gzip`.\n- `capture netflow delete bridge <bridge>` stops netflow on a bridge (`all` for every bridge).\n- `capture netflow timeout [seconds]` prints or sets the active-flow timeout.\n- `capture pcap bridge <bridge> <file>` records every packet of a bridge; `capture pcap delete bridge <bridge>` stops it (`all` for every bridge).',
      nsNode + ' Open vSwitch keeps one netflow setup per bridge, whatever the namespace. To capture on every host, use `ns run` or `mesh send`.',
      'Examples:',
      example('capture pcap bridge mega_bridge all.pcap', 'capture netflow bridge mega_bridge udp collector:2055'),
    ),
    args: {
      bridge: {
        summary: 'Bridge to capture on, or `all` when stopping',
        doc: 'A bridge of this host, e.g. `mega_bridge`.',
        domain: 'bridge',
      },
      filename: {
        summary: 'Output file',
        doc: 'Where flow records or packets are written, e.g. `flows.txt` or `bridge.pcap`.',
        domain: 'path',
      },
      tcp: { summary: 'Send flow records to the collector over TCP', doc: 'Transport to the collector.' },
      udp: { summary: 'Send flow records to the collector over UDP', doc: 'Transport to the collector.' },
      'hostname:port': {
        summary: 'Collector address as `host:port`',
        doc: 'Example: `collector:2055` or `10.0.0.5:9995`.',
      },
      timeout: {
        summary: 'Active-flow timeout in seconds; omit to print it',
        doc: 'An integer, e.g. `30`.',
        domain: 'int',
      },
    },
    since23: {
      kind: 'changed',
      from: 'capture#2',
      note: 'Netflow to a file or collector is now `capture netflow bridge <bridge> <file>` or `... tcp|udp <host:port>`; the `file`, `socket`, `raw|ascii` and `gzip` words are gone (see `capture netflow mode|gzip`).',
    },
  },
  {
    id: 'clear capture',
    group: 'capture',
    category: 'broadcast',
    patterns: ['clear capture [netflow,pcap]'],
    summary: "Stop the namespace's captures, all of them or one kind",
    doc: paras(
      '`clear capture` stops every capture of the namespace; `clear capture netflow` and `clear capture pcap` stop only that kind.',
      nsBroadcast,
      'Example:',
      example('clear capture pcap'),
    ),
    args: {
      netflow: { summary: 'Stop only netflow captures', doc: 'Pcap captures keep running.' },
      pcap: { summary: 'Stop only pcap captures', doc: 'Netflow captures keep running.' },
    },
    since23: {
      kind: 'behaviour',
      from: 'clear capture',
      note: "Only the namespace's captures are stopped, and `netflow` or `pcap` now limits it to that kind.",
    },
  },
];
