/**
 * Rejected lines of one shape (shape.ts) made from one built line, as
 * templates (template.ts) make accepted ones: minicli's error quotes the
 * text, and `mm`'s hint names the word where matching failed and what was
 * expected there, none of which depends on which digits the text holds
 * when no digit can decide a match (the catalog's and the other dialects'
 * `digitKeywords`), the words are plain (no quote or escape, so no lexing
 * error) and the word the hint measures against keywords holds none. The
 * template is the line built from the text with its digits marked
 * (marks.ts); a line of the shape is that line with its own digits in place
 * of the marks, its words re-read from its text. A template is kept only
 * when it gives back the line it was made from. Where the marks stand in the
 * marked line's error and messages is worked out once (`Unmarking`): a line
 * of the shape only puts its digits between the pieces.
 */
import type { Comment, Line, Word } from '../ast.js';
import { BuiltLine } from '../built-line.js';
import type { Diagnostic } from '../diagnostic.js';
import { isDigitCode, markDigits, unmarking, unmarkWith, type Unmarking } from './marks.js';
import { samePlain } from './same.js';

/** A rejected line (at line 0) and the line built from its text with the digits marked. */
export interface RejectedTemplate {
  readonly line: Line;
  readonly marked: Line;
  /** How the marked line's error, and each of its diagnostics' message and data, take a text's digits. */
  readonly error: Unmarking;
  readonly diagnostics: readonly MarkedDiagnostic[];
}

/** A diagnostic of the marked line, and how its strings take a text's digits. */
interface MarkedDiagnostic {
  readonly diagnostic: Diagnostic;
  readonly message: Unmarking;
  readonly data: readonly (readonly [string, Unmarking])[] | undefined;
}

/** Quotes and backslashes: a line holding one may not be plain words. */
const NOT_PLAIN = /["'\\]/;

/**
 * The template of a rejected line's shape (the line at line 0, built with no
 * aliases), or null when there is none. `guards` match the texts where a
 * digit can decide a match; `build` builds a text as the line was.
 */
export function createRejectedTemplate(line: Line, guards: readonly RegExp[], build: (text: string) => Line): RejectedTemplate | null {
  const text = line.text;
  if (line.status !== 'error' || line.line !== 0 || line.command !== null || NOT_PLAIN.test(text)) return null;
  for (const g of guards) if (g.test(text)) return null;
  // The hint measures the word where matching failed against keywords: it must hold no digit.
  for (const d of line.diagnostics) if (hasDigit(text, d.range.start.character, d.range.end.character)) return null;
  const m = markDigits(text);
  if (m === undefined) return null;
  const marked = build(m);
  const template: RejectedTemplate = {
    line,
    marked,
    error: unmarking(marked.error, text),
    diagnostics: marked.diagnostics.map((d) => ({
      diagnostic: d,
      message: unmarking(d.message, text),
      data: d.data ? Object.keys(d.data).map((k) => [k, unmarking(d.data![k]!, text)] as const) : undefined,
    })),
  };
  return sameRejected(instantiateRejected(template, text), line) ? template : null;
}

/** The line of `text` (of the template's shape). */
export function instantiateRejected(t: RejectedTemplate, text: string): Line {
  const m = t.marked;
  return new BuiltLine(
    0,
    text,
    words(m.words, text),
    comment(m.comment, text),
    m.range,
    m.status,
    null,
    unmarkWith(t.error, text),
    diagnostics(t.diagnostics, text),
  );
}

function words(marked: readonly Word[], text: string): Word[] {
  const out = new Array<Word>(marked.length);
  for (let i = 0; i < marked.length; i++) {
    const w = marked[i]!;
    // Plain words: the value is the source text.
    const value = text.slice(w.range.start.character, w.range.end.character);
    out[i] = value === w.value ? w : { kind: 'Word', value, raw: value, quoted: false, range: w.range };
  }
  return out;
}

function comment(c: Comment | null, text: string): Comment | null {
  return c ? { kind: 'Comment', text: text.slice(c.range.start.character, c.range.end.character), range: c.range } : null;
}

function diagnostics(marked: readonly MarkedDiagnostic[], text: string): Diagnostic[] {
  const out = new Array<Diagnostic>(marked.length);
  for (let i = 0; i < marked.length; i++) {
    const { diagnostic: d, message: m, data: marks } = marked[i]!;
    const message = unmarkWith(m, text);
    if (marks === undefined) {
      out[i] = { code: d.code, severity: d.severity, message, range: d.range };
      continue;
    }
    const data: Record<string, string> = {};
    for (let k = 0; k < marks.length; k++) data[marks[k]![0]] = unmarkWith(marks[k]![1], text);
    out[i] = { code: d.code, severity: d.severity, message, range: d.range, data };
  }
  return out;
}

function hasDigit(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isDigitCode(text.charCodeAt(i))) return true;
  return false;
}

/** Whether two rejected lines say the same (every field a reader sees). */
function sameRejected(a: Line, b: Line): boolean {
  return (
    a.text === b.text &&
    a.status === b.status &&
    a.error === b.error &&
    a.command === b.command &&
    samePlain(a.words, b.words) &&
    samePlain(a.comment, b.comment) &&
    samePlain(a.range, b.range) &&
    samePlain(a.diagnostics, b.diagnostics)
  );
}
