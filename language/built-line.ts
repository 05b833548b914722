/**
 * Lines built from their text: lexed, compiled and value-checked, every part
 * made at once. The incremental layer (incremental/) makes lines that are
 * the same to read but cost less; this is what they are checked against.
 */
import { commandAt, type Command, type Comment, type CommentCommand, type Line, type Word } from './ast.js';
import { lineRange, type Range } from './positions.js';
import { Codes, type Code } from './codes.js';
import { createDiagnostic, type Diagnostic } from './diagnostic.js';
import type { AliasTable, CompileResult, LineCompiler } from './compile-result.js';
import type { LexedLine } from './lexing/lexed-line.js';
import type { HandlerSpec } from './catalog/types.js';
import type { ValueChecks } from './validation/values.js';
import { exceedsLineLimit, LINE_TOO_LONG } from './limits.js';
import type { OtherDialects } from './dialect-hint.js';

/** minicli's lexing errors in plain words, after its own text (which stays first: it is what minimega prints). */
const LEX_HINTS: Partial<Record<Code, string>> = {
  [Codes.lexMissingTerminal]: 'a quote opened here is never closed on this line',
  [Codes.lexMissingEscape]: 'a backslash ends the line; write \\\\ for a backslash',
  [Codes.lexBadEscape]: 'minicli knows only \\n \\r \\t \\\\ \\" \\\' and \\#; write \\\\ for a backslash',
};

/** A line over MAX_LINE_BYTES: one error, and nothing lexed or matched. */
export function tooLongLine(text: string, line: number): Line {
  const range = lineRange(line, 0, text.length);
  const d = createDiagnostic(Codes.lineTooLong, 'error', LINE_TOO_LONG, range);
  return new BuiltLine(line, text, [], null, range, 'error', null, d.message, [d]);
}

/**
 * A line whose parts are all made: plain data, and the chain read from its
 * command. One is made for every distinct line: its fields are declared, not
 * defined, so that making one is only the constructor's assignments, in one
 * order (one object layout, the same JSON for every line).
 */
export class BuiltLine implements Line {
  declare readonly kind: 'Line';
  declare readonly line: number;
  declare readonly text: string;
  declare readonly words: readonly Word[];
  declare readonly comment: Comment | null;
  declare readonly range: Range;
  declare readonly status: Line['status'];
  declare readonly command: Command | null;
  declare readonly error: string;
  declare readonly diagnostics: readonly Diagnostic[];

  constructor(
    line: number,
    text: string,
    words: readonly Word[],
    comment: Comment | null,
    range: Range,
    status: Line['status'],
    command: Command | null,
    error: string,
    diagnostics: readonly Diagnostic[],
  ) {
    this.kind = 'Line';
    this.line = line;
    this.text = text;
    this.words = words;
    this.comment = comment;
    this.range = range;
    this.status = status;
    this.command = command;
    this.error = error;
    this.diagnostics = diagnostics;
  }

  /** A built line is its own: rebuilt from none. */
  get template(): Line | undefined {
    return undefined;
  }
  // The chain is walked inline: every line of a document is asked, mostly before the JIT has
  // optimised anything, and calls cost most then.
  handlerAt(level: number): HandlerSpec | undefined {
    let c = this.command;
    for (let k = 0; c !== null && k < level; k++) {
      const s: Command | CommentCommand | null = c.subcommand;
      c = s !== null && s.kind === 'Command' ? s : null;
    }
    return c === null ? undefined : c.handler;
  }
  nestsAt(level: number): boolean {
    return (commandAt(this.command, level)?.subcommand ?? null) !== null;
  }
  stringArgAt(level: number, key: string): string | undefined {
    return commandAt(this.command, level)?.args.string[key];
  }
}

/** Builds lines with one compiler and one set of value checks. */
export class LineBuilder {
  /**
   * A line that lives as long as the builder. Code optimised for lines
   * depends on their object layout, which a full collection drops when no
   * line is left (the code is then optimised again): when every line built
   * is let go at once (a benchmark, a one-off check), this one keeps it.
   */
  readonly layoutKeeper: Line;

  constructor(
    readonly compiler: LineCompiler,
    readonly checks: ValueChecks,
    /** When given, lines that fail are tried in the other dialects, for the cross-dialect hint. */
    private readonly others?: OtherDialects,
  ) {
    this.layoutKeeper = new BuiltLine(0, '', [], null, lineRange(0, 0, 0), 'empty', null, '', []);
  }

  /** Compiles one lexed line into a Line at line number `line`. */
  build(text: string, line: number, lexed: LexedLine, aliases: AliasTable, valueChecks = true): Line {
    const words: Word[] = lexed.words.map((w) => ({
      kind: 'Word',
      value: w.value,
      raw: w.raw,
      quoted: w.quoted,
      range: lineRange(line, w.start, w.end),
    }));
    const comment: Comment | null = lexed.comment
      ? { kind: 'Comment', text: lexed.comment.text, range: lineRange(line, lexed.comment.start, lexed.comment.end) }
      : null;
    const range = lineRange(line, 0, text.length);
    if (exceedsLineLimit(text)) return tooLongLine(text, line);
    const r = this.compiler.compileLine(text, line, aliases, lexed, words);
    if (r.kind === 'noMatch' && this.others) {
      const d = this.others.diagnose(r, text, line, aliases, lexed);
      if (d) return new BuiltLine(line, text, words, comment, range, 'error', null, r.error, [d]);
    }
    return this.fromResult(r, text, line, words, comment, range, valueChecks);
  }

  private fromResult(r: CompileResult, text: string, line: number, words: Word[], comment: Comment | null, range: Range, valueChecks: boolean): Line {
    switch (r.kind) {
      case 'empty':
      case 'comment':
        return new BuiltLine(line, text, words, comment, range, r.kind, null, '', []);
      case 'lexError': {
        const hint = LEX_HINTS[r.lexError.code];
        const message = hint ? `${r.error} (${hint})` : r.error;
        return new BuiltLine(line, text, words, comment, range, 'error', null, r.error, [
          createDiagnostic(r.lexError.code, 'error', message, r.range, { minicli: r.error }),
        ]);
      }
      case 'noMatch': {
        const code = r.failure === 'unknown' ? Codes.unknownCommand : r.failure === 'ambiguous' ? Codes.ambiguousCommand : Codes.badArguments;
        const message = r.hint ? `${r.error} (${r.hint})` : r.error;
        const data = { minicli: r.error, ...(r.suggestion ? { suggestion: r.suggestion } : {}) };
        return new BuiltLine(line, text, words, comment, range, 'error', null, r.error, [createDiagnostic(code, 'error', message, r.range, data)]);
      }
      case 'command':
        return new BuiltLine(line, text, words, comment, range, 'command', r.command, '', valueChecks ? this.checks.check(r.command) : []);
    }
  }
}
