/**
 * minicli's Compile: trim, alias expansion, lexing, the comment test and
 * closest-match against the catalog, with nested `(command)` items re-serialised
 * and compiled again exactly as minicli 2.3 does (quirks included).
 */
import type { Command, CommentCommand, Range, Word } from './ast.js';
import { lineRange } from './ast.js';
import { compiledHandlers, type CompiledHandler, type CompiledPattern } from './catalog/index.js';
import { lexCommandText } from './lex.js';
import type { LexedLine, LexedWord, LexError } from './cst-to-ast.js';
import { goLeadingSpaceLength, goQuote, goTrimSpace } from './text.js';

/** Aliases in definition order (`.alias name=expansion`). */
export type AliasTable = ReadonlyMap<string, string>;

/** Where the compiled text sits in the source, for ranges. */
export interface SourceMap {
  readonly line: number;
  /** Maps an offset in the compiled (trimmed, expanded) text to [start, end) in the source line. */
  readonly map: (start: number, end: number) => [number, number];
}

/** Why a line failed to match. */
export type MatchFailure = 'unknown' | 'ambiguous' | 'arguments';

export type CompileResult =
  | { readonly kind: 'empty' }
  | { readonly kind: 'comment'; readonly original: string; readonly range: Range }
  | {
      readonly kind: 'lexError';
      readonly error: string;
      readonly lexError: LexError;
      readonly range: Range;
      readonly original: string;
    }
  | {
      readonly kind: 'noMatch';
      readonly error: string;
      readonly failure: MatchFailure;
      readonly original: string;
      readonly range: Range;
      /** Index of the first word that could not be matched (words.length when words were missing). */
      readonly wordIndex: number;
      readonly words: readonly Word[];
      readonly hint: string;
      /** What the furthest patterns expected at `wordIndex`. */
      readonly expected?: readonly string[];
      /** A keyword close to the offending word (for "did you mean"). */
      readonly suggestion?: string;
    }
  | { readonly kind: 'command'; readonly command: Command };

const MAX_DEPTH = 64;

interface Ctx {
  readonly aliases: AliasTable;
  readonly depth: number;
}

/**
 * `.alias` arguments: the words joined with single spaces and split at the
 * first `=` into name and expansion, both untrimmed; undefined without `=`.
 */
export function parseAliasDefinition(words: readonly string[]): [string, string] | undefined {
  const joined = words.join(' ');
  const eq = joined.indexOf('=');
  return eq < 0 ? undefined : [joined.slice(0, eq), joined.slice(eq + 1)];
}

/** Finds the alias to expand: the longest name that prefixes the text (ties: first defined). */
export function findAlias(text: string, aliases: AliasTable): [string, string] | undefined {
  let best: [string, string] | undefined;
  for (const [name, exp] of aliases) {
    if (text.startsWith(name) && (!best || name.length > best[0].length)) best = [name, exp];
  }
  return best;
}

/**
 * Compiles one line of a script. `line` is the zero-based line number used for
 * ranges; offsets in the result refer to `source`.
 */
export function compileLine(source: string, line: number, aliases: AliasTable = EMPTY_ALIASES, lexed?: LexedLine): CompileResult {
  const lead = goLeadingSpaceLength(source);
  const trimmed = goTrimSpace(source);
  if (trimmed === '') return { kind: 'empty' };
  const alias = aliases.size > 0 ? findAlias(trimmed, aliases) : undefined;
  if (!alias) {
    const map = (s: number, e: number): [number, number] => [s + lead, e + lead];
    // minicli lexes the trimmed text: a backslash before trailing white space
    // then has nothing to escape (`foo\␠` is `expected escape character`).
    // Only that case lexes differently from the untrimmed line.
    if (!lexed || (trimmed.endsWith('\\') && lead + trimmed.length < source.length)) {
      return compileText(trimmed, lexCommandText(trimmed), { line, map }, { aliases, depth: 0 }, 0);
    }
    return compileText(trimmed, lexed, { line, map }, { aliases, depth: 0 }, lead);
  }
  const [name, expansion] = alias;
  const text = expansion + trimmed.slice(name.length);
  const map = (s: number, e: number): [number, number] => {
    const shift = (o: number): number =>
      o <= expansion.length ? lead + Math.min(o, name.length) : lead + o - expansion.length + name.length;
    return [shift(s), Math.max(shift(e), shift(s))];
  };
  return compileText(text, lexCommandText(text), { line, map }, { aliases, depth: 0 }, 0);
}

export const EMPTY_ALIASES: AliasTable = new Map();

