/**
 * What `mm check` reports for a text, computed in process with the same
 * functions the CLI uses, in the shape the server publishes.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { createLanguageService } from '../../../language/index.js';
import { parseForCheck, problemsInOrder } from '../../../cli/check-script.js';

const language = createLanguageService();

const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const;

/** The comparable part of a diagnostic. */
export interface Comparable {
  readonly range: Diagnostic['range'];
  readonly severity: number | undefined;
  readonly code: string | number | undefined;
  readonly message: string;
}

/** Keeps what both sides have (no `source` or `data`). */
export function comparable(d: Diagnostic): Comparable {
  return { range: d.range, severity: d.severity, code: d.code, message: typeof d.message === 'string' ? d.message : d.message.value };
}

/** `mm check`'s diagnostics for `text` of a script in folder `base`. */
export function checkDiagnostics(text: string, base: string): Comparable[] {
  const script = parseForCheck(language, text);
  const fileExists = (p: string): boolean => existsSync(resolve(base, p));
  return problemsInOrder(script, [], language.checkLines(script.lines, { fileExists })).map((d) => ({
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    message: d.message,
  }));
}
