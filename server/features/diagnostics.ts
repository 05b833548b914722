/**
 * Pushes diagnostics: the same list as `mm check` (parse errors, value checks,
 * script-level checks), each with its code and, where the matcher has one,
 * the closest keyword in `data.suggestion`. Changes arriving together are
 * checked once. A document that is clearly not minimega (an Objective-C++
 * `.mm` file) gets none, and one notice saying why.
 */
import { MessageType, ShowMessageNotification, type Connection, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { Codes, createDiagnostic, lineRange, type Diagnostic } from '../../language/index.js';
import type { Services } from '../services.js';
import { DiagnosticsJson } from '../diagnostics-json.js';
import { MAX_DOCUMENT_LINES } from '../documents.js';
import { toLspDiagnostic } from '../lsp-util.js';

/** Registers diagnostics publishing; returns a function that republishes every open document. */
export function registerDiagnostics(connection: Connection, services: Services): () => void {
  const pending = new Set<string>();
  // One notice per document and session: the user learns why the file is quiet, once.
  const noticed = new Set<string>();
  const notifyForeign = (uri: string): void => {
    if (noticed.has(uri)) return;
    noticed.add(uri);
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: foreignNotice(uri) });
  };
  const json = new DiagnosticsJson();
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    for (const uri of pending) {
      const doc = services.documents.get(uri);
      if (!doc) continue;
      if (doc.tooLong) {
        const diagnostics = [toLspDiagnostic(tooLongProblem(doc.textDocument.lineCount))];
        void connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
        continue;
      }
      if (services.isForeign(doc)) {
        notifyForeign(doc.uri);
        void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [] });
        continue;
      }
      const problem = services.dialectProblem(doc);
      const analysis = services.analyses.get(doc);
      const list = problem ? [problem, ...analysis.diagnostics()] : analysis.diagnostics();
      // Pre-encoded (diagnostics-json.ts): the writer copies the pieces; other serialisers read them through toJSON.
      const bases = problem ? [problem, ...analysis.bases()] : analysis.bases();
      const diagnostics = json.encode(list, bases) as unknown as LspDiagnostic[];
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

/** The notice for a document left unchecked. */
function foreignNotice(uri: string): string {
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  return `${name} does not look like a minimega script (Objective-C++ also uses .mm), so it is not checked. A first line "# minimega: 2.3" marks it as minimega.`;
}

/** The one problem of a document too long to parse. */
function tooLongProblem(lines: number): Diagnostic {
  return createDiagnostic(
    Codes.documentTooLong,
    'warning',
    `this document has ${lines} lines: the language server reads documents of at most ${MAX_DOCUMENT_LINES} lines, so it shows no problems, names or completions here (\`mm check\` checks a script of any length)`,
    lineRange(0, 0, 0),
  );
}
