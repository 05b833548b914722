/**
 * `minimega/dialect`, a request of our own: which minimega version a
 * document is read as, and what chose it (its directive, the setting, or the
 * default). The VS Code extension shows it in the status bar; the client
 * asks instead of reading the directive itself, so the server stays the one
 * place that decides.
 */
import { RequestType, type Connection } from 'vscode-languageserver';
import { directiveNamesFile, readDialectDirective } from '../../language/index.js';
import type { Services } from '../services.js';

/** What `minimega/dialect` answers for a document. */
export interface DialectInfo {
  /** `2.3` or `3.1` (an imported command set: the version whose matching rules it uses). */
  readonly version: string;
  /** How to call it: the version, or for a command set from `mm catalog import`, the minimega it came from. */
  readonly name: string;
  /** Whether it is a command set imported from a minimega binary. */
  readonly imported: boolean;
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
    const named = directive && (directive.dialect || (directiveNamesFile(directive) && !services.dialectProblem(doc)));
    const s = services.settings();
    const source = named ? 'directive' : s.dialect || s.dialectFile ? 'setting' : 'default';
    const d = doc.language.dialect;
    return { version: d.version, name: d.name, imported: d.imported !== undefined, source, directive: directive !== undefined };
  });
}
