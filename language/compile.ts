/**
 * minicli's Compile: trim, alias expansion, lexing, the comment test and
 * closest-match against the catalog, with nested `(command)` items re-serialised
 * and compiled again exactly as minicli 2.3 does (quirks included).
 */
import { AliasMap } from './alias-map.js';
import type { Command, Range, Word } from './ast.js';
import { lineRange } from './ast.js';
import { lexCommandText } from './lex.js';
import type { LexedLine, LexedWord, LexError } from './lexed-line.js';
import { goLeadingSpaceLength, goQuote, goTrimSpace, isBareWord } from './text.js';
import { Codes } from './codes.js';
import { matchCommand, takeNestedCache } from './match.js';
import { explainMatch } from './match-failure.js';

export { closestKeyword } from './match-failure.js';

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
  if (aliases instanceof AliasMap) return aliases.longestPrefix(text);
  let best: [string, string] | undefined;
  for (const [name, exp] of aliases) {
    if (text.startsWith(name) && (!best || name.length > best[0].length)) best = [name, exp];
  }
  return best;
}

/**
 * Compiles one line of a script. `line` is the zero-based line number used for
 * ranges; offsets in the result refer to `source`. `lexed` is the line as the
 * script lexer read it, and `words` the Words built from it for this `line`
 * (`lineRange(line, w.start, w.end)` ranges): when given, they are used as
 * they are (shared by the result) wherever `lexed` is.
 */
export function compileLine(
  source: string,
  line: number,
  aliases: AliasTable = EMPTY_ALIASES,
  lexed?: LexedLine,
  words?: Word[],
): CompileResult {
  let lead = 0;
  let trimmed = source;
  // Most lines have no surrounding white space: skip the trimming regexps.
  if (source !== '' && (isGoSpaceCode(source.charCodeAt(0)) || isGoSpaceCode(source.charCodeAt(source.length - 1)))) {
    lead = goLeadingSpaceLength(source);
    trimmed = goTrimSpace(source);
  }
  if (trimmed === '') return { kind: 'empty' };
  const alias = aliases.size > 0 ? findAlias(trimmed, aliases) : undefined;
  if (!alias) {
    // minicli lexes the trimmed text: a backslash before trailing white space
    // then has nothing to escape (`foo\␠` is `expected escape character`).
    // Only that case lexes differently from the untrimmed line.
    if (lexed && !(trimmed.endsWith('\\') && lead + trimmed.length < source.length)) {
      return compileLexed(trimmed, lexed, line, lead, aliases, words);
    }
    const map = (s: number, e: number): [number, number] => [s + lead, e + lead];
    return compileText(trimmed, lexCommandText(trimmed), { line, map }, aliases, 0, 0);
  }
  const [name, expansion] = alias;
  const text = expansion + trimmed.slice(name.length);
  const map = (s: number, e: number): [number, number] => {
    const shift = (o: number): number =>
      o <= expansion.length ? lead + Math.min(o, name.length) : lead + o - expansion.length + name.length;
    return [shift(s), Math.max(shift(e), shift(s))];
  };
  return compileText(text, lexCommandText(text), { line, map }, aliases, 0, 0);
}

/** Go's unicode.IsSpace for one UTF-16 unit (every Go space is in the BMP). */
function isGoSpaceCode(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    (c >= 0x85 &&
      (c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000))
  );
}

/**
 * The common case of compileText: the script lexer's words, no alias. Offsets
 * are the line's own, so no source map is needed.
 */
function compileLexed(text: string, lexed: LexedLine, line: number, lead: number, aliases: AliasTable, given: Word[] | undefined): CompileResult {
  const error = lexed.error;
  if (error) {
    return { kind: 'lexError', error: error.message, lexError: error, range: lineRange(line, error.start, error.end), original: text };
  }
  if (text.startsWith('#')) return { kind: 'comment', original: text, range: lineRange(line, lead, lead + text.length) };
  let words = given;
  if (!words) {
    const lw = lexed.words;
    words = new Array<Word>(lw.length);
    for (let i = 0; i < lw.length; i++) {
      const w = lw[i]!;
      words[i] = { kind: 'Word', value: w.value, raw: w.raw, quoted: w.quoted, range: lineRange(line, w.start, w.end) };
    }
  }
  const command = matchCommand(text, words, line, aliases, 0, compileNested);
  if (command) return { kind: 'command', command };
  return explainMatch(text, words, line, aliases, 0, compileNested, lineRange(line, lead, lead + text.length), takeNestedCache());
}

