/**
 * minicli 3.1's builtins where they differ from 2.3 (runtime-3.1.md §0.3):
 * `.columns` and `.filter` name columns case-insensitively by unique
 * prefix, and the new `.preprocess` and `.env`.
 */
import { filterMatches, parseFilter } from '../../language/index.js';
import { createError, createTable, type Batch, type Response } from '../contracts/responses.js';
import { bool, reply, str, type Handler, type HandlerContext } from '../handlers/types.js';

/** The column `name` means in `header`: an exact match, else the one column it prefixes. */
export function resolveColumn(header: readonly string[], name: string): { index: number } | { error: string } {
  const want = name.toLowerCase();
  const exact = header.findIndex((h) => h.toLowerCase() === want);
  if (exact >= 0) return { index: exact };
  const found = header.flatMap((h, i) => (h.toLowerCase().startsWith(want) ? [i] : []));
  if (found.length === 1) return { index: found[0]! };
  return { error: found.length > 1 ? `ambiguous column \`${name}\`` : `no such column \`${name}\`` };
}

function runSub(ctx: HandlerContext, extra: Partial<HandlerContext['options']> = {}): Promise<Batch[]> {
  const sub = ctx.command.subcommand;
  if (sub?.kind !== 'Command') return Promise.resolve([]);
  return ctx.run(sub, { ...ctx.options, record: false, compiledRecord: false, ...extra });
}

const columns: Handler = async (ctx) => {
  const wanted = str(ctx, 'columns').split(',');
  const batches = await runSub(ctx);
  return batches.map((batch) => {
    const out: Batch = [];
    for (const r of batch) {
      if (!r.header) {
        out.push(r);
        continue;
      }
      const idx: number[] = [];
      for (const w of wanted) {
        const c = resolveColumn(r.header, w);
        if ('error' in c) return [createError(ctx.node.name, c.error)];
        idx.push(c.index);
      }
      const header = idx.map((i) => r.header![i]!);
      out.push({ ...r, header, tabular: r.tabular ? r.tabular.map((row) => idx.map((i) => row[i]!)) : r.tabular });
    }
    return out;
  });
};

const filter: Handler = async (ctx) => {
  const f = parseFilter(str(ctx, 'filter'));
  if (!f) return [[createError(ctx.node.name, 'invalid filter, see help')]];
  const batches = await runSub(ctx);
  return batches.map((batch) => {
    if (f.column === 'host') return batch.filter((r) => filterMatches(f, r.host));
    const out: Response[] = [];
    for (const r of batch) {
      if (!r.header || !r.tabular) {
        out.push(r);
        continue;
      }
      const c = resolveColumn(r.header, f.column);
      if ('error' in c) return [createError(ctx.node.name, c.error)];
      out.push({ ...r, tabular: r.tabular.filter((row) => filterMatches(f, row[c.index] ?? '')) });
    }
    return out;
  });
};

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
