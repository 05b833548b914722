/**
 * 2.3 handlers that 3.1 reuses although 3.1's patterns name an argument
 * differently (`<vm target>` instead of `<target>`, ...): the renames as
 * data, and the adapter that hands the 2.3 handler the names it reads.
 */
import type { Command } from '../../language/index.js';
import type { Handler } from '../handlers/types.js';

/** Catalog id to (3.1 argument key to the 2.3 handler's key). */
const RENAMED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'vm kill': { vm: 'target' },
  'vm stop': { vm: 'target' },
  'qos add': { vm: 'target' },
  'clear qos': { vm: 'target', tap: 'interface' },
  'capture pcap': { vm: 'name' },
};

/**
 * 3.1 ids whose work one 2.3 handler did, told apart there by a keyword
 * 3.1 now writes as a literal: the 2.3 id and the keyword it reads.
 */
const SPLIT: Readonly<Record<string, { readonly from: string; readonly keyword?: string }>> = {
  'disk create': { from: 'disk', keyword: 'create' },
  'disk snapshot': { from: 'disk', keyword: 'snapshot' },
  'disk info': { from: 'disk', keyword: 'info' },
  'disk inject': { from: 'disk' },
};

/** The 2.3 handler a split 3.1 id runs (with the keyword it reads set), if the id is one. */
export function splitHandler(id: string, handlerFor23: (id: string) => Handler): Handler | undefined {
  const s = SPLIT[id];
  if (!s) return undefined;
  const handler = handlerFor23(s.from);
  const keyword = s.keyword;
  if (keyword === undefined) return handler;
  return (ctx) => handler({ ...ctx, command: { ...ctx.command, args: { ...ctx.command.args, bool: { ...ctx.command.args.bool, [keyword]: true } } } });
}

/** `tap delete <tap name or all>` names the tap `tap`; 2.3's handler reads `id` (only for delete). */
function tapRename(c: Command): Readonly<Record<string, string>> {
  return c.args.bool.delete ? { tap: 'id' } : {};
}

function renamed(c: Command, map: Readonly<Record<string, string>>): Command {
  const rename = <T>(o: Readonly<Record<string, T>>): Record<string, T> => Object.fromEntries(Object.entries(o).map(([k, v]) => [map[k] ?? k, v]));
  return { ...c, args: { string: rename(c.args.string), bool: c.args.bool, list: rename(c.args.list) } };
}

/** 2.3 table headers 3.1 renamed, by catalog id (runtime-3.1.md §7.5). */
const HEADERS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  capture: { Bridge: 'bridge', Type: 'type', 'VM/interface': 'interface', Mode: 'mode', Compress: 'compress', Path: 'path' },
};

/** A handler whose tables get 3.1's header names. */
function withHeaders(handler: Handler, names: Readonly<Record<string, string>>): Handler {
  return async (ctx) => {
    const batches = await handler(ctx);
    return batches.map((b) => b.map((r) => (r.header ? { ...r, header: r.header.map((h) => names[h] ?? h) } : r)));
  };
}

/** The 2.3 handler for `id`, adapted to 3.1's argument names and headers where they differ. */
export function adapt23(id: string, handler: Handler): Handler {
  const headers = HEADERS[id];
  const h = headers ? withHeaders(handler, headers) : handler;
  const map = RENAMED[id];
  if (id === 'tap') return (ctx) => h({ ...ctx, command: renamed(ctx.command, tapRename(ctx.command)) });
  if (!map) return h;
  return (ctx) => h({ ...ctx, command: renamed(ctx.command, map) });
}
