/**
 * Find references: every mention of the name under the cursor, in the
 * document and the files it reads.
 */
import type { Connection, Location } from 'vscode-languageserver';
import type { Services } from '../services.js';
import { cancellable } from '../lsp-util.js';
import { findSite, nameAt } from './names-util.js';

/** Registers `textDocument/references`. */
export function registerReferences(connection: Connection, services: Services): void {
  connection.onReferences(
    cancellable((params): Location[] => {
      const at = nameAt(services, params.textDocument.uri, params.position);
      if (!at) return [];
      const found = findSite(at.analysis, at.site);
      const defs = new Set(found.definitions);
      return found.all.filter((x) => params.context.includeDeclaration || !defs.has(x)).map((x) => ({ uri: x.uri, range: x.site.range }));
    }),
  );
}
