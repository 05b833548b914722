/**
 * Moves a parsed line to another line number: the same nodes with every range
 * on the new line. Catalog entries, pattern items and argument maps are shared.
 */
import type { Command, CommentCommand, Line, Range, Word } from './ast.js';
import type { Diagnostic } from './diagnostics.js';

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
  return {
    ...c,
    words: moveWords(c.words, line),
    subcommand: moveCommand(c.subcommand, line),
    range: moveRange(c.range, line),
  };
}

function moveDiagnostic(d: Diagnostic, line: number): Diagnostic {
  return { ...d, range: moveRange(d.range, line) };
}

/** The line as if it had been parsed at `line`. */
export function relocateLine(l: Line, line: number): Line {
  return {
    kind: 'Line',
    line,
    text: l.text,
    words: moveWords(l.words, line),
    comment: l.comment ? { kind: 'Comment', text: l.comment.text, range: moveRange(l.comment.range, line) } : null,
    status: l.status,
    command: moveCommand(l.command, line) as Command | null,
    error: l.error,
    diagnostics: l.diagnostics.map((d) => moveDiagnostic(d, line)),
    range: moveRange(l.range, line),
  };
}