/** A key for an alias table ("" when empty): what a line means depends on it. */
export function aliasKey(aliases: AliasTable): string {
  return aliases.size === 0 ? '' : JSON.stringify([...aliases]);
}

// Compiled commands are immutable, and front ends see the same few lines
// again and again (scripts written out by generators, fan-out on every node).
const compiledCache = new Map<string, CompileResult>();
const COMPILED_CACHE_SIZE = 4096;

/**
 * `compileLine(text, 0, aliases)`, remembering recent texts (least recently
 * used first out). Results carry line-0 ranges, which front ends ignore.
 */
export function compileCached(text: string, aliases: AliasTable = EMPTY_ALIASES): CompileResult {
  if (text.length > 4096) return compileLine(text, 0, aliases);
  const key = aliases.size === 0 ? text : `${aliasKey(aliases)}\u0000${text}`;
  let r = compiledCache.get(key);
  if (r) compiledCache.delete(key);
  else {
    r = compileLine(text, 0, aliases);
    if (compiledCache.size >= COMPILED_CACHE_SIZE) compiledCache.delete(compiledCache.keys().next().value!);
  }
  compiledCache.set(key, r);
  return r;
}

function toWords(lexed: readonly LexedWord[], src: SourceMap, offset: number): Word[] {
  return lexed.map((w) => {
    const [s, e] = src.map(w.start - offset, w.end - offset);
    return { kind: 'Word', value: w.value, raw: w.raw, quoted: w.quoted, range: lineRange(src.line, s, e) };
  });
}

/** `lead` is how far the lexed offsets are shifted from the text's offsets. */
function compileText(text: string, lexed: LexedLine, src: SourceMap, ctx: Ctx, lead: number): CompileResult {
  const [ls, le] = src.map(0, text.length);
  const whole = lineRange(src.line, ls, le);
  if (lexed.error) {
    const [s, e] = src.map(lexed.error.start - lead, lexed.error.end - lead);
    return {
      kind: 'lexError',
      error: lexed.error.message,
      lexError: lexed.error,
      range: lineRange(src.line, s, e),
      original: text,
    };
  }
  if (text.startsWith('#')) return { kind: 'comment', original: text, range: whole };
  const words = toWords(lexed.words, src, lead);
  return matchWords(text, words, src, ctx, whole);
}

/** Matches words against the catalog (minicli's closest-match over handlers). */
function matchWords(text: string, words: Word[], src: SourceMap, ctx: Ctx, whole: Range): CompileResult {
  const values = words.map((w) => w.value);
  const subCache = new Map<number, CompileResult>();
  let remembered: Command | undefined;
  const best: Progress = { index: -1, expected: new Set() };
  const candidates = candidateHandlers(values[0] ?? '');
  for (const h of candidates) {
    const r = matchHandler(h, text, words, values, src, ctx, subCache, best);
    if (!r) continue;
    if (!r.apropos) return { kind: 'command', command: r };
    if (remembered) return noMatch(text, words, 'ambiguous', ambiguousIndex(remembered, r), whole, `\`${text}\` could be ${describe(remembered)} or ${describe(r)}`);
    remembered = r;
  }
  if (remembered) return { kind: 'command', command: remembered };
  if (candidates.length === 0) {
    const suggestion = closestKeyword(values[0] ?? '', firstWords);
    const hint = `no command starts with \`${values[0] ?? ''}\`` + (suggestion ? `; did you mean \`${suggestion}\`?` : '');
    return noMatch(text, words, 'unknown', 0, whole, hint, suggestion, firstWords);
  }
  const idx = best.index < 0 ? 0 : best.index;
  const got = values[idx];
  const suggestion = got === undefined ? undefined : closestKeyword(got, best.expected);
  const hint = hintOf(best, values) + (suggestion && suggestion !== got ? `; did you mean \`${suggestion}\`?` : '');
  return noMatch(text, words, idx === 0 ? 'unknown' : 'arguments', idx, whole, hint, suggestion, best.expected);
}

function describe(c: Command): string {
  return `\`${c.pattern}\``;
}

function ambiguousIndex(a: Command, b: Command): number {
  const n = Math.min(a.words.length, b.words.length);
  for (let i = 0; i < n; i++) {
    if (a.words[i]!.value !== a.items[a.wordItems[i]!]?.text) return i;
  }
  return 0;
}

function noMatch(
  text: string,
  words: Word[],
  failure: MatchFailure,
  wordIndex: number,
  whole: Range,
  hint: string,
  suggestion?: string,
  expectedAt: Iterable<string> = [],
): CompileResult {
  const w = words[wordIndex];
  const range = w ? w.range : { start: whole.end, end: whole.end };
  return {
    kind: 'noMatch',
    error: `invalid command: \`${text}\``,
    failure,
    original: text,
    range,
    wordIndex,
    words,
    hint,
    expected: [...expectedAt],
    ...(suggestion ? { suggestion } : {}),
  };
}

