/** How `mm check` prints what it found: text (with excerpts) or JSON. */
import { type CliIO, outputParts } from './cli-io.js';
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

/**
 * JSON: an array of `{file, range, severity, code, message}` (and `readFrom`
 * for a problem in a read file), the bytes `JSON.stringify(items, null, 2)`
 * makes, written an item at a time: a report of millions of problems is then
 * never one string (nor an array of items) in memory.
 */
export function printJson(io: CliIO, found: readonly PlacedDiagnostic[]): void {
  const out = outputParts(io);
  if (found.length === 0) {
    out.part('[]\n');
    out.flush();
    return;
  }
  out.part('[\n');
  for (let i = 0; i < found.length; i++) {
    // Inside the array every line of an item is indented two more spaces. A string value never
    // holds a raw line feed (JSON escapes it), so the line feeds replaced are the layout's own.
    out.part(`  ${JSON.stringify(jsonItem(found[i]!), null, 2).replace(/\n/g, '\n  ')}`);
    out.part(i + 1 < found.length ? ',\n' : '\n');
  }
  out.part(']\n');
  out.flush();
}

/** One problem as the JSON report gives it. */
function jsonItem({ file, diagnostic: d, readFrom }: PlacedDiagnostic): object {
  return {
    file,
    range: d.range,
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(readFrom ? { readFrom: { file: readFrom.file, line: readFrom.line + 1 } } : {}),
  };
}

/** Text: per problem its header line, the source excerpt with a caret, where it was read from; then the summary. */
export function printText(io: CliIO, found: readonly PlacedDiagnostic[], counts: CheckCounts, palette: Palette): void {
  const text = new ProblemText(palette);
  const out = outputParts(io);
  for (const { file, diagnostic: d, source, readFrom } of found) {
    out.part(text.problem(file, d.range, d.severity, d.message, d.code, source));
    if (readFrom) out.part(`  (read from ${readFrom.file}:${readFrom.line + 1})\n`);
  }
  out.part(`${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')} in ${plural(counts.files, 'file')}\n`);
  out.flush();
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
