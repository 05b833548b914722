/**
 * `minimega/dialect`, a request of our own: which minimega version a
 * document is read as, and what chose it (its directive, the setting, or the
 * default). The VS Code extension shows it in the status bar; the client
 * asks instead of reading the directive itself, so the server stays the one
 * place that decides.
 */
import { RequestType, type Connection } from 'vscode-languageserver';
import { readDialectDirective } from '../../language/index.js';
import type { Services } from '../services.js';

/** What `minimega/dialect` answers for a document. */
export interface DialectInfo {
  /** `2.3` or `3.1`. */
  readonly version: string;
  /** What chose it: the first line, the `minimega.dialect` setting, or the default. */
  readonly source: 'directive' | 'setting' | 'default';
  /** Whether the first line is a dialect directive (known version or not). */
  readonly directive: boolean;
}

/** The request: a document URI in, its dialect out (null for a document that is not open or not minimega). */
export const DialectRequest = new RequestType<{ uri: string }, DialectInfo | null, void>('minimega/dialect');

/** Registers `minimega/dialect`. */
export function registerDialectInfo(connection: Connection, services: Services): void {
  connection.onRequest(DialectRequest, (params): DialectInfo | null => {
    const doc = typeof params?.uri === 'string' ? services.script(params.uri) : undefined;
    if (!doc) return null;
    const directive = readDialectDirective(doc.lineText(0));
    const source = directive?.dialect ? 'directive' : services.settings().dialect ? 'setting' : 'default';
    return { version: doc.language.dialect.version, source, directive: directive !== undefined };
  });
}
