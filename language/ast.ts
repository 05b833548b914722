/**
 * The AST of a minimega script. Every node is readonly, carries a `kind`
 * discriminant and a source range. Nothing here depends on Chevrotain.
 */
import type { HandlerSpec } from './catalog/types.js';
import type { PatternItem } from './patterns.js';
import type { Diagnostic } from './diagnostic.js';
import { lineRange, type Range } from './positions.js';

/** One input item (minicli "item") with its unescaped value and source range. */
export interface Word {
  readonly kind: 'Word';
  /** The value after quote and escape processing. */
  readonly value: string;
  /** The source text the word was written as. */
  readonly raw: string;
  readonly range: Range;
  /** True when any part of the word was quoted. */
  readonly quoted: boolean;
}

/** A `#` comment up to the end of the line. */
export interface Comment {
  readonly kind: 'Comment';
  readonly text: string;
  readonly range: Range;
}

/** Argument maps filled the way minicli fills them. */
export interface CommandArgs {
  readonly string: Readonly<Record<string, string>>;
  readonly bool: Readonly<Record<string, boolean>>;
  readonly list: Readonly<Record<string, readonly string[]>>;
}

/** A command bound to a catalog pattern. */
export interface Command {
  readonly kind: 'Command';
  readonly handler: HandlerSpec;
  /** Index of the handler in the catalog (registration order). */
  readonly handlerIndex: number;
  /** The matched pattern string exactly as registered. */
  readonly pattern: string;
  readonly patternIndex: number;
  readonly items: readonly PatternItem[];
  readonly args: CommandArgs;
  /** Nested command for patterns ending in `(command)`, else null. */
  readonly subcommand: Command | CommentCommand | null;
  /** minicli's Command.Original: trimmed, alias-expanded (or re-serialised) text. */
  readonly original: string;
  /** The words matched at this level (nested words belong to the subcommand). */
  readonly words: readonly Word[];
  /** For each word, the index of the pattern item it matched. */
  readonly wordItems: readonly number[];
  /** True when some literal or choice was matched by an abbreviation. */
  readonly apropos: boolean;
  readonly range: Range;
}

/** A nested command that re-lexed to a comment (a no-op, as in minicli). */
export interface CommentCommand {
  readonly kind: 'CommentCommand';
  readonly original: string;
  readonly range: Range;
}

/**
 * One line of a script and what became of it. Besides its data, a line
 * answers what whole-script passes (aliases, namespaces, script checks) ask
 * of every line: the handler, nesting and string arguments of each command
 * of its chain, by level (0 is the line's own command). Lines made by the
 * incremental layer answer these without building their commands, so
 * semantic code asks them rather than reading `command` when it can.
 */
export interface Line extends ChainReader {
  readonly kind: 'Line';
  /** Zero-based line number. */
  readonly line: number;
  /** The raw line text (without the line terminator). */
  readonly text: string;
  readonly words: readonly Word[];
  readonly comment: Comment | null;
  /** `command` when matched, `comment` for comment-only lines, `empty`, or `error`. */
  readonly status: 'command' | 'comment' | 'empty' | 'error';
  readonly command: Command | null;
  /** minicli's error text for lines that do not compile, else "". */
  readonly error: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly range: Range;
  /**
   * The line this one was rebuilt from, when there is one: a line of the same
   * shape whose words are plain (their value is their source text) and stand
   * at the same offsets, with the same commands and patterns; only the values
   * of words holding ASCII digits differ. What derives from offsets alone can
   * be worked out once on it and read from this line's text.
   */
  readonly template: Line | undefined;
}

/** A line's data alone (what JSON shows of it). */
export type LineData = Omit<Line, keyof ChainReader | 'template'>;

/** The commands of a line's chain, read by level without building them. */
export interface ChainReader {
  /** The handler of the command at `level`, or undefined past the end of the chain (or without a command). */
  handlerAt(level: number): HandlerSpec | undefined;
  /** Whether the pattern the command at `level` matched ends in a nested `(command)` (only for levels `handlerAt` knows). */
  nestsAt(level: number): boolean;
  /** A string argument of the command at `level` (only for levels `handlerAt` knows). */
  stringArgAt(level: number, key: string): string | undefined;
}

/** The command at `level` of a chain (0: `first` itself), or null past its end. */
export function commandAt(first: Command | null, level: number): Command | null {
  let c = first;
  for (let k = 0; c && k < level; k++) c = subcommandOf(c);
  return c;
}

/** A whole script. */
export interface Script {
  readonly kind: 'Script';
  readonly lines: readonly Line[];
  readonly range: Range;
}

/** Type guard for matched commands. */
export function isCommand(x: unknown): x is Command {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'Command';
}

/**
 * A plain command with `base`'s catalog fields (handler, pattern, items) and
 * the given parts. Every field is named, in one order: a command may be a
 * class with getters (incremental/shape-line.ts), which a spread would miss.
 */
export function commandFrom(
  base: Command,
  args: CommandArgs,
  subcommand: Command | CommentCommand | null,
  original: string,
  words: readonly Word[],
  range: Range,
): Command {
  return {
    kind: 'Command',
    handler: base.handler,
    handlerIndex: base.handlerIndex,
    pattern: base.pattern,
    patternIndex: base.patternIndex,
    items: base.items,
    args,
    subcommand,
    original,
    words,
    wordItems: base.wordItems,
    apropos: base.apropos,
    range,
  };
}

/** The nested command of `c`, if it is a matched command (not a comment no-op). */
export function subcommandOf(c: Command): Command | null {
  return c.subcommand && c.subcommand.kind === 'Command' ? c.subcommand : null;
}

/** `c` and every command nested in it, outermost first. */
export function* commandChain(c: Command | null): Generator<Command> {
  for (let x = c; x; x = subcommandOf(x)) yield x;
}

/** Whether some command of the chain starts with one of `prefixes` (minicli checks `Original`). */
export function chainStartsWith(c: Command, prefixes: readonly string[]): boolean {
  for (const x of commandChain(c)) if (prefixes.some((p) => x.original.startsWith(p))) return true;
  return false;
}

/** The range from the first word's start to the last one's end (an empty range at the line's start without words). */
export function wordsSpan(words: readonly Word[], line: number): Range {
  return words.length > 0 ? { start: words[0]!.range.start, end: words[words.length - 1]!.range.end } : lineRange(line, 0, 0);
}

/** Exhaustiveness helper for `switch` statements over discriminants. */
export function assertUnreachable(x: never): never {
  throw new Error(`unexpected value: ${String(x)}`);
}
