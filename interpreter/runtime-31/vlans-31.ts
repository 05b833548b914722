/**
 * 3.1's `vlans`, `clear vlans` and `tap` listing (runtime-3.1.md §6.4-6.7):
 * aliases of the command's namespace only, `minimega`'s range is the
 * default range, `clear vlans all` resets everything.
 */
import { createTable } from '../contracts/responses.js';
import { vlanOp } from '../handlers/vlans.js';
import { bool, reply, str, type Handler } from '../handlers/types.js';
import { DEFAULT_NAMESPACE } from './namespace-31.js';

/** The key of the namespace's range: `minimega` uses the default range. */
const rangeKey = (ns: string): string => (ns === DEFAULT_NAMESPACE ? '' : ns);

const vlans: Handler = (ctx) => {
  const { node, ns } = ctx;
  if (bool(ctx, 'add')) {
    vlanOp(() => node.vlans.add(str(ctx, 'alias'), str(ctx, 'vlan'), ns));
    return reply(ctx);
  }
  if (bool(ctx, 'range')) {
    if (ctx.command.args.string.min !== undefined) {
      vlanOp(() => node.vlans.setRange(str(ctx, 'min'), str(ctx, 'max'), rangeKey(ns)));
      return reply(ctx);
    }
    const r = node.vlans.ranges.get(rangeKey(ns));
    const rows = r ? [[String(r.min), String(r.max), String(r.next)]] : [];
    return [[createTable(node.name, ['min', 'max', 'next'], rows)]];
  }
  if (bool(ctx, 'blacklist')) {
    if (ctx.command.args.string.vlan !== undefined) {
      vlanOp(() => node.vlans.blacklist(str(ctx, 'vlan')));
      return reply(ctx);
    }
    return [
      [
        createTable(
          node.name,
          ['vlan'],
          node.vlans.blacklisted().map((v) => [String(v)]),
        ),
      ],
    ];
  }
  const rows = node.vlans.aliasRows(ns).map((r) => [r[1]!, r[2]!]);
  return [[createTable(node.name, ['alias', 'vlan'], rows)]];
};

const clearVlans: Handler = (ctx) => {
  const prefix = str(ctx, 'prefix');
  // `all` resets the whole table, ranges included; anything else is a prefix within the namespace.
  if (prefix === 'all') ctx.node.vlans.clear('', '');
  else ctx.node.vlans.clear(prefix, ctx.ns);
  return reply(ctx);
};

export const vlansHandlers31: Record<string, Handler> = {
  vlans,
  'clear vlans': clearVlans,
};
