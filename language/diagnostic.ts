/** Diagnostics are data: a stable code, a severity, a message and a range. */
import type { Range } from './positions.js';
import type { Code } from './codes.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Diagnostic {
  readonly code: Code;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  /** Optional machine-readable extras (a suggested replacement, ...). */
  readonly data?: Readonly<Record<string, string>>;
}

/**
 * `d` moved to `line` (its columns kept): a line's own problems are made on
 * line 0 and shared by every line of that text.
 */
export function diagnosticOnLine(d: Diagnostic, line: number): Diagnostic {
  // Made field by field: a spread of objects of several layouts takes V8's slow path.
  const range = { start: { line, character: d.range.start.character }, end: { line, character: d.range.end.character } };
  return d.data === undefined
    ? { code: d.code, severity: d.severity, message: d.message, range }
    : { code: d.code, severity: d.severity, message: d.message, range, data: d.data };
}

/** Creates a diagnostic. */
export function createDiagnostic(code: Code, severity: Severity, message: string, range: Range, data?: Record<string, string>): Diagnostic {
  return data ? { code, severity, message, range, data } : { code, severity, message, range };
}
