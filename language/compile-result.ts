/**
 * What compiling one line gives (minicli's Compile and closest match): the
 * command, or why there is none. The types the compiler, the matcher and
 * their callers share, kept apart so that none of them imports another for
 * its types.
 */
import type { Command, Word } from './ast.js';
import type { LexedLine, LexError } from './lexing/lexed-line.js';
import type { Range } from './positions.js';

/** Aliases in definition order (`.alias name=expansion`). */
export type AliasTable = ReadonlyMap<string, string>;

/** Why a line failed to match. */
export type MatchFailure = 'unknown' | 'ambiguous' | 'arguments';

/** A line that matched no command: minicli's error, and what `mm` adds to explain it. */
export interface NoMatch {
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
  | NoMatch
  | { readonly kind: 'command'; readonly command: Command };

/** How a compiler is made. */
export interface CompilerOptions {
  /**
   * False: a line that matches no command comes back as a bare `NoMatch`
   * (minicli's error; no hint, expected keywords or suggestion, `wordIndex`
   * 0), which saves the explaining work for callers that only ask whether a
   * line is a command. Whether it is one does not change. Default true.
   */
  readonly explain?: boolean;
}

/**
 * Compiles the words of a `(command)` item: the rest of the line after the
 * item's position, at nesting `depth` (1 for the first nested command).
 */
export type NestedCompiler = (rest: Word[], line: number, aliases: AliasTable, depth: number) => CompileResult;

/**
 * One dialect's way of compiling a line (its Compile: trimming, aliases,
 * nested commands, and its matcher over its catalog), with whatever it
 * remembers between lines. A language service is made for one.
 */
export interface LineCompiler {
  /**
   * Compiles one line of a script. `line` is the zero-based line number used
   * for ranges; offsets in the result refer to `source`. `lexed` is the line
   * as the script lexer read it, and `words` the Words built from it for this
   * `line`: when given, they are used as they are wherever `lexed` is.
   */
  compileLine(source: string, line: number, aliases?: AliasTable, lexed?: LexedLine, words?: Word[]): CompileResult;
}