const candidateCache = new Map<string, CompiledHandler[]>();
const firstLiterals: (readonly string[] | null)[] = compiledHandlers.map((h) => {
  const lits: string[] = [];
  for (const p of h.patterns) {
    const first = p.items[0];
    if (!first || first.type !== 'literal') return null;
    lits.push(first.text);
  }
  return lits;
});

/** Every command's first word, for suggestions. */
const firstWords: ReadonlySet<string> = new Set(firstLiterals.flatMap((l) => l ?? []));

/** Handlers whose patterns could match a line starting with `word`, in registration order. */
function candidateHandlers(word: string): CompiledHandler[] {
  let c = candidateCache.get(word);
  if (c) return c;
  c = compiledHandlers.filter((h, i) => {
    const lits = firstLiterals[i];
    return lits === null || lits.some((l) => l.startsWith(word));
  });
  if (candidateCache.size > 4096) candidateCache.clear();
  candidateCache.set(word, c);
  return c;
}

/** The furthest any pattern got, and what it expected there (for messages). */
interface Progress {
  index: number;
  expected: Set<string>;
}

function noteFailure(best: Progress, i: number, label: string): void {
  if (i > best.index) {
    best.index = i;
    best.expected.clear();
    best.expected.add(label);
  } else if (i === best.index) best.expected.add(label);
}

function hintOf(best: Progress, values: readonly string[]): string {
  let exp = [...best.expected];
  if (exp.length > 1) exp = exp.filter((e) => e !== 'end of command');
  if (exp.length === 0) return '';
  const shown = exp.length > 8 ? [...exp.slice(0, 8), '...'] : exp;
  const list = shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
  const got = values[best.index];
  return got === undefined ? `expected ${list}` : `expected ${list}, got \`${got}\``;
}

