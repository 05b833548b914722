/**
 * `minimega/importCommandSet`, a request of our own: the editor's
 * *Use Command Set from a minimega Binary...* asks the server to import a
 * binary's (or a saved `-cli` output's) command set into a file, exactly as
 * `mm catalog import` does, so that the extension runs no import code itself.
 */
import { isAbsolute } from 'node:path';
import { RequestType, type Connection } from 'vscode-languageserver';
import { ImportError, importCommandSet, summary } from '../command-set-import.js';

/** What the client asks: a binary or a saved output, and where to write (absolute paths). */
export interface ImportCommandSetParams {
  readonly binary?: string;
  readonly json?: string;
  readonly output: string;
  readonly noBuiltin?: boolean;
}

/** The outcome: what was written (and notes on what stayed unknown), or the one error. */
export type ImportCommandSetResult =
  | { readonly ok: true; readonly summary: string; readonly notes: readonly string[] }
  | { readonly ok: false; readonly error: string };

export const ImportCommandSetRequest = new RequestType<ImportCommandSetParams, ImportCommandSetResult, void>('minimega/importCommandSet');

const TIMEOUT_MS = 10_000;

/** Registers `minimega/importCommandSet`. */
export function registerImportCommandSet(connection: Connection): void {
  connection.onRequest(ImportCommandSetRequest, async (p): Promise<ImportCommandSetResult> => {
    const source = typeof p?.binary === 'string' ? p.binary : typeof p?.json === 'string' ? p.json : undefined;
    if (source === undefined || typeof p.output !== 'string' || !isAbsolute(source) || !isAbsolute(p.output) || !p.output.endsWith('.json')) {
      return { ok: false, error: 'expected an absolute `binary` or `json` path and an absolute `output` path ending in .json' };
    }
    try {
      const job = { output: p.output, noBuiltin: p.noBuiltin === true, timeoutMs: TIMEOUT_MS };
      const r = await importCommandSet(typeof p.binary === 'string' ? { ...job, binary: p.binary } : { ...job, json: source });
      return { ok: true, summary: summary(r.set, source, p.output), notes: r.notes };
    } catch (e) {
      if (e instanceof ImportError) return { ok: false, error: e.message };
      throw e;
    }
  });
}
