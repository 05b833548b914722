/** `vlans` (aliases, ranges, blacklist) and `clear vlans`. */
import { quoteWord } from '../../language/index.js';
import { createTable } from '../contracts/responses.js';
import { VlanError } from '../vlan-table.js';
import { CommandError, bool, reply, str, type Handler, type HandlerContext } from './types.js';

/** Runs a VLAN table operation; its refusal becomes the command's error text. */
export function vlanOp<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof VlanError) throw new CommandError(e.message);
    throw e;
  }
}

/**
 * Tells the other nodes about a new alias, as 2.3 does (best effort: nobody
 * waits for the answers): `vlans add` to every peer, or to the namespace's
 * other hosts.
 */
export function broadcastAlias(ctx: HandlerContext, typed: string, _key: string, vlan: number): void {
  const { node } = ctx;
  const ns = ctx.ns;
  const record = ctx.space;
  const recipients = record ? [...record.hosts].filter((h) => h !== node.name) : node.mesh.peers();
  if (recipients.length === 0) return;
  const add = `vlans add ${quoteWord(typed)} ${vlan}`;
  const text = ns !== '' && !typed.includes('//') ? `namespace ${quoteWord(ns)} ${add}` : add;
  const c = node.language.compile(text);
  if (c.kind !== 'command') return;
  void node.send(recipients, { command: c.command, source: ns, record: false }).catch(() => undefined);
}

const vlans: Handler = (ctx) => {
  const { node } = ctx;
  const ns = ctx.ns;
  if (bool(ctx, 'add')) {
    vlanOp(() => node.vlans.add(str(ctx, 'alias'), str(ctx, 'vlan'), ns));
    return reply(ctx);
  }
  if (bool(ctx, 'range')) {
    if (ctx.command.args.string.min !== undefined) {
      vlanOp(() => node.vlans.setRange(str(ctx, 'min'), str(ctx, 'max'), ns));
      return reply(ctx);
    }
    const rows: string[][] = [];
    for (const [prefix, r] of node.vlans.ranges) {
      if (ns !== '' && prefix !== ns) continue;
      rows.push([prefix, String(r.min), String(r.max), String(r.next)]);
    }
    return [[createTable(node.name, ['namespace', 'min', 'max', 'next'], rows)]];
  }
  if (bool(ctx, 'blacklist')) {
    if (ctx.command.args.string.vlan !== undefined) {
      vlanOp(() => node.vlans.blacklist(str(ctx, 'vlan')));
      return reply(ctx);
    }
    const rows = node.vlans.blacklisted().map((v) => [String(v)]);
    return [[createTable(node.name, ['vlan'], rows)]];
  }
  return [[createTable(node.name, ['namespace', 'alias', 'vlan'], node.vlans.aliasRows(ns))]];
};

const clearVlans: Handler = (ctx) => {
  ctx.node.vlans.clear(str(ctx, 'prefix'), ctx.ns);
  return reply(ctx);
};

export const vlansHandlers: Record<string, Handler> = {
  vlans,
  'clear vlans': clearVlans,
};