/** The expected keyword closest to `word` (edit distance at most 2), if any. */
export function closestKeyword(word: string, expected: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const e of expected) {
    if (!/^[\w.-]+$/.test(e)) continue;
    const d = editDistance(word, e);
    if (d < bestD) {
      bestD = d;
      best = e;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** Tries a handler's patterns in order; the first that matches (exact or apropos) wins. */
function matchHandler(
  h: CompiledHandler,
  text: string,
  words: Word[],
  values: string[],
  src: SourceMap,
  ctx: Ctx,
  subCache: Map<number, CompileResult>,
  best: Progress,
): Command | undefined {
  for (const p of h.patterns) {
    const c = matchPattern(h, p, text, words, values, src, ctx, subCache, best);
    if (c) return c;
  }
  return undefined;
}

function matchPattern(
  h: CompiledHandler,
  p: CompiledPattern,
  text: string,
  words: Word[],
  values: string[],
  src: SourceMap,
  ctx: Ctx,
  subCache: Map<number, CompileResult>,
  best: Progress,
): Command | undefined {
  // Most patterns fail on a leading literal: reject those before allocating anything.
  const n = Math.min(p.items.length, values.length);
  for (let i = 0; i < n; i++) {
    const item = p.items[i]!;
    if (item.type !== 'literal') break;
    if (!item.text.startsWith(values[i]!)) {
      noteFailure(best, i, item.text);
      return undefined;
    }
  }
  const str: Record<string, string> = {};
  const bool: Record<string, boolean> = {};
  const list: Record<string, string[]> = {};
  const wordItems: number[] = [];
  let apropos = false;
  let sub: Command | CommentCommand | null = null;
  const items = p.items;
  const fail = (i: number, expected: readonly string[]): undefined => {
    if (i > best.index) {
      best.index = i;
      best.expected = new Set(expected);
    } else if (i === best.index) {
      for (const e of expected) best.expected.add(e);
    }
    return undefined;
  };
  let i = 0;
  for (; i < items.length; i++) {
    const item = items[i]!;
    if (i >= values.length) {
      if (item.optional) break;
      return fail(values.length, [itemLabel(item)]);
    }
    const w = values[i]!;
    switch (item.type) {
      case 'literal':
        if (!item.text.startsWith(w)) return fail(i, [item.text]);
        if (w !== item.text) apropos = true;
        wordItems.push(i);
        break;
      case 'string':
        str[item.key] = w;
        wordItems.push(i);
        break;
      case 'choice': {
        let found: string | undefined;
        let n = 0;
        for (const o of item.options) {
          if (o.startsWith(w)) {
            found = o;
            n++;
          }
        }
        if (n !== 1) {
          return fail(i, n === 0 ? item.options : item.options.filter((o) => o.startsWith(w)));
        }
        bool[found!] = true;
        if (found !== w) apropos = true;
        wordItems.push(i);
        break;
      }
      case 'list':
        list[item.key] = values.slice(i);
        for (let j = i; j < values.length; j++) wordItems.push(i);
        return finish(h, p, text, words, wordItems, { string: str, bool, list }, null, apropos, words.length);
      case 'command': {
        let r = subCache.get(i);
        if (!r) {
          r = compileNested(words.slice(i), src, ctx);
          subCache.set(i, r);
        }
        if (r.kind === 'command') sub = r.command;
        else if (r.kind === 'empty') sub = null;
        else if (r.kind === 'comment') sub = { kind: 'CommentCommand', original: r.original, range: r.range };
        else return fail(i + (r.kind === 'noMatch' ? r.wordIndex : 0), r.kind === 'noMatch' ? (r.expected ?? []) : []);
        return finish(h, p, text, words, wordItems, { string: str, bool, list }, sub, apropos, i);
      }
    }
  }
  if (values.length > items.length) return fail(items.length, ['end of command']);
  return finish(h, p, text, words, wordItems, { string: str, bool, list }, sub, apropos, values.length);
}

function itemLabel(item: { type: string; text: string; optional: boolean; options: readonly string[] }): string {
  switch (item.type) {
    case 'literal':
      return item.text;
    case 'choice':
      return item.options.join(', ');
    case 'command':
      return 'a command';
    case 'list':
      return `<${item.text}>...`;
    default:
      return `<${item.text}>`;
  }
}

function finish(
  h: CompiledHandler,
  p: CompiledPattern,
  text: string,
  words: Word[],
  wordItems: number[],
  args: Command['args'],
  sub: Command | CommentCommand | null,
  apropos: boolean,
  ownWords: number,
): Command {
  const mine = words.slice(0, ownWords);
  const first = words[0];
  const last = words[words.length - 1];
  const range = first && last ? { start: first.range.start, end: last.range.end } : lineRange(0, 0, 0);
  return {
    kind: 'Command',
    handler: h.spec,
    handlerIndex: h.index,
    pattern: p.text,
    patternIndex: p.index,
    items: p.items,
    args,
    subcommand: sub,
    original: text,
    words: mine,
    wordItems,
    apropos,
    range,
  };
}

/** Re-serialises items as minicli does: Go-quote items containing U+0020, join with spaces. */
export function reserialise(values: readonly string[]): string {
  return values.map((v) => (v.includes(' ') ? goQuote(v) : v)).join(' ');
}

function compileNested(rest: Word[], src: SourceMap, ctx: Ctx): CompileResult {
  if (ctx.depth >= MAX_DEPTH) {
    return { kind: 'lexError', error: 'command nesting too deep', lexError: { message: 'command nesting too deep', code: 'match/unknown-command', start: 0, end: 0 }, range: rest[0]?.range ?? lineRange(src.line, 0, 0), original: '' };
  }
  const text = reserialise(rest.map((w) => w.value));
  const trimmed = goTrimSpace(text);
  const nctx: Ctx = { aliases: ctx.aliases, depth: ctx.depth + 1 };
  const span = rest.length > 0 ? { start: rest[0]!.range.start, end: rest[rest.length - 1]!.range.end } : lineRange(src.line, 0, 0);
  const spanMap: SourceMap = { line: src.line, map: () => [span.start.character, span.end.character] };
  // minicli's Compile gives "no command, no error" for blank text, so the
  // outer pattern matches with no subcommand (`.csv true ""`).
  if (trimmed === '') return { kind: 'empty' };
  const alias = ctx.aliases.size > 0 ? findAlias(trimmed, ctx.aliases) : undefined;
  const expanded = alias ? alias[1] + trimmed.slice(alias[0].length) : trimmed;
  const lexed = lexCommandText(expanded);
  if (lexed.error) return compileText(expanded, lexed, spanMap, nctx, 0);
  if (expanded.startsWith('#')) return { kind: 'comment', original: expanded, range: span };
  // When re-lexing gave back the same items, keep their exact source ranges.
  const same = !alias && lexed.words.length === rest.length && lexed.words.every((w, i) => w.value === rest[i]!.value);
  const words: Word[] = same
    ? rest
    : lexed.words.map((w) => ({ kind: 'Word', value: w.value, raw: w.raw, quoted: w.quoted, range: span }));
  return matchWords(expanded, words, spanMap, nctx, span);
}
