/**
 * The language's front door: text to Script (lines, words, comments, matched
 * commands) plus every diagnostic. Every line is compiled on its own; a bad
 * line never hides problems on other lines. `.alias` / `.unalias` lines take
 * effect for the lines after them, as in minimega. What is remembered between
 * lines and calls is the line store's (incremental/), which a language
 * service owns.
 */
import type { Line, Script } from './ast.js';
import { lineRange } from './positions.js';
import { AliasMap } from './alias-map.js';
import { aliasKey, applyAliasCommands, changesAliases, type AliasTable } from './aliases.js';
import type { Diagnostic } from './diagnostic.js';
import type { LineStore } from './incremental/line-store.js';
import { relocateLine } from './incremental/relocate.js';
import { splitLines } from './text.js';

/** Options for parsing a script. */
export interface ParseOptions {
  /** Aliases defined before the first line (a REPL session's, for instance). */
  readonly aliases?: AliasTable;
  /** Run the argument value checks (errors minimega gives at run time); default true. */
  readonly valueChecks?: boolean;
  /**
   * Make lines of a known shape when first read (see `LinesOptions.lazy`):
   * a whole-script check reads the diagnostics and chain of most lines, not
   * their words and arguments. Lines then are objects with getters, not
   * plain data (JSON gives the same).
   */
  readonly lazy?: boolean;
}

/** A parsed script and every diagnostic of its lines. */
export interface ParsedScript {
  readonly script: Script;
  readonly diagnostics: Diagnostic[];
}

/** Options for parsing consecutive lines. */
export interface LinesOptions {
  /** Run the argument value checks (errors minimega gives at run time); default true. */
  readonly valueChecks?: boolean;
  /**
   * Number line `i` as `i` (default), else 0: editors number lines by their
   * position, so a line parsed at 0 stays valid when lines above it come and go.
   */
  readonly numbered?: boolean;
  /** Lines to start the result with (the same array, unless it is empty). */
  readonly out?: Line[];
  /** Build lines of a known shape when first read (an editor opening a long document reads little of most lines). */
  readonly lazy?: boolean;
}

/** Parses a whole script. */
export function parseScript(store: LineStore, text: string, options: ParseOptions = {}): ParsedScript {
  const lines = parseLines(store, splitLines(text), new AliasMap(options.aliases ?? []), {
    valueChecks: options.valueChecks ?? true,
    lazy: options.lazy ?? false,
  });
  const diagnostics: Diagnostic[] = [];
  for (const l of lines) for (const d of l.diagnostics) diagnostics.push(d);
  const last = lines[lines.length - 1];
  const range = lineRange(0, 0, 0);
  return {
    script: {
      kind: 'Script',
      lines,
      range: last ? { start: range.start, end: last.range.end } : range,
    },
    diagnostics,
  };
}

/**
 * Parses consecutive lines. `.alias` and `.unalias` lines take effect for the
 * lines after them (`aliases` is updated in place).
 */
export function parseLines(store: LineStore, texts: readonly string[], aliases: Map<string, string>, options: LinesOptions = {}): Line[] {
  const valueChecks = options.valueChecks ?? true;
  const numbered = options.numbered ?? true;
  const lazy = options.lazy ?? false;
  let out = options.out ?? [];
  const key0 = aliasKey(aliases);
  let key = key0;
  const plan = store.plan(texts, aliases, key0, valueChecks);
  // Filled by index when it starts empty (the usual case): no growing by pushes.
  const at = out.length;
  if (at === 0) out = new Array<Line>(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    const known = key === key0 ? plan.known[i] : undefined;
    let l: Line;
    if (known === undefined) l = store.line(text, numbered ? i : 0, aliases, key, valueChecks, plan.lexed.get(text));
    else {
      const l0 = store.known(known, text, valueChecks, lazy);
      l = numbered && i !== 0 ? relocateLine(l0, i) : l0;
    }
    if (at === 0) out[i] = l;
    else out.push(l);
    if (changesAliases(l)) {
      applyAliasCommands(l.command!, aliases);
      key = aliasKey(aliases);
    }
  }
  return out;
}
