/**
 * Invariants every parse result must keep, whatever the input: lines split as
 * Go's bufio.Scanner splits them, and every range (words, comments, commands,
 * nested commands, diagnostics) on one existing line and inside its text.
 * Returns a list of problems (empty when all is well) so tests can print them.
 */
import type { Command, CommentCommand, Diagnostic, Range, Script, SourceLine } from '../../language/index.js';

/** bufio.Scanner's lines, written independently of language/text.ts. */
export function scannerLines(text: string): string[] {
  if (text === '') return [];
  const parts = text.split('\n');
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** Checks that `r` lies on line `line` within [0, length of that line]. */
export function rangeProblem(r: Range, lines: readonly string[], what: string, line?: number): string | undefined {
  const { start, end } = r;
  if (start.line !== end.line) return `${what}: spans lines ${start.line}-${end.line}`;
  if (line !== undefined && start.line !== line) return `${what}: on line ${start.line}, expected ${line}`;
  const text = lines[start.line];
  if (text === undefined) return `${what}: line ${start.line} does not exist (${lines.length} lines)`;
  if (!(start.character >= 0 && start.character <= end.character && end.character <= text.length)) {
    return `${what}: [${start.character}, ${end.character}) outside line ${start.line} of length ${text.length}`;
  }
  return undefined;
}

function commandProblems(c: Command | CommentCommand | null, lines: readonly string[], line: number, out: string[], depth = 0): void {
  if (!c) return;
  const p = rangeProblem(c.range, lines, `command (depth ${depth})`, line);
  if (p) out.push(p);
  if (c.kind === 'CommentCommand') return;
  for (const w of c.words) {
    const q = rangeProblem(w.range, lines, `command word ${JSON.stringify(w.value)}`, line);
    if (q) out.push(q);
  }
  commandProblems(c.subcommand, lines, line, out, depth + 1);
}

/** Every invariant of a parseScript result. */
export function scriptProblems(text: string, script: Script, diagnostics: readonly Diagnostic[]): string[] {
  const lines = scannerLines(text);
  const out: string[] = [];
  if (script.lines.length !== lines.length) out.push(`${script.lines.length} lines, expected ${lines.length}`);
  script.lines.forEach((l, i) => {
    if (l.line !== i) out.push(`line ${i} numbered ${l.line}`);
    if (l.text !== lines[i]) out.push(`line ${i} text ${JSON.stringify(l.text)}, expected ${JSON.stringify(lines[i])}`);
    for (const w of l.words) {
      const p = rangeProblem(w.range, lines, `word ${JSON.stringify(w.value)}`, i);
      if (p) out.push(p);
    }
    if (l.comment) {
      const p = rangeProblem(l.comment.range, lines, 'comment', i);
      if (p) out.push(p);
    }
    commandProblems(l.command, lines, i, out);
    if (l.status === 'error' && l.diagnostics.every((d) => d.severity !== 'error')) out.push(`line ${i}: error without an error diagnostic`);
    if ((l.status === 'error') !== (l.error !== '')) out.push(`line ${i}: status ${l.status} with error ${JSON.stringify(l.error)}`);
  });
  for (const d of diagnostics) {
    const p = rangeProblem(d.range, lines, `diagnostic ${d.code}`);
    if (p) out.push(p);
    if (d.message === '') out.push(`diagnostic ${d.code} without a message`);
  }
  return out;
}

/** Invariants of lexScript's result. */
export function lexProblems(text: string, lexed: readonly SourceLine[]): string[] {
  const lines = scannerLines(text);
  const out: string[] = [];
  if (lexed.map((l) => l.text).join('\n') !== lines.join('\n') || lexed.length !== lines.length) {
    out.push(`lines ${JSON.stringify(lexed.map((l) => l.text))}, expected ${JSON.stringify(lines)}`);
  }
  lexed.forEach((l, i) => {
    const len = l.text.length;
    const spans: Array<[string, number, number]> = l.lexed.words.map((w) => [`word ${JSON.stringify(w.value)}`, w.start, w.end]);
    if (l.lexed.comment) spans.push(['comment', l.lexed.comment.start, l.lexed.comment.end]);
    if (l.lexed.error) spans.push([`error ${l.lexed.error.message}`, l.lexed.error.start, l.lexed.error.end]);
    for (const [what, s, e] of spans) {
      if (!(s >= 0 && s <= e && e <= len)) out.push(`line ${i} ${what}: [${s}, ${e}) outside length ${len}`);
    }
    for (const w of l.lexed.words) {
      if (l.text.slice(w.start, w.end) !== w.raw) out.push(`line ${i} word raw ${JSON.stringify(w.raw)} is not its source text`);
    }
  });
  return out;
}
