/**
 * minicli's closest match, success path: the first handler whose pattern
 * matches exactly wins; one abbreviated (apropos) match wins when no other
 * handler matches. It only finds the command; when there is none (or two
 * apropos matches), match-failure.ts runs minicli's whole search again to say
 * why. Lines mostly match, so this path allocates nothing for patterns that
 * fail and builds the command once.
 */
import type { Command, CommentCommand, Word } from './ast.js';
import type { AliasTable, CompileResult } from './compile.js';
import type { CompiledHandler, CompiledPattern } from './catalog/index.js';
import { candidatePatterns } from './match-index.js';

/** Compiles the words of a `(command)` item (compile.ts's compileNested). */
export type NestedCompiler = (rest: Word[], line: number, aliases: AliasTable, depth: number) => CompileResult;

/** Nested compilations by the index of the `(command)` item, shared by the patterns of one line. */
export type NestedCache = Map<number, CompileResult>;

/** What the last failed matchCommand compiled of nested commands (see takeNestedCache). */
let failedNested: NestedCache | undefined;

/**
 * The nested compilations of the matchCommand call that just failed, for the
 * failure path to reuse: compiling them again at every level of nesting would
 * take time exponential in the depth. Handing them over this way keeps the
 * success path from allocating a cache for lines without nested commands.
 */
export function takeNestedCache(): NestedCache {
  const c = failedNested ?? new Map<number, CompileResult>();
  failedNested = undefined;
  return c;
}

/**
 * The command `words` match, or undefined when none does or two handlers
 * match by abbreviation (the caller then explains the failure).
 */
export function matchCommand(
  text: string,
  words: Word[],
  line: number,
  aliases: AliasTable,
  depth: number,
  nested: NestedCompiler,
): Command | undefined {
  let remembered: Command | undefined;
  let rememberedHandler: CompiledHandler | undefined;
  let ambiguous = false;
  let cache: NestedCache | undefined;
  const candidates = candidatePatterns(words);
  // Indexed loops: this code mostly runs before the JIT has optimised it, and
  // the interpreter iterates arrays faster by index than with for-of.
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k]!;
    // A handler's first matching pattern is its answer.
    if (c.handler === rememberedHandler) continue;
    const end = matchEnd(c.pattern, words);
    if (end < 0) continue;
    let sub: Command | CommentCommand | null = null;
    if (end < words.length && c.pattern.items[end]!.type === 'command') {
      cache ??= new Map();
      let r = cache.get(end);
      if (!r) cache.set(end, (r = nested(words.slice(end), line, aliases, depth + 1)));
      if (r.kind === 'command') sub = r.command;
      else if (r.kind === 'comment') sub = { kind: 'CommentCommand', original: r.original, range: r.range };
      else if (r.kind !== 'empty') continue;
    }
    const cmd = build(c.handler, c.pattern, text, words, end, sub);
    if (!cmd.apropos) return cmd;
    if (remembered) {
      ambiguous = true;
      break;
    }
    remembered = cmd;
    rememberedHandler = c.handler;
  }
  // Two abbreviated matches are ambiguous: that too is for the failure path to explain.
  if (remembered && !ambiguous) {
    failedNested = undefined;
    return remembered;
  }
  failedNested = cache;
  return undefined;
}

/** The one option `w` abbreviates, or undefined when none or several do. */
function uniqueOption(options: readonly string[], w: string): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < options.length; i++) {
    const o = options[i]!;
    if (!o.startsWith(w)) continue;
    if (found !== undefined) return undefined;
    found = o;
  }
  return found;
}

/**
 * Checks `words` against a pattern without building anything. Returns -1 when
 * they do not match; else the number of words matched by items before a
 * `(command)` or list item that takes the rest (words.length when none does).
 */
