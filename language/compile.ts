/**
 * minicli 2.3's Compile: trim, alias expansion, lexing, the comment test and
 * closest-match against the catalog, with nested `(command)` items re-serialised
 * and compiled again exactly as minicli 2.3 does (quirks included).
 */
import { wordsSpan, type Word } from './ast.js';
import { lineRange } from './positions.js';
import { lexCommandText } from './lexing/lex.js';
import type { LexedLine, LexedWord } from './lexing/lexed-line.js';
import { goLeadingSpaceLength, goQuote, goTrimSpace, isBareWord } from './text.js';
import { Codes } from './codes.js';
import { EMPTY_ALIASES, findAlias } from './aliases.js';
import type { Catalog } from './catalog/index.js';
import type { AliasTable, CompileResult, CompilerOptions, LineCompiler } from './compile-result.js';
import { Matcher } from './matching/match.js';

/** Where the compiled text sits in the source, for ranges. */
interface SourceMap {
  readonly line: number;
  /** Maps an offset in the compiled (trimmed, expanded) text to [start, end) in the source line. */
  readonly map: (start: number, end: number) => [number, number];
}

const MAX_DEPTH = 64;

/** Re-serialises items as minicli does: Go-quote items containing U+0020, join with spaces. */
export function reserialise(values: readonly string[]): string {
  return values.map((v) => (v.includes(' ') ? goQuote(v) : v)).join(' ');
}

/** minicli 2.3's Compile over one catalog, with its matcher (which learns as lines come). */
export class Compiler23 implements LineCompiler {
  private readonly matcher: Matcher;

  constructor(
    readonly catalog: Catalog,
    options: CompilerOptions = {},
  ) {
    this.matcher = new Matcher(catalog, options.explain ?? true);
  }

  compileLine(source: string, line: number, aliases: AliasTable = EMPTY_ALIASES, lexed?: LexedLine, words?: Word[]): CompileResult {
    const trimmed = trimLine(source);
    if (trimmed === '') return { kind: 'empty' };
    const lead = trimmed === source ? 0 : goLeadingSpaceLength(source);
    const alias = aliases.size > 0 ? findAlias(trimmed, aliases) : undefined;
    if (!alias) {
      if (lexed && lexesLikeTrimmed(source, trimmed, lead)) {
        return this.compileLexed(trimmed, lexed, line, lead, aliases, words);
      }
      const map = (s: number, e: number): [number, number] => [s + lead, e + lead];
      return this.compileText(trimmed, lexCommandText(trimmed), { line, map }, aliases, 0, 0);
    }
    const [name, expansion] = alias;
    const text = expansion + trimmed.slice(name.length);
    const map = (s: number, e: number): [number, number] => {
      const shift = (o: number): number => (o <= expansion.length ? lead + Math.min(o, name.length) : lead + o - expansion.length + name.length);
      return [shift(s), Math.max(shift(e), shift(s))];
    };
    return this.compileText(text, lexCommandText(text), { line, map }, aliases, 0, 0);
  }

  /**
   * The common case of compileText: the script lexer's words, no alias. Offsets
   * are the line's own, so no source map is needed.
   */
  private compileLexed(text: string, lexed: LexedLine, line: number, lead: number, aliases: AliasTable, given: Word[] | undefined): CompileResult {
    const error = lexed.error;
    if (error) {
      return { kind: 'lexError', error: error.message, lexError: error, range: lineRange(line, error.start, error.end), original: text };
    }
    if (text.startsWith('#')) return { kind: 'comment', original: text, range: lineRange(line, lead, lead + text.length) };
    const words = given ?? lexedWords(lexed, line, 0);
    return this.matcher.match(text, words, line, aliases, 0, this.compileNested, lineRange(line, lead, lead + text.length));
  }

