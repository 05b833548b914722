import type { HandlerSpec } from '../types.js';
import { example, nsBroadcast, nsLocal, nsVmTarget, paras } from './doc-text.js';

/** Handlers of the `capture` family, in minimega 2.3 registration order. */
export const captureHandlers: readonly HandlerSpec[] = [
  {
    id: 'capture',
    group: 'capture',
    category: 'broadcast',
    patterns: ['capture', 'capture <netflow,>', 'capture <pcap,>'],
    summary: 'List running netflow and pcap captures',
    doc: paras(
      '`capture` lists every running capture; `capture netflow` lists only netflow captures and `capture pcap` only packet captures.',
      nsBroadcast,
      'Example:',
      example('capture pcap'),
      'In `mm`: captures are recorded as if the mirror, the file or the collector worked; nothing is written or sent.',
    ),
    args: {
      netflow: {
        summary: 'List netflow captures only',
        doc: 'Restricts the listing to netflow captures.',
      },
      pcap: {
        summary: 'List pcap captures only',
        doc: 'Restricts the listing to packet (pcap) captures.',
      },
    },
  },
  {
    id: 'capture pcap',
    group: 'capture',
    category: 'vmtarget',
    patterns: ['capture <pcap,> vm <name> <interface index> <filename>', 'capture <pcap,> <delete,> vm <name>'],
    summary: "Start a packet capture on a VM interface, or stop a VM's packet captures",
    doc: paras(
      '- `capture pcap vm <vm> <interface> <file>` records the traffic of one network interface of a VM (counted from 0) into a pcap file. Relative file names are placed in the files directory.\n- `capture pcap delete vm <vm>` stops every pcap capture of that VM; `capture pcap delete vm all` stops the pcap captures of all VMs.',
      nsVmTarget,
      'Examples:',
      example('capture pcap vm web1 0 web1.pcap', 'capture pcap delete vm web1'),
      'Note: when starting, the VM can be given by name, id or UUID; when deleting, only by name (or `all`).',
      'In `mm`: captures are recorded as if the mirror, the file or the collector worked; nothing is written or sent.',
    ),
    args: {
      name: {
        summary: 'The VM (name, id or UUID to start; name or `all` to stop)',
        doc: 'One VM, e.g. `web1`. `capture pcap delete vm all` stops the captures of every VM.',
        domain: 'vmName',
      },
      interface: {
        summary: 'Interface index of the VM, counted from 0',
        doc: 'An integer: `0` is the first interface configured with `vm config net`.',
        domain: 'int',
      },
      filename: {
        summary: 'Output pcap file; relative names go to the files directory',
        doc: 'Example: `web1.pcap`.',
        domain: 'path',
      },
    },
  },
  {
    id: 'capture#2',
    group: 'capture',
    category: 'local',
    patterns: [
      'capture <netflow,> <timeout,> [timeout]',
      'capture <netflow,> <bridge,> <bridge>',
      'capture <netflow,> <bridge,> <bridge> <file,> <filename>',
      'capture <netflow,> <bridge,> <bridge> <file,> <filename> <raw,ascii> [gzip]',
      'capture <netflow,> <bridge,> <bridge> <socket,> <tcp,udp> <hostname:port> <raw,ascii>',
      'capture <netflow,> <delete,> bridge <name>',
      'capture <pcap,> bridge <bridge> <filename>',
      'capture <pcap,> <delete,> bridge <name>',
    ],
    summary: 'Start or stop netflow and pcap captures on a bridge of this host',
    doc: paras(
      'Captures traffic of a whole bridge on this host.',
      '- `capture netflow timeout [seconds]` is meant to read or set the netflow active-flow timeout (see the quirk below).\n- `capture netflow bridge <bridge>` sets up netflow on a bridge; add `file <filename>` to write the flow records to a file, optionally in `raw` or `ascii` form, or `socket tcp|udp <host:port> raw|ascii` to send them to a collector.\n- `capture netflow delete bridge <bridge>` stops netflow on a bridge (`all` for every bridge).\n- `capture pcap bridge <bridge> <filename>` records all packets of a bridge into a pcap file.\n- `capture pcap delete bridge <bridge>` stops it (`all` for every bridge).',
      nsLocal + ' To capture on every host, send it with `mesh send all capture ...`.',
      'Examples:',
      example('capture pcap bridge mega_bridge all.pcap', 'capture netflow bridge mega_bridge socket udp collector:2055 ascii'),
      '2.3 quirks: the trailing `gzip` word is accepted but compression is never turned on. `capture netflow timeout` has its two cases swapped: with a value it only prints the current timeout (`10`) and changes nothing, and without one it fails with `invalid timeout parameter:` and an empty value in backquotes.',
      'In `mm`: captures are recorded as if the mirror, the file or the collector worked; nothing is written or sent.',
    ),
    args: {
      timeout: {
        summary: 'Active-flow timeout in seconds',
        // No value check: 2.3 ignores the value, so `mm run` accepts any word here (observed-2.3.md).
        doc: 'An integer, e.g. `30` (but see the 2.3 quirk: the value is not read at all, any word is accepted).',
      },
      bridge: {
        summary: 'Bridge to capture on, e.g. `mega_bridge`',
        doc: 'The name of a bridge on this host.',
        domain: 'bridge',
      },
      filename: {
        summary: 'Output file',
        doc: 'Where the flow records or packets are written, e.g. `flows.txt` or `bridge.pcap`.',
        domain: 'path',
      },
      raw: {
        summary: 'Write netflow records in raw form',
        doc: 'Raw netflow records.',
      },
      ascii: {
        summary: 'Write netflow records as text',
        doc: 'Human-readable netflow records.',
      },
      gzip: {
        summary: 'Meant to compress the output file (has no effect in 2.3)',
        doc: 'Any word is accepted here, but 2.3 never turns compression on.',
      },
      tcp: {
        summary: 'Send flow records to the collector over TCP',
        doc: 'Transport for `socket`.',
      },
      udp: {
        summary: 'Send flow records to the collector over UDP',
        doc: 'Transport for `socket`.',
      },
      'hostname:port': {
        summary: 'Collector address as `host:port`',
        doc: 'Example: `collector:2055` or `10.0.0.5:9995`.',
      },
      name: {
        summary: 'Bridge whose capture to stop, or `all`',
        doc: 'A bridge name such as `mega_bridge`, or `all` to stop every capture of that kind.',
      },
    },
    quirks: [
      'The optional `gzip` word is accepted but never enables compression',
      '`capture netflow timeout` with a value only prints the current timeout; without one it fails with `invalid timeout parameter:` and an empty value in backquotes',
    ],
  },
  {
    id: 'clear capture',
    group: 'capture',
    category: 'broadcast',
    patterns: ['clear capture [netflow,pcap]'],
    summary: 'Stop all captures',
    doc: paras(
      'Stops every netflow and pcap capture.',
      nsBroadcast,
      'Example:',
      example('clear capture'),
      '2.3 quirk: `clear capture netflow` and `clear capture pcap` are accepted, but they stop every capture, not just the named kind.',
    ),
    args: {
      netflow: {
        summary: 'Meant to stop only netflow captures (2.3 stops all captures)',
        doc: 'Accepted, but 2.3 ignores it and stops every capture.',
      },
      pcap: {
        summary: 'Meant to stop only pcap captures (2.3 stops all captures)',
        doc: 'Accepted, but 2.3 ignores it and stops every capture.',
      },
    },
  },
];
