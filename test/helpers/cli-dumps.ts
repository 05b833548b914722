/**
 * `minimega -cli` outputs made at test time in the shape of cli-json.md
 * section 3, from the shared catalogs' handlers (same patterns, same order,
 * as section 8 says the real dumps are), written as Go writes them: one line,
 * `<`, `>` and `&` escaped, then a newline.
 */
import { readFileSync } from 'node:fs';
import { cliItems, type CliHandler } from '../../language/index.js';
import { compilePattern } from '../../language/patterns.js';
import { sharedPath } from './shared.js';

interface SharedHandler {
  readonly summary: string;
  readonly patterns: readonly string[];
}

/** The handlers of `../shared/spec/catalog-X.json` as dump objects. */
export function dumpOfSharedCatalog(version: '2.3' | '3.1'): CliHandler[] {
  const json = JSON.parse(readFileSync(sharedPath(`spec/catalog-${version}.json`), 'utf8')) as { handlers: SharedHandler[] };
  return json.handlers.map((h) => dumpHandler(h.patterns, h.summary, ''));
}

/** One dump handler of patterns and help texts. */
export function dumpHandler(patterns: readonly string[], helpShort: string, helpLong: string): CliHandler {
  const parsed = patterns.map((p) => {
    const r = compilePattern(p);
    if (!r.ok) throw new Error(`bad pattern ${p}: ${r.error}`);
    return r.items;
  });
  return { help_short: helpShort, help_long: helpLong, patterns: [...patterns], shared_prefix: sharedPrefix(parsed), parsed_patterns: parsed.map(cliItems) };
}

function sharedPrefix(parsed: readonly (readonly { type: string; text: string }[])[]): string {
  const heads = parsed.map((items) => {
    const lits: string[] = [];
    for (const it of items) {
      if (it.type !== 'literal') break;
      lits.push(it.text);
    }
    return lits.join(' ');
  });
  let prefix = heads[0]!;
  for (const h of heads) {
    let i = 0;
    while (i < prefix.length && i < h.length && prefix[i] === h[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix.trim();
}

/** The bytes `minimega -cli` would print for these handlers. */
export function dumpText(handlers: readonly CliHandler[]): string {
  return JSON.stringify(handlers).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026') + '\n';
}