  /** `lead` is how far the lexed offsets are shifted from the text's offsets. */
  private compileText(text: string, lexed: LexedLine, src: SourceMap, aliases: AliasTable, depth: number, lead: number): CompileResult {
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
    return this.matcher.match(text, toWords(lexed.words, src, lead), src.line, aliases, depth, this.compileNested, whole);
  }

  /** `depth` is the nesting depth of the command compiled (1 for the first nested one). */
  private readonly compileNested = (rest: Word[], line: number, aliases: AliasTable, depth: number): CompileResult => {
    if (depth > MAX_DEPTH) {
      return {
        kind: 'lexError',
        error: 'command nesting too deep',
        lexError: { message: 'command nesting too deep', code: Codes.unknownCommand, start: 0, end: 0 },
        range: rest[0]?.range ?? lineRange(line, 0, 0),
        original: '',
      };
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
    // The span is made only when needed: most nested commands match.
    if (bare && !alias) return this.matcher.match(text, rest, line, aliases, depth, this.compileNested);
    const span = wordsSpan(rest, line);
    const spanMap: SourceMap = { line, map: () => [span.start.character, span.end.character] };
    const expanded = alias ? alias[1] + trimmed.slice(alias[0].length) : trimmed;
    const lexed = lexCommandText(expanded);
    if (lexed.error) return this.compileText(expanded, lexed, spanMap, aliases, depth, 0);
    if (expanded.startsWith('#')) return { kind: 'comment', original: expanded, range: span };
    // When re-lexing gave back the same items, keep their exact source ranges.
    const same = !alias && lexed.words.length === rest.length && lexed.words.every((w, i) => w.value === rest[i]!.value);
    const words: Word[] = same ? rest : lexed.words.map((w) => ({ kind: 'Word', value: w.value, raw: w.raw, quoted: w.quoted, range: span }));
    return this.matcher.match(expanded, words, line, aliases, depth, this.compileNested, span);
  };
}

/**
 * Go's TrimSpace of a line, as minicli's Compile starts: `source` itself,
 * without running a regexp, when neither end is white space (most lines).
 */
export function trimLine(source: string): string {
  if (source === '' || (!isGoSpaceCode(source.charCodeAt(0)) && !isGoSpaceCode(source.charCodeAt(source.length - 1)))) return source;
  return goTrimSpace(source);
}

/**
 * Whether the script lexer's reading of a whole line serves for its trimmed
 * text (`lead` characters dropped in front). minicli lexes the trimmed text,
 * and only a backslash before trailing white space reads differently there:
 * it has nothing left to escape (`foo\␠` is `expected escape character`).
 */
export function lexesLikeTrimmed(source: string, trimmed: string, lead: number): boolean {
  return !(trimmed.endsWith('\\') && lead + trimmed.length < source.length);
}

/** Go's unicode.IsSpace for one UTF-16 unit (every Go space is in the BMP). */
export function isGoSpaceCode(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    (c >= 0x85 &&
      (c === 0x85 ||
        c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000))
  );
}

function toWords(lexed: readonly LexedWord[], src: SourceMap, offset: number): Word[] {
  return lexed.map((w) => {
    const [s, e] = src.map(w.start - offset, w.end - offset);
    return { kind: 'Word', value: w.value, raw: w.raw, quoted: w.quoted, range: lineRange(src.line, s, e) };
  });
}

function joinValues(words: readonly Word[]): string {
  let s = words[0]!.value;
  for (let i = 1; i < words.length; i++) s += ' ' + words[i]!.value;
  return s;
}

/** A lexed line's words as AST words on `line`, their offsets moved by `shift`. */
export function lexedWords(lexed: LexedLine, line: number, shift: number): Word[] {
  const lw = lexed.words;
  const words = new Array<Word>(lw.length);
  for (let i = 0; i < lw.length; i++) {
    const w = lw[i]!;
    words[i] = { kind: 'Word', value: w.value, raw: w.raw, quoted: w.quoted, range: lineRange(line, w.start + shift, w.end + shift) };
  }
  return words;
}
