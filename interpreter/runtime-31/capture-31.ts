/**
 * 3.1's `capture` settings and bridge captures (catalog-3.1.json `capture`
 * #2 and #3): each namespace has its own pcap snap length and BPF filter and
 * netflow encoding and compression, which a netflow writer takes when it
 * starts; the netflow timeout can be set; bridge captures belong to the
 * namespace that started them. The checks and errors are 2.3's
 * (observed-2.3.md §12.2); nothing is opened (decision 12).
 */
import { atoiError, goAtoi, goParseUint } from '../../language/index.js';
import { bridgePcap } from '../handlers/capture.js';
import { CommandError, bool, reply, str, type Handler, type HandlerContext } from '../handlers/types.js';

/** `capture pcap snaplen|filter [value]`, `capture netflow mode|gzip [value]`: print or set the namespace's setting. */
const settings: Handler = (ctx) => {
  const d = ctx.node.hardware.captures.defaultsOf(ctx.ns);
  const s = ctx.command.args.string;
  if (bool(ctx, 'snaplen')) {
    if (s.size === undefined) return reply(ctx, String(d.snaplen));
    const n = goParseUint(s.size, 32);
    if (typeof n === 'string') throw new CommandError(n);
    d.snaplen = Number(n);
  } else if (bool(ctx, 'filter')) {
    if (s.bpf === undefined) return reply(ctx, d.filter);
    d.filter = s.bpf;
  } else if (bool(ctx, 'mode')) {
    if (bool(ctx, 'raw')) d.mode = 'raw';
    else if (bool(ctx, 'ascii')) d.mode = 'ascii';
    else return reply(ctx, d.mode);
  } else if (bool(ctx, 'true')) d.gzip = true;
  else if (bool(ctx, 'false')) d.gzip = false;
  else return reply(ctx, String(d.gzip));
  return reply(ctx);
};

/** `capture netflow bridge B F` / `... B tcp|udp H:P`: a writer with the namespace's encoding and compression. */
function netflow(ctx: HandlerContext): void {
  const { node, ns } = ctx;
  const captures = node.hardware.captures;
  const bridge = str(ctx, 'bridge');
  const socket = bool(ctx, 'tcp') || bool(ctx, 'udp');
  const writer = socket ? str(ctx, 'hostname:port') : node.files.resolve(str(ctx, 'filename'));
  const path = socket ? `${bool(ctx, 'tcp') ? 'tcp' : 'udp'}:${writer}` : writer;
  node.bridges.add(bridge);
  if (captures.entries.some((e) => e.type === 'netflow' && e.bridge === bridge && e.writer === writer)) {
    throw new CommandError(`netflow writer ${writer} already exists`);
  }
  const d = captures.defaultsOf(ns);
  captures.entries.push({ type: 'netflow', bridge, path, mode: d.mode, writer, compress: d.gzip, namespace: ns });
}

/** `capture netflow timeout [seconds]`: print or set the node's netflow timeout. */
function timeout(ctx: HandlerContext): string {
  const captures = ctx.node.hardware.captures;
  const text = ctx.command.args.string.timeout;
  if (text === undefined) return String(captures.netflowTimeout);
  const n = goAtoi(text);
  if (n === undefined) throw new CommandError(atoiError(text));
  captures.netflowTimeout = Number(n);
  return '';
}

/** `capture netflow|pcap delete bridge B` (`all`: every one of the namespace); a pcap that is not there is an error, a netflow writer never. */
function remove(ctx: HandlerContext): void {
  const { ns } = ctx;
  const b = str(ctx, 'bridge');
  const type = bool(ctx, 'pcap') ? 'pcap' : 'netflow';
  const n = ctx.node.hardware.captures.remove((e) => e.type === type && e.vm === undefined && e.namespace === ns && (b === 'all' || e.bridge === b));
  if (n === 0 && type === 'pcap' && b !== 'all') throw new CommandError(`no capture of type pcap on bridge ${b}`);
}

/** The local forms: bridge captures, their deletes, and the netflow timeout. */
const local: Handler = (ctx) => {
  if (bool(ctx, 'timeout')) return reply(ctx, timeout(ctx));
  if (bool(ctx, 'delete')) remove(ctx);
  else if (bool(ctx, 'pcap')) bridgePcap(ctx, ctx.ns);
  else netflow(ctx);
  return reply(ctx);
};

export const captureHandlers31: Record<string, Handler> = {
  'capture#2': settings,
  'capture#3': local,
};
