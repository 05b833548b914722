/**
 * Document highlight: every mention of the name under the cursor in this
 * document, definitions as writes.
 */
import { DocumentHighlightKind, type Connection, type DocumentHighlight } from 'vscode-languageserver';
import type { Services } from '../services.js';
import { cancellable } from '../lsp-util.js';

/** Registers `textDocument/documentHighlight`. */
export function registerDocumentHighlight(connection: Connection, services: Services): void {
  connection.onDocumentHighlight(
    cancellable((params): DocumentHighlight[] => {
      const doc = services.script(params.textDocument.uri);
      if (!doc) return [];
      const names = services.analyses.get(doc).names();
      const site = names.siteAt(params.position);
      if (!site) return [];
      return names.lookup(site.kind, site.name).map((s) => ({
        range: s.range,
        kind: s.definition ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
      }));
    }),
  );
}