export const EMPTY_ALIASES: AliasTable = new Map();

/** A key for an alias table ("" when empty): what a line means depends on it. */
export function aliasKey(aliases: AliasTable): string {
  if (aliases instanceof AliasMap) return aliases.key();
  return aliases.size === 0 ? '' : JSON.stringify([...aliases]);
}

function toWords(lexed: readonly LexedWord[], src: SourceMap, offset: number): Word[] {
  return lexed.map((w) => {
    const [s, e] = src.map(w.start - offset, w.end - offset);
    return { kind: 'Word', value: w.value, raw: w.raw, quoted: w.quoted, range: lineRange(src.line, s, e) };
  });
}

/** `lead` is how far the lexed offsets are shifted from the text's offsets. */
function compileText(text: string, lexed: LexedLine, src: SourceMap, aliases: AliasTable, depth: number, lead: number): CompileResult {
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
  return matchWords(text, toWords(lexed.words, src, lead), src.line, aliases, depth, whole);
}

/** Matches words against the catalog: the command, else why there is none. */
function matchWords(text: string, words: Word[], line: number, aliases: AliasTable, depth: number, whole: Range): CompileResult {
  const command = matchCommand(text, words, line, aliases, depth, compileNested);
  if (command) return { kind: 'command', command };
  return explainMatch(text, words, line, aliases, depth, compileNested, whole, takeNestedCache());
}

/** Re-serialises items as minicli does: Go-quote items containing U+0020, join with spaces. */
export function reserialise(values: readonly string[]): string {
  return values.map((v) => (v.includes(' ') ? goQuote(v) : v)).join(' ');
}


/** `depth` is the nesting depth of the command compiled (1 for the first nested one). */
function compileNested(rest: Word[], line: number, aliases: AliasTable, depth: number): CompileResult {
  if (depth > MAX_DEPTH) {
    return { kind: 'lexError', error: 'command nesting too deep', lexError: { message: 'command nesting too deep', code: Codes.unknownCommand, start: 0, end: 0 }, range: rest[0]?.range ?? lineRange(line, 0, 0), original: '' };
  }
  // Bare words re-serialise to themselves joined by spaces and re-lex to the
  // same words (same source ranges): no need to run the lexer again.
  let bare = rest.length > 0;
  for (let i = 0; bare && i < rest.length; i++) bare = isBareWord(rest[i]!.value);
  const text = bare ? joinValues(rest) : reserialise(rest.map((w) => w.value));
  const trimmed = bare ? text : goTrimSpace(text);
  // minicli's Compile gives "no command, no error" for blank text, so the
  // outer pattern matches with no subcommand (`.csv true ""`).
  if (trimmed === '') return { kind: 'empty' };
  const alias = aliases.size > 0 ? findAlias(trimmed, aliases) : undefined;
  if (bare && !alias) {
    const command = matchCommand(text, rest, line, aliases, depth, compileNested);
    if (command) return { kind: 'command', command };
    return explainMatch(text, rest, line, aliases, depth, compileNested, spanOf(rest, line), takeNestedCache());
  }
  const span = spanOf(rest, line);
  const spanMap: SourceMap = { line, map: () => [span.start.character, span.end.character] };
  const expanded = alias ? alias[1] + trimmed.slice(alias[0].length) : trimmed;
  const lexed = lexCommandText(expanded);
  if (lexed.error) return compileText(expanded, lexed, spanMap, aliases, depth, 0);
  if (expanded.startsWith('#')) return { kind: 'comment', original: expanded, range: span };
  // When re-lexing gave back the same items, keep their exact source ranges.
  const same = !alias && lexed.words.length === rest.length && lexed.words.every((w, i) => w.value === rest[i]!.value);
  const words: Word[] = same
    ? rest
    : lexed.words.map((w) => ({ kind: 'Word', value: w.value, raw: w.raw, quoted: w.quoted, range: span }));
  return matchWords(expanded, words, line, aliases, depth, span);
}

function joinValues(words: readonly Word[]): string {
  let s = words[0]!.value;
  for (let i = 1; i < words.length; i++) s += ' ' + words[i]!.value;
  return s;
}

/** The range from the first word's start to the last one's end. */
function spanOf(words: readonly Word[], line: number): Range {
  return words.length > 0 ? { start: words[0]!.range.start, end: words[words.length - 1]!.range.end } : lineRange(line, 0, 0);
}
