/**
 * A dialect made of an imported command set: its handlers in the binary's
 * order, matched with the minicli rules the set names (through that built-in
 * dialect's own compiler, over this catalog). A handler whose pattern list
 * equals one of the nearest built-in dialect's takes that handler's facts
 * (id, category, role, arguments, our help); any other has only what the
 * binary said, and its category is the dump spec's default, `local`, marked
 * unknown (cli-json.md 6).
 */
import { compileCatalog } from '../catalog/index.js';
import type { HandlerSpec } from '../catalog/types.js';
import { dialectOf, type Dialect } from '../dialect.js';
import { compilePattern } from '../patterns.js';
import type { CliHandler } from './cli-dump.js';
import type { CommandSet } from './command-set.js';

/** The dialect of a command set: the built-in one when the set is one unchanged and may stand for it. */
export function createImportedDialect(set: CommandSet): Dialect {
  const rules = dialectOf(set.rules)!;
  if (set.useBuiltin && set.sameAs !== undefined) return dialectOf(set.sameAs)!;
  const nearest = dialectOf(set.nearest)!;
  const catalog = compileCatalog(importedSpecs(set.handlers, nearest));
  return {
    version: rules.version,
    name: `the command set of minimega ${set.minimegaVersion ?? '(version unknown)'}`,
    catalog,
    createCompiler: (options) => rules.compilerOver(catalog, options),
    compilerOver: (other, options) => rules.compilerOver(other, options),
    expandPromptAliases: rules.expandPromptAliases,
    scriptChecks: rules.scriptChecks,
    imported: { minimegaVersion: set.minimegaVersion, nearest },
  };
}

/** The dialect of a command set, or why minicli would not have registered its patterns. */
export type ImportedDialectResult = { readonly ok: true; readonly dialect: Dialect } | { readonly ok: false; readonly error: string };

/**
 * Checks what minicli checks when handlers register (a dump from 2.2 on has
 * passed it; a saved or edited file may not have): no pattern twice, and
 * under 3.1's rules no two patterns ending on the same trie node. The
 * compiler built here is thrown away; services make their own.
 */
export function checkedImportedDialect(set: CommandSet): ImportedDialectResult {
  const seen = new Set<string>();
  for (const h of set.handlers) {
    for (const p of h.patterns) {
      if (seen.has(p)) return { ok: false, error: `duplicate pattern: \`${p}\`` };
      seen.add(p);
    }
  }
  const dialect = createImportedDialect(set);
  try {
    dialect.createCompiler();
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  return { ok: true, dialect };
}

/** Handler specs for the dump's handlers, borrowing from `nearest` where the patterns are the same. */
function importedSpecs(handlers: readonly CliHandler[], nearest: Dialect): HandlerSpec[] {
  const known = new Map<string, HandlerSpec>();
  for (const h of nearest.catalog.handlers) {
    const key = h.spec.patterns.join('\n');
    if (!known.has(key)) known.set(key, h.spec);
  }
  const ids = new Set<string>();
  const unique = (id: string): string => {
    let out = id;
    for (let n = 2; ids.has(out); n++) out = `${id}#${n}`;
    ids.add(out);
    return out;
  };
  return handlers.map((h) => {
    const imported = { helpShort: h.help_short, helpLong: h.help_long };
    const same = known.get(h.patterns.join('\n'));
    if (same) return { ...same, id: unique(same.id), imported: { ...imported, factsFrom: nearest.version } };
    return {
      id: unique(handlerName(h)),
      group: 'imported',
      category: 'local',
      patterns: h.patterns,
      summary: h.help_short,
      doc: h.help_long || h.help_short,
      args: {},
      imported: { ...imported, factsFrom: undefined },
    };
  });
}

/** The words every pattern starts with, single-option choices counted as words (cli-json.md 6). */
function handlerName(h: CliHandler): string {
  let common: string[] | undefined;
  for (const p of h.patterns) {
    const r = compilePattern(p);
    const words: string[] = [];
    if (r.ok) {
      for (const it of r.items) {
        if (it.type === 'literal') words.push(it.text);
        else if (it.type === 'choice' && it.options.length === 1 && !it.optional) words.push(it.options[0]!);
        else break;
      }
    }
    if (!common) common = words;
    else {
      let i = 0;
      while (i < common.length && i < words.length && common[i] === words[i]) i++;
      common = common.slice(0, i);
    }
  }
  return common && common.length > 0 ? common.join(' ') : h.shared_prefix || h.patterns[0]!;
}
