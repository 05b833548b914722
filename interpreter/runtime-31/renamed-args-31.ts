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

/** `tap delete <tap name or all>` names the tap `tap`; 2.3's handler reads `id` (only for delete). */
function tapRename(c: Command): Readonly<Record<string, string>> {
  return c.args.bool.delete ? { tap: 'id' } : {};
}

function renamed(c: Command, map: Readonly<Record<string, string>>): Command {
  const rename = <T>(o: Readonly<Record<string, T>>): Record<string, T> => Object.fromEntries(Object.entries(o).map(([k, v]) => [map[k] ?? k, v]));
  return { ...c, args: { string: rename(c.args.string), bool: c.args.bool, list: rename(c.args.list) } };
}

/** The 2.3 handler for `id`, adapted to 3.1's argument names when they differ. */
export function adapt23(id: string, handler: Handler): Handler {
  const map = RENAMED[id];
  if (id === 'tap') return (ctx) => handler({ ...ctx, command: renamed(ctx.command, tapRename(ctx.command)) });
  if (!map) return handler;
  return (ctx) => handler({ ...ctx, command: renamed(ctx.command, map) });
}