function matchEnd(p: CompiledPattern, words: readonly Word[]): number {
  const items = p.items;
  const n = words.length;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    // Missing words: an optional item ends the pattern early (minicli does not look further).
    if (i >= n) return item.optional ? n : -1;
    const type = item.type;
    if (type === 'literal') {
      if (!item.text.startsWith(words[i]!.value)) return -1;
    } else if (type === 'choice') {
      if (uniqueOption(item.options, words[i]!.value) === undefined) return -1;
    } else if (type !== 'string') return i;
  }
  return n > items.length ? -1 : n;
}

// Commands are immutable and retained (a document keeps every line's), so
// what many commands hold alike is shared: empty argument maps, word-to-item
// indexes, a one-word range. Fewer objects per line is less for the young
// generation to copy.
const NO_STRINGS: Readonly<Record<string, string>> = Object.freeze({});
const NO_BOOLS: Readonly<Record<string, boolean>> = Object.freeze({});
const NO_LISTS: Readonly<Record<string, readonly string[]>> = Object.freeze({});
const NO_ARGS: Command['args'] = Object.freeze({ string: NO_STRINGS, bool: NO_BOOLS, list: NO_LISTS });
const NO_RANGE: Command['range'] = Object.freeze({ start: Object.freeze({ line: 0, character: 0 }), end: Object.freeze({ line: 0, character: 0 }) });

/** Shared `wordItems` arrays by pattern, then by the number of own words. */
const wordItemsCache = new Map<CompiledPattern, (readonly number[] | undefined)[]>();
const MAX_SHARED_WORD_ITEMS = 32;

/** `wordItems` of a command of `p` with `own` words, the last `own - end` of them in the list item `end`. */
function wordItemsOf(p: CompiledPattern, end: number, own: number): readonly number[] {
  let byOwn = own <= MAX_SHARED_WORD_ITEMS ? wordItemsCache.get(p) : undefined;
  const known = byOwn?.[own];
  if (known) return known;
  const out = new Array<number>(own);
  for (let i = 0; i < own; i++) out[i] = i < end ? i : end;
  if (own > MAX_SHARED_WORD_ITEMS) return out;
  if (!byOwn) wordItemsCache.set(p, (byOwn = []));
  byOwn[own] = Object.freeze(out);
  return out;
}

/** The command for a pattern that matched (`end` as matchEnd returns it). */
function build(
  h: CompiledHandler,
  p: CompiledPattern,
  text: string,
  words: Word[],
  end: number,
  sub: Command | CommentCommand | null,
): Command {
  const items = p.items;
  const n = words.length;
  let str: Record<string, string> | undefined;
  let bool: Record<string, boolean> | undefined;
  let list: Record<string, string[]> | undefined;
  let apropos = false;
  for (let i = 0; i < end; i++) {
    const item = items[i]!;
    const w = words[i]!.value;
    if (item.type === 'literal') {
      if (w !== item.text) apropos = true;
    } else if (item.type === 'string') (str ??= {})[item.key] = w;
    else {
      const o = uniqueOption(item.options, w)!;
      (bool ??= {})[o] = true;
      if (o !== w) apropos = true;
    }
  }
  let own = end;
  if (end < n && items[end]!.type === 'list') {
    const values = new Array<string>(n - end);
    for (let j = end; j < n; j++) values[j - end] = words[j]!.value;
    list = { [items[end]!.key]: values };
    own = n;
  }
  const args = str || bool || list ? { string: str ?? NO_STRINGS, bool: bool ?? NO_BOOLS, list: list ?? NO_LISTS } : NO_ARGS;
  const first = words[0];
  const last = words[n - 1];
  return {
    kind: 'Command',
    handler: h.spec,
    handlerIndex: h.index,
    pattern: p.text,
    patternIndex: p.index,
    items,
    args,
    subcommand: sub,
    original: text,
    // Words are immutable: the line's own array serves when the command has them all.
    words: own === n ? words : words.slice(0, own),
    wordItems: wordItemsOf(p, end, own),
    apropos,
    range: !first || !last ? NO_RANGE : first === last ? first.range : { start: first.range.start, end: last.range.end },
  };
}
