/**
 * Moves a parsed line to another line number: the same nodes with every range
 * on the new line. Catalog entries, pattern items and argument maps are shared.
 */
import type { Command, CommentCommand, Line, LineData, Word } from '../ast.js';
import { commandFrom } from '../ast.js';
import type { Range } from '../positions.js';
import type { Diagnostic } from '../diagnostic.js';
import type { HandlerSpec } from '../catalog/types.js';

function moveRange(r: Range, line: number): Range {
  return { start: { line, character: r.start.character }, end: { line, character: r.end.character } };
}

function moveWords(words: readonly Word[], line: number): Word[] {
  const out = new Array<Word>(words.length);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    out[i] = { kind: 'Word', value: w.value, raw: w.raw, quoted: w.quoted, range: moveRange(w.range, line) };
  }
  return out;
}

function moveCommand(c: Command | CommentCommand | null, line: number): Command | CommentCommand | null {
  if (!c) return null;
  if (c.kind === 'CommentCommand') return { kind: 'CommentCommand', original: c.original, range: moveRange(c.range, line) };
  return commandFrom(c, c.args, moveCommand(c.subcommand, line), c.original, moveWords(c.words, line), moveRange(c.range, line));
}

function moveDiagnostic(d: Diagnostic, line: number): Diagnostic {
  return { ...d, range: moveRange(d.range, line) };
}

/**
 * A line parsed elsewhere, seen at another line number. Its parts are moved
 * on first use only: a whole-script parse mostly reads `diagnostics` (usually
 * empty) and its chain (for aliases), so most ranges are never rebuilt.
 */
class RelocatedLine implements Line {
  readonly kind = 'Line' as const;
  private movedWords?: Word[];
  private movedComment?: Line['comment'];
  private movedCommand?: Command | null;
  private movedDiagnostics?: readonly Diagnostic[];
  private movedRange?: Range;

  constructor(
    readonly base: Line,
    readonly line: number,
  ) {}

  get text(): string {
    return this.base.text;
  }
  get status(): Line['status'] {
    return this.base.status;
  }
  get error(): string {
    return this.base.error;
  }
  get words(): readonly Word[] {
    return (this.movedWords ??= moveWords(this.base.words, this.line));
  }
  get comment(): Line['comment'] {
    if (this.movedComment === undefined) {
      const c = this.base.comment;
      this.movedComment = c ? { kind: 'Comment', text: c.text, range: moveRange(c.range, this.line) } : null;
    }
    return this.movedComment;
  }
  get command(): Command | null {
    if (this.movedCommand === undefined) this.movedCommand = moveCommand(this.base.command, this.line) as Command | null;
    return this.movedCommand;
  }
  get diagnostics(): readonly Diagnostic[] {
    if (this.movedDiagnostics === undefined) {
      const ds = this.base.diagnostics;
      this.movedDiagnostics = ds.length === 0 ? ds : ds.map((d) => moveDiagnostic(d, this.line));
    }
    return this.movedDiagnostics;
  }
  get range(): Range {
    return (this.movedRange ??= moveRange(this.base.range, this.line));
  }

  get template(): Line | undefined {
    return this.base.template;
  }
  // The chain is read from the line it was parsed as: handlers, patterns and arguments do not move.
  handlerAt(level: number): HandlerSpec | undefined {
    return this.base.handlerAt(level);
  }
  nestsAt(level: number): boolean {
    return this.base.nestsAt(level);
  }
  stringArgAt(level: number, key: string): string | undefined {
    return this.base.stringArgAt(level, key);
  }

  /** Plain data for JSON and structured copies. */
  toJSON(): LineData {
    return {
      kind: 'Line',
      line: this.line,
      text: this.text,
      words: this.words,
      comment: this.comment,
      status: this.status,
      command: this.command,
      error: this.error,
      diagnostics: this.diagnostics,
      range: this.range,
    };
  }
}

/** The line as if it had been parsed at `line` (parts are moved on first use). */
export function relocateLine(l: Line, line: number): Line {
  return new RelocatedLine(l instanceof RelocatedLine ? l.base : l, line);
}
