/** How `mm check` prints what it found: text (with excerpts) or JSON. */
import { type CliIO, outputParts } from './cli-io.js';
import type { Diagnostic } from '../language/index.js';
import { ProblemText, type Palette } from './excerpt.js';
import { countProblems, visitProblems, type ProblemCounts, type ScriptProblems } from './check-script.js';

/** A problem at its real place, and the `read` line that led there, if any. */
export interface PlacedDiagnostic {
  /** The file's name as shown. */
  readonly file: string;
  readonly diagnostic: Diagnostic;
  /** The text of the line the diagnostic is on (for the excerpt). */
  readonly source: string;
  /** The `read` line that reads the file, for problems in a read file. */
  readonly readFrom?: { readonly file: string; readonly line: number };
}

/**
 * Problems to report, in order, visited one at a time: a script's are placed
 * on their lines only as they are printed (`scriptPart`).
 */
export interface ReportPart {
  readonly errors: number;
  readonly warnings: number;
  /** Problems in all, of every severity. */
  readonly count: number;
  forEach(visit: (p: PlacedDiagnostic) => void): void;
}

/** A part of problems placed already. */
export function placedPart(list: readonly PlacedDiagnostic[]): ReportPart {
  const counts: ProblemCounts = { errors: 0, warnings: 0, count: 0 };
  countProblems(
    counts,
    list.map((p) => p.diagnostic),
  );
  return {
    ...counts,
    forEach: (visit) => {
      for (const p of list) visit(p);
    },
  };
}

/** A script's problems (decoding's, its lines' own, the script checks'), placed on their lines only as they are printed. */
export function scriptPart(file: string, problems: ScriptProblems): ReportPart {
  return {
    ...problems.counts,
    forEach: (visit) => visitProblems(problems, (diagnostic, source) => visit({ file, diagnostic, source })),
  };
}

/** Counts of a check run. */
export interface CheckCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly files: number;
}

/** Counts errors and warnings. */
export function countFound(found: readonly ReportPart[], files: number): CheckCounts {
  let errors = 0;
  let warnings = 0;
  for (const part of found) {
    errors += part.errors;
    warnings += part.warnings;
  }
  return { errors, warnings, files };
}

/**
 * JSON: an array of `{file, range, severity, code, message}` (and `readFrom`
 * for a problem in a read file), the bytes `JSON.stringify(items, null, 2)`
 * makes, written an item at a time: a report of millions of problems is then
 * never one string (nor an array of items) in memory.
 */
export function printJson(io: CliIO, found: readonly ReportPart[]): void {
  const out = outputParts(io);
  if (found.every((part) => part.count === 0)) {
    out.part('[]\n');
    out.flush();
    return;
  }
  out.part('[\n');
  let first = true;
  for (const part of found) {
    part.forEach((p) => {
      // Inside the array every line of an item is indented two more spaces. A string value never
      // holds a raw line feed (JSON escapes it), so the line feeds replaced are the layout's own.
      out.part(`${first ? '' : ',\n'}  ${JSON.stringify(jsonItem(p), null, 2).replace(/\n/g, '\n  ')}`);
      first = false;
    });
  }
  out.part('\n]\n');
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
export function printText(io: CliIO, found: readonly ReportPart[], counts: CheckCounts, palette: Palette): void {
  const text = new ProblemText(palette);
  const out = outputParts(io);
  for (const part of found) {
    part.forEach(({ file, diagnostic: d, source, readFrom }) => {
      out.part(text.problem(file, d.range, d.severity, d.message, d.code, source));
      if (readFrom) out.part(`  (read from ${readFrom.file}:${readFrom.line + 1})\n`);
    });
  }
  out.part(`${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')} in ${plural(counts.files, 'file')}\n`);
  out.flush();
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
