/** The mesh commands of 2.3, as the node sees them through its mesh port (docs/mesh.md). */
import { chainStartsWith, type Command, splitList, atoiError, goAtoi, goParseUint } from '../../language/index.js';
import { createTable } from '../contracts/responses.js';
import { formatSeconds, NO_TIMEOUT } from '../go-duration.js';
import { CommandError, reply, str, type Handler } from './types.js';
import { writeHostFile } from './host-files.js';

const degree: Handler = (ctx) => {
  const v = ctx.command.args.string.degree;
  if (v === undefined) return reply(ctx, String(ctx.node.meshDegree));
  // 2.3 parses the degree with strconv.ParseUint(s, 0, 10).
  const n = goParseUint(v, 10);
  if (typeof n === 'string') throw new CommandError(n);
  ctx.node.meshDegree = n;
  return reply(ctx);
};

const dial: Handler = async (ctx) => {
  const host = str(ctx, 'hostname');
  if (host === ctx.node.name || host === 'localhost') {
    throw new CommandError('cannot mesh dial yourself');
  }
  const err = await ctx.node.mesh.dial(host);
  if (err) throw new CommandError(err);
  return reply(ctx);
};

const hangup: Handler = async (ctx) => {
  const err = await ctx.node.mesh.hangup(str(ctx, 'hostname'));
  if (err) throw new CommandError(err);
  return reply(ctx);
};

/** `mesh list`'s text: each node, sorted, then its neighbours as ` |--name` lines. */
export function topologyText(topo: ReadonlyMap<string, Iterable<string>>): string {
  const lines: string[] = [];
  for (const n of [...topo.keys()].sort()) {
    lines.push(n);
    for (const m of [...topo.get(n)!].sort()) lines.push(` |--${m}`);
  }
  return lines.join('\n');
}

const listMesh: Handler = (ctx) => reply(ctx, topologyText(ctx.node.mesh.topology()));

const status: Handler = (ctx) => {
  const { node } = ctx;
  const size = node.mesh.topology().size;
  const row = [String(size), String(node.meshDegree), String(node.mesh.neighbours().length), 'minimega', String(node.mesh.port())];
  return [[createTable(node.name, ['mesh size', 'degree', 'peers', 'context', 'port'], [row])]];
};

const timeout: Handler = (ctx) => {
  const v = ctx.command.args.string.timeout;
  if (v === undefined) {
    return reply(ctx, ctx.node.meshTimeout === 0 ? NO_TIMEOUT : formatSeconds(ctx.node.meshTimeout));
  }
  const n = goAtoi(v);
  if (n === undefined) throw new CommandError(atoiError(v));
  ctx.node.meshTimeout = Number(n);
  return reply(ctx);
};

const dot: Handler = (ctx) => {
  const topo = ctx.node.mesh.topology();
  const edges: string[] = [];
  for (const [n, ns] of topo) for (const m of ns) if (n < m) edges.push(`\t"${n}" -- "${m}";`);
  const text = `graph minimega {\n${[...topo.keys()].map((n) => `\t"${n}";`).join('\n')}\n${edges.join('\n')}\n}\n`;
  writeHostFile(ctx, str(ctx, 'filename'), text);
  return reply(ctx);
};

/**
 * Why `c` may not travel over the mesh ("" when it may): 2.3 refuses `read`
 * and `mesh send` at any nesting level. Checked by the sender (`mesh send`,
 * as 2.3) and again by every receiver, whatever a peer claims to have checked.
 */
export function meshRefusal(c: Command): string {
  return chainStartsWith(c, ['read', 'mesh send']) ? `cannot run \`${c.original}\` over mesh` : '';
}

const send: Handler = async (ctx) => {
  const { node } = ctx;
  const sub = ctx.command.subcommand;
  if (sub?.kind !== 'Command') return [];
  const refused = meshRefusal(sub);
  if (refused) throw new CommandError(refused);
  const clients = str(ctx, 'clients');
  let hosts: string[];
  if (clients === 'all') {
    const r = ctx.space;
    hosts = r ? [...r.hosts].filter((h) => h !== node.name) : node.mesh.peers();
  } else {
    const parsed = splitList(clients);
    if (!parsed.ok) throw new CommandError(parsed.error);
    hosts = parsed.values;
    if (hosts.length === 1 && hosts[0] === node.name) throw new CommandError('cannot mesh send yourself');
    hosts = hosts.filter((h) => h !== node.name);
  }
  if (hosts.length === 0) return [];
  return [await node.send(hosts, { command: sub, source: '', record: ctx.options.compiledRecord })];
};

export const meshHandlers: Record<string, Handler> = {
  'mesh degree': degree,
  'mesh dial': dial,
  'mesh dot': dot,
  'mesh hangup': hangup,
  'mesh list': listMesh,
  'mesh status': status,
  'mesh timeout': timeout,
  'mesh send': send,
};
