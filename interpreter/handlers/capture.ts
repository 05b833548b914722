/**
 * `capture` and `clear capture`: pcap captures of VM
 * interfaces and bridges, netflow writers on bridges, listed per namespace.
 * The simulator records each capture as if the bridge mirror, the pcap file
 * or the collector connection worked; nothing is opened.
 */
import { goAtoi } from '../../language/index.js';
import { createTable } from '../contracts/responses.js';
import { isVisible, type CaptureEntry } from '../state/captures.js';
import { CommandError, bool, reply, str, type Handler, type HandlerContext } from './types.js';
import { oneVm } from './vm-lookup.js';

const HEADERS = {
  all: ['Bridge', 'Type', 'VM/interface', 'Mode', 'Compress', 'Path'],
  pcap: ['Bridge', 'VM/interface', 'Path'],
  netflow: ['Bridge', 'Mode', 'Compress', 'Path'],
} as const;

function cells(e: CaptureEntry): Record<string, string> {
  return {
    Bridge: e.bridge,
    Type: e.type,
    'VM/interface': e.vm ? `${e.vm.name}:${e.vm.iface}` : 'N/A',
    Mode: e.mode,
    // The `gzip` slot never turns compression on in 2.3; 3.1's `capture netflow gzip true` does.
    Compress: String(e.compress === true),
    Path: e.path,
    Namespace: e.vm ? e.vm.namespace : 'N/A',
  };
}

/** `capture`, `capture pcap`, `capture netflow`: the form only chooses columns; every visible entry is listed. */
const list: Handler = (ctx) => {
  const { node } = ctx;
  const ns = ctx.ns;
  const form = bool(ctx, 'pcap') ? 'pcap' : bool(ctx, 'netflow') ? 'netflow' : 'all';
  const header: string[] = [...HEADERS[form]];
  if (ns === '') header.push('Namespace');
  const rows = node.hardware.captures.visible(ns).map((e) => {
    const c = cells(e);
    return header.map((h) => c[h]!);
  });
  return [[createTable(node.name, header, rows)]];
};

/** `capture pcap vm V I F` and `capture pcap delete vm V` (vm-target). */
const vmPcap: Handler = (ctx) => {
  const { node } = ctx;
  const captures = node.hardware.captures;
  const ns = ctx.ns;
  const name = str(ctx, 'name');
  if (bool(ctx, 'delete')) {
    const mine = (e: CaptureEntry): boolean =>
      e.type === 'pcap' && e.vm !== undefined && (ns === '' || e.vm.namespace === ns) && (name === 'all' || e.vm.name === name);
    // A VM without captures is "not found", even when it exists.
    if (captures.remove(mine) === 0 && name !== 'all') throw new CommandError(`vm not found: ${name}`);
    return reply(ctx);
  }
  const ifaceText = str(ctx, 'interface');
  const iface = goAtoi(ifaceText);
  if (iface === undefined) throw new CommandError(`invalid interface: \`${ifaceText}\``);
  const vm = oneVm(ctx, 'name');
  // A negative index crashes 2.3; the simulator gives the out-of-range error.
  const nic = iface < 0n ? undefined : vm.nets[Number(iface)];
  if (!nic) throw new CommandError(`no such interface ${iface}`);
  captures.entries.push({
    type: 'pcap',
    bridge: nic.bridge,
    vm: { name: vm.name, namespace: vm.namespace, iface: Number(iface) },
    path: node.files.resolve(str(ctx, 'filename')),
    mode: 'N/A',
  });
  return reply(ctx);
};

/** `capture pcap bridge B F`: a pcap of the whole bridge through a mirror port (3.1 tags it with the command's namespace). */
export function bridgePcap(ctx: HandlerContext, namespace?: string): void {
  const { node } = ctx;
  const captures = node.hardware.captures;
  const bridge = str(ctx, 'bridge');
  node.bridges.add(bridge);
  if (captures.mirrors.has(bridge)) throw new CommandError('bridge already has a mirror');
  // The mirror port draws a name from the node's tap counter.
  captures.mirrors.set(bridge, node.nextTapName());
  captures.entries.push({
    type: 'pcap',
    bridge,
    path: node.files.resolve(str(ctx, 'filename')),
    mode: 'N/A',
    ...(namespace === undefined ? {} : { namespace }),
  });
}

function netflow(ctx: HandlerContext): void {
  const { node } = ctx;
  const captures = node.hardware.captures;
  const bridge = str(ctx, 'bridge');
  let path: string;
  let writer: string;
  if (bool(ctx, 'socket')) {
    writer = str(ctx, 'hostname:port');
    path = `${bool(ctx, 'tcp') ? 'tcp' : 'udp'}:${writer}`;
  } else {
    path = node.files.resolve(str(ctx, 'filename'));
    writer = path;
  }
  const mode = bool(ctx, 'ascii') ? 'ascii' : 'raw';
  node.bridges.add(bridge);
  if (captures.entries.some((e) => e.type === 'netflow' && e.bridge === bridge && e.writer === writer)) {
    throw new CommandError(`netflow writer ${writer} already exists`);
  }
  captures.entries.push({ type: 'netflow', bridge, path, mode, writer });
}

/** The local forms: netflow writers and timeout, bridge pcaps, and their deletes. */
const local: Handler = (ctx) => {
  const captures = ctx.node.hardware.captures;
  if (bool(ctx, 'timeout')) {
    // 2.3 has its two cases swapped: a value prints the timeout, none fails.
    const value = ctx.command.args.string.timeout;
    if (value === undefined) throw new CommandError('invalid timeout parameter: ``');
    return reply(ctx, String(captures.netflowTimeout));
  }
  if (bool(ctx, 'delete')) {
    const b = str(ctx, 'name');
    const type = bool(ctx, 'pcap') ? 'pcap' : 'netflow';
    const n = captures.remove((e) => e.type === type && e.vm === undefined && (b === 'all' || e.bridge === b));
    // netflow deletes never fail: 2.3 replaces the error with a clean-up's success.
    if (n === 0 && type === 'pcap' && b !== 'all') throw new CommandError(`no capture of type pcap on bridge ${b}`);
    return reply(ctx);
  }
  if (bool(ctx, 'pcap')) bridgePcap(ctx);
  else if (bool(ctx, 'file') || bool(ctx, 'socket')) netflow(ctx);
  else throw new CommandError('unreachable');
  return reply(ctx);
};

/** `clear capture [netflow|pcap]`: the word is ignored; every visible entry goes. */
const clear: Handler = (ctx) => {
  const ns = ctx.ns;
  ctx.node.hardware.captures.remove((e) => isVisible(e, ns));
  return reply(ctx);
};

export const captureHandlers: Record<string, Handler> = {
  capture: list,
  'capture pcap': vmPcap,
  'capture#2': local,
  'clear capture': clear,
};
