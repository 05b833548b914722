/**
 * Pushes diagnostics: the same list as `mm check` (parse errors, value checks,
 * script-level checks), each with its code and, where the matcher has one,
 * the closest keyword in `data.suggestion`. Changes arriving together are
 * checked once.
 */
import type { Connection } from 'vscode-languageserver';
import type { Services } from '../services.js';
import { toLspDiagnostic } from '../lsp-util.js';

/** Registers diagnostics publishing; returns a function that republishes every open document. */
export function registerDiagnostics(connection: Connection, services: Services): () => void {
  const pending = new Set<string>();
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    for (const uri of pending) {
      const doc = services.documents.get(uri);
      if (!doc) continue;
      const diagnostics = services.analyses.get(doc).diagnostics().map(toLspDiagnostic);
      void connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
    }
    pending.clear();
  };
  const schedule = (uri: string): void => {
    pending.add(uri);
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
  services.documents.onDidChange((doc) => schedule(doc.uri));
  services.documents.onDidClose((uri) => {
    pending.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });
  return () => {
    for (const d of services.documents.all()) schedule(d.uri);
  };
}
