/**
 * 3.1's `mesh send`, `mesh status`, `mesh list` and `mesh timeout`
 * (runtime-3.1.md §7.1): `all` is every mesh peer, the nested command
 * travels with `Source` = `meshage` (so receivers run it locally and refuse
 * nested mesh commands) and keeps the command's namespace tag.
 */
import { goQuote, splitList } from '../../language/index.js';
import { createTable } from '../contracts/responses.js';
import { formatSeconds } from '../go-duration.js';
import { CommandError, bool, reply, str, type Handler } from '../handlers/types.js';
import { unsplitList31 } from '../render/compress-31.js';
import { compileOwn } from './namespace-handlers-31.js';
import { topologyText } from '../handlers/mesh.js';

/** The `Source` of commands that came with `mesh send`. */
export const MESHAGE = 'meshage';

const send: Handler = async (ctx) => {
  const { node } = ctx;
  if (ctx.options.source === MESHAGE) throw new CommandError(`cannot run \`${ctx.command.original}\` via meshage`);
  const sub = ctx.command.subcommand;
  if (sub?.kind !== 'Command') return [];
  const clients = str(ctx, 'hostname');
  let hosts: string[];
  if (clients === 'all') hosts = node.mesh.peers();
  else {
    const parsed = splitList(clients);
    if (!parsed.ok) throw new CommandError(parsed.error);
    if (parsed.values.includes('all')) throw new CommandError('wildcard included amongst list of recipients');
    if (parsed.values.length === 1 && parsed.values[0] === node.name) throw new CommandError('cannot mesh send yourself');
    hosts = parsed.values.filter((h) => h !== node.name);
  }
  if (hosts.length === 0) return [];
  const tag = ctx.options.namespace;
  const command = tag ? compileOwn(node, `namespace ${goQuote(tag)} ${sub.original}`) : sub;
  return [await node.send(hosts, { command, source: MESHAGE, record: ctx.options.compiledRecord, meshSend: true })];
};

const status: Handler = (ctx) => {
  const { node } = ctx;
  const size = Math.max(1, node.mesh.topology().size);
  const row = [String(size), String(node.meshDegree), String(node.mesh.neighbours().length), 'minimega', String(node.mesh.port())];
  return [[createTable(node.name, ['size', 'degree', 'peers', 'context', 'port'], [row])]];
};

const list: Handler = (ctx) => {
  const { node } = ctx;
  if (bool(ctx, 'all')) return reply(ctx, unsplitList31([node.name, ...node.mesh.peers()]));
  if (bool(ctx, 'peers')) return reply(ctx, unsplitList31(node.mesh.peers()));
  const topo = node.mesh.topology();
  if (topo.size === 0) return reply(ctx, node.name);
  return reply(ctx, topologyText(topo));
};

const timeout: Handler = (ctx) => {
  const v = ctx.command.args.string.timeout;
  if (v === undefined) return reply(ctx, ctx.node.meshTimeout === 0 ? 'unlimited' : formatSeconds(ctx.node.meshTimeout));
  const n = Number.parseInt(v, 10);
  if (!/^[+-]?[0-9]+$/.test(v)) throw new CommandError(`strconv.Atoi: parsing ${goQuote(v)}: invalid syntax`);
  ctx.node.meshTimeout = Math.max(0, n);
  return reply(ctx);
};

export const meshHandlers31: Record<string, Handler> = {
  'mesh send': send,
  'mesh status': status,
  'mesh list': list,
  'mesh timeout': timeout,
};
