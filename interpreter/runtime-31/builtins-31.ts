/**
 * minicli 3.1's builtins where they differ from 2.3 (runtime-3.1.md §0.3):
 * `.columns` and `.filter` name columns case-insensitively by unique
 * prefix, and the new `.preprocess` and `.env`.
 */
import { createTable } from '../contracts/responses.js';
import { bool, reply, str, type Handler } from '../handlers/types.js';
import { filterHandler, rewriteHeaded, runSub } from '../handlers/builtins.js';

/** The column `name` means in `header`: an exact match, else the one column it prefixes. */
export function resolveColumn(header: readonly string[], name: string): { index: number } | { error: string } {
  const want = name.toLowerCase();
  const exact = header.findIndex((h) => h.toLowerCase() === want);
  if (exact >= 0) return { index: exact };
  const found = header.flatMap((h, i) => (h.toLowerCase().startsWith(want) ? [i] : []));
  if (found.length === 1) return { index: found[0]! };
  return { error: found.length > 1 ? `ambiguous column \`${name}\`` : `no such column \`${name}\`` };
}

const columns: Handler = async (ctx) => {
  const wanted = str(ctx, 'columns').split(',');
  return rewriteHeaded(await runSub(ctx), ctx.node.name, (r) => {
    const idx: number[] = [];
    for (const w of wanted) {
      const c = resolveColumn(r.header, w);
      if ('error' in c) return c;
      idx.push(c.index);
    }
    const header = idx.map((i) => r.header[i]!);
    return { ...r, header, tabular: r.tabular ? r.tabular.map((row) => idx.map((i) => row[i]!)) : r.tabular };
  });
};

const filter = filterHandler(resolveColumn);

const preprocessBuiltin: Handler = async (ctx) => {
  const on = bool(ctx, 'true');
  if (ctx.command.items.some((i) => i.type === 'command')) return runSub(ctx, { preprocess: on });
  if (!on && !bool(ctx, 'false')) return reply(ctx, String(ctx.node.preprocessing));
  ctx.node.preprocessing = on;
  return reply(ctx);
};

const env: Handler = (ctx) => {
  const { node } = ctx;
  const name = ctx.command.args.string.name;
  const value = ctx.command.args.string.value;
  if (name === undefined) {
    const rows = Object.keys(node.env)
      .filter((k) => node.env[k] !== undefined)
      .sort()
      .map((k) => [k, node.env[k]!]);
    return [[createTable(node.name, ['key', 'value'], rows)]];
  }
  if (value === undefined) return reply(ctx, node.env[name] ?? '');
  if (value === '') delete node.env[name];
  else node.env[name] = value;
  return reply(ctx);
};

export const builtinHandlers31: Record<string, Handler> = {
  '.columns': columns,
  '.filter': filter,
  '.preprocess': preprocessBuiltin,
  '.env': env,
};
