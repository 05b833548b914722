/** How `mm check` prints what it found: text (with excerpts) or JSON. */
import type { CliIO } from './cli-io.js';
import type { PlacedDiagnostic } from './check-reads.js';
import { ProblemText, type Palette } from './excerpt.js';

/** Counts of a check run. */
export interface CheckCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly files: number;
}

/** Counts errors and warnings. */
export function countFound(found: readonly PlacedDiagnostic[], files: number): CheckCounts {
  let errors = 0;
  let warnings = 0;
  for (const f of found) {
    if (f.diagnostic.severity === 'error') errors++;
    else if (f.diagnostic.severity === 'warning') warnings++;
  }
  return { errors, warnings, files };
}

/** JSON: an array of `{file, range, severity, code, message}` (and `readFrom` for a problem in a read file). */
export function printJson(io: CliIO, found: readonly PlacedDiagnostic[]): void {
  const items = found.map(({ file, diagnostic: d, readFrom }) => ({
    file,
    range: d.range,
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(readFrom ? { readFrom: { file: readFrom.file, line: readFrom.line + 1 } } : {}),
  }));
  io.stdout(`${JSON.stringify(items, null, 2)}\n`);
}

/** Text: per problem its header line, the source excerpt with a caret, where it was read from; then the summary. */
export function printText(io: CliIO, found: readonly PlacedDiagnostic[], counts: CheckCounts, palette: Palette): void {
  // Written in pieces of about PIECE_CHARS: one write per problem costs more than making its text.
  const text = new ProblemText(palette);
  let piece = '';
  for (const { file, diagnostic: d, source, readFrom } of found) {
    piece += text.problem(file, d.range, d.severity, d.message, d.code, source);
    if (readFrom) piece += `  (read from ${readFrom.file}:${readFrom.line + 1})\n`;
    if (piece.length < PIECE_CHARS) continue;
    io.stdout(piece);
    piece = '';
  }
  io.stdout(`${piece}${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')} in ${plural(counts.files, 'file')}\n`);
}

/** Characters of report text written at a time. */
const PIECE_CHARS = 64 * 1024;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
