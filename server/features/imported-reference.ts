/**
 * `minimega/importedReference`, a request of our own: the command reference
 * of the imported command set a document is read with (Markdown), or null
 * when the document is read in a built-in dialect (whose reference is the
 * editor's *Show Command Reference*).
 */
import { RequestType, type Connection } from 'vscode-languageserver';
import { renderImportedReference } from '../../language/index.js';
import type { Services } from '../services.js';

export const ImportedReferenceRequest = new RequestType<{ uri: string }, string | null, void>('minimega/importedReference');

/** Registers `minimega/importedReference`; each dialect's reference is rendered once. */
export function registerImportedReference(connection: Connection, services: Services): void {
  const rendered = new WeakMap<object, string>();
  connection.onRequest(ImportedReferenceRequest, (params): string | null => {
    const doc = typeof params?.uri === 'string' ? services.script(params.uri) : undefined;
    const dialect = doc?.language.dialect;
    if (!dialect?.imported) return null;
    let text = rendered.get(dialect);
    if (text === undefined) rendered.set(dialect, (text = renderImportedReference(dialect)));
    return text;
  });
}
