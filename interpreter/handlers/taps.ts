/** Host taps: `tap` (create, delete, list) and `clear tap`. */
import { createTable } from '../contracts/responses.js';
import { VlanError } from '../vlan-table.js';
import type { HandlerContext } from './types.js';
import { CommandError, bool, reply, str, type Handler } from './types.js';
import { DEFAULT_BRIDGE } from '../../language/index.js';
import { broadcastAlias } from './vlans.js';

function create(ctx: HandlerContext): string {
  const { node } = ctx;
  const bridge = ctx.command.args.string.bridge ?? DEFAULT_BRIDGE;
  if (bridge === 'all') throw new CommandError('`all` is a reserved word -- cannot use for bridge name');
  const given = ctx.command.args.string.tap;
  if (given === 'all') throw new CommandError('`all` is a reserved word -- cannot use for tap name');
  let vlan: number;
  try {
    const typed = str(ctx, 'vlan');
    vlan = node.vlans.resolve(typed, ctx.ns, (key, v) => broadcastAlias(ctx, typed, key, v));
  } catch (e) {
    if (e instanceof VlanError) throw new CommandError(e.message);
    throw e;
  }
  if (given !== undefined && given !== '') {
    const existing = node.taps.get(given);
    if ((existing && existing.bridge === bridge) || node.leakedTaps.get(given) === bridge) throw new CommandError('tap already on bridge');
  }
  const name = given !== undefined && given !== '' ? given : node.nextTapName();
  node.bridges.add(bridge);
  node.taps.set(name, { name, bridge, vlan, namespace: ctx.ns });
  ctx.space?.taps.add(name);
  return name;
}

function remove(ctx: HandlerContext, id: string): void {
  const { node } = ctx;
  const r = ctx.space;
  if (id === 'all') {
    for (const t of [...node.taps.values()]) {
      if (r && !r.taps.has(t.name)) continue;
      node.taps.delete(t.name);
      node.releaseTap(t.name, t.bridge);
      r?.taps.delete(t.name);
    }
    return;
  }
  const tap = node.taps.get(id);
  if (!tap) {
    for (const vm of node.vms.values()) if (vm.nets.some((n) => n.tap === id)) throw new CommandError('not a host tap');
    throw new CommandError('unknown tap');
  }
  if (r && !r.taps.has(id)) throw new CommandError('not a host tap in active namespace');
  node.taps.delete(id);
  node.releaseTap(id, tap.bridge);
  r?.taps.delete(id);
}

const tap: Handler = (ctx) => {
  const { node } = ctx;
  if (bool(ctx, 'create')) return reply(ctx, create(ctx));
  if (bool(ctx, 'delete')) {
    remove(ctx, str(ctx, 'id'));
    return reply(ctx);
  }
  const ns = ctx.ns;
  const rows: string[][] = [];
  for (const t of node.taps.values()) {
    if (ns !== '' && t.namespace !== ns) continue;
    const vlan = node.vlans.print(t.vlan, ns);
    rows.push(ns !== '' ? [t.bridge, t.name, vlan] : [t.bridge, t.name, vlan, t.namespace]);
  }
  const header = ns !== '' ? ['bridge', 'tap', 'vlan'] : ['bridge', 'tap', 'vlan', 'namespace'];
  return [[createTable(node.name, header, rows)]];
};

const clearTap: Handler = (ctx) => {
  remove(ctx, 'all');
  return reply(ctx);
};

export const tapHandlers: Record<string, Handler> = {
  tap,
  'clear tap': clearTap,
};
