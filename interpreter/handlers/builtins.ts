/**
 * minicli's builtins: output flags (`.csv`, `.json`, `.headers`, `.annotate`,
 * `.sort`, `.compress`, `.record`), `.filter`, `.columns`, `.alias`, `.unalias`.
 */
import { parseFilter, filterMatches, parseAliasDefinition } from '../../language/index.js';
import { createError, createTable, type Batch, type Response } from '../contracts/responses.js';
import { batchFlags } from '../render/render-batch.js';
import { bool, list, reply, str, type Handler, type HandlerContext } from './types.js';

type FlagName = 'headers' | 'annotate' | 'sort' | 'compress';

/**
 * Runs the nested command with recording off at every level, as minicli's
 * `SetRecord(false)` does: a nested `mesh send` then sends its command with
 * recording off, and the receivers do not record it.
 */
export function runSub(ctx: HandlerContext, extra: Partial<HandlerContext['options']> = {}): Promise<Batch[]> {
  const sub = ctx.command.subcommand;
  if (sub?.kind !== 'Command') return Promise.resolve([]);
  return ctx.run(sub, { ...ctx.options, record: false, compiledRecord: false, ...extra });
}

/** A response that has a header (a table, perhaps with no rows). */
export type Headed = Response & { header: string[] };

/**
 * Each batch with `rewrite` applied to its responses that have a header
 * (others pass as they are); an error from `rewrite` makes the batch that
 * one error, as minicli's `.filter` and `.columns` stop at the first.
 */
export function rewriteHeaded(batches: Batch[], host: string, rewrite: (r: Headed) => Response | { error: string }): Batch[] {
  return batches.map((batch) => {
    const out: Batch = [];
    for (const r of batch) {
      if (!r.header) {
        out.push(r);
        continue;
      }
      const nr = rewrite(r as Headed);
      // A response always names its host; the bare `{ error }` is rewrite's refusal.
      if (!('host' in nr)) return [createError(host, nr.error)];
      out.push(nr);
    }
    return out;
  });
}

function flagBuiltin(name: FlagName): Handler {
  return async (ctx) => {
    const on = bool(ctx, 'true');
    const off = bool(ctx, 'false');
    if (ctx.command.subcommand !== null || ctx.command.items.some((i) => i.type === 'command')) {
      const batches = await runSub(ctx);
      for (const b of batches) {
        const f = batchFlags(b, ctx.node.flags);
        if (f) f[name] = on;
      }
      return batches;
    }
    if (!on && !off) return reply(ctx, String(ctx.node.flags[name]));
    ctx.node.flags[name] = on;
    return reply(ctx);
  };
}

function modeBuiltin(mode: 'csv' | 'json'): Handler {
  return async (ctx) => {
    const on = bool(ctx, 'true');
    const off = bool(ctx, 'false');
    if (ctx.command.items.some((i) => i.type === 'command')) {
      const batches = (await runSub(ctx)).filter((b) => b.length > 0);
      for (const b of batches) {
        const f = batchFlags(b, ctx.node.flags);
        if (!f) continue;
        if (on) f.mode = mode;
        else if (f.mode === mode) f.mode = 'default';
      }
      return batches;
    }
    const flags = ctx.node.flags;
    if (on) {
      flags.mode = mode;
      return reply(ctx);
    }
    if (off && flags.mode === mode) {
      flags.mode = 'default';
      return reply(ctx);
    }
    // `.csv false` outside csv mode is only a query, as on a real 2.3 node.
    return reply(ctx, String(flags.mode === mode));
  };
}

const record: Handler = async (ctx) => {
  const on = bool(ctx, 'true');
  const off = bool(ctx, 'false');
  if (ctx.command.items.some((i) => i.type === 'command')) {
    ctx.record = on;
    const batches = await runSub(ctx);
    for (const b of batches) {
      const f = batchFlags(b, ctx.node.flags);
      if (f) f.record = on;
    }
    return batches;
  }
  if (!on && !off) {
    ctx.record = false;
    return reply(ctx, String(ctx.node.flags.record));
  }
  ctx.node.flags.record = on;
  if (off) ctx.record = false;
  return reply(ctx);
};

/** Where a column name stands in a header, or the error text when it names none. */
export type ColumnFinder = (header: readonly string[], name: string) => { index: number } | { error: string };

/** 2.3 names a column by its whole name, case-insensitively. */
const exactColumn: ColumnFinder = (header, name) => {
  const index = header.findIndex((h) => h.toLowerCase() === name);
  return index < 0 ? { error: `no such column \`${name}\`` } : { index };
};

/** A `.filter` handler: keeps the rows whose `column` matches (`host` filters whole responses). */
export function filterHandler(find: ColumnFinder): Handler {
  return async (ctx) => {
    const f = parseFilter(str(ctx, 'filter'));
    if (!f) return [[createError(ctx.node.name, 'invalid filter, see help')]];
    const batches = await runSub(ctx);
    if (f.column === 'host') return batches.map((batch) => batch.filter((r) => filterMatches(f, r.host)));
    return rewriteHeaded(batches, ctx.node.name, (r) => {
      if (!r.tabular) return r;
      const c = find(r.header, f.column);
      if ('error' in c) return c;
      return { ...r, tabular: r.tabular.filter((row) => filterMatches(f, row[c.index] ?? '')) };
    });
  };
}

const filter = filterHandler(exactColumn);

const columns: Handler = async (ctx) => {
  const wanted = str(ctx, 'columns').split(',');
  return rewriteHeaded(await runSub(ctx), ctx.node.name, (r) => {
    if (!r.tabular) return { ...r, header: [...wanted] };
    const idx: number[] = [];
    for (const w of wanted) {
      const i = r.header.indexOf(w);
      if (i < 0) return { error: `no such column \`${w}\`` };
      idx.push(i);
    }
    return { ...r, header: [...wanted], tabular: r.tabular.map((row) => idx.map((i) => row[i]!)) };
  });
};

const alias: Handler = (ctx) => {
  const parts = list(ctx, 'alias');
  const aliases = ctx.node.aliases;
  if (parts.length === 0) {
    const rows = [...aliases].map(([k, v]) => [k, v]);
    return [[createTable(ctx.node.name, ['alias', 'expansion'], rows.length ? rows : null)]];
  }
  const def = parseAliasDefinition(parts);
  if (!def) return [[createError(ctx.node.name, 'expected alias of format `alias=expansion`')]];
  aliases.set(def[0], def[1]);
  return reply(ctx);
};

const unalias: Handler = (ctx) => {
  ctx.node.aliases.delete(str(ctx, 'alias'));
  return reply(ctx);
};

/** Builtin handlers by catalog id. */
export const builtinHandlers: Record<string, Handler> = {
  '.csv': modeBuiltin('csv'),
  '.json': modeBuiltin('json'),
  '.headers': flagBuiltin('headers'),
  '.annotate': flagBuiltin('annotate'),
  '.sort': flagBuiltin('sort'),
  '.compress': flagBuiltin('compress'),
  '.filter': filter,
  '.columns': columns,
  '.record': record,
  '.alias': alias,
  '.unalias': unalias,
};
