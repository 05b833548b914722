/**
 * Document highlight: every mention of the name under the cursor in this
 * document, definitions as writes.
 */
import { DocumentHighlightKind, type Connection, type DocumentHighlight } from 'vscode-languageserver';
import type { Services } from '../services.js';
import { cancellable } from '../lsp-util.js';
import { nameAt } from './names-util.js';

/** Registers `textDocument/documentHighlight`. */
export function registerDocumentHighlight(connection: Connection, services: Services): void {
  connection.onDocumentHighlight(
    cancellable((params): DocumentHighlight[] => {
      const at = nameAt(services, params.textDocument.uri, params.position);
      if (!at) return [];
      return at.analysis
        .names()
        .lookup(at.site.kind, at.site.name)
        .map((s) => ({
          range: s.range,
          kind: s.definition ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
        }));
    }),
  );
}
