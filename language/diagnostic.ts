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

/** Creates a diagnostic. */
export function createDiagnostic(code: Code, severity: Severity, message: string, range: Range, data?: Record<string, string>): Diagnostic {
  return data ? { code, severity, message, range, data } : { code, severity, message, range };
}
