/**
 * Find references: every mention of the name under the cursor, in the
 * document and the files it reads.
 */
import type { Connection, Location } from 'vscode-languageserver';
import type { Services } from '../services.js';
import { cancellable } from '../lsp-util.js';
import { findSite } from './names-util.js';

/** Registers `textDocument/references`. */
export function registerReferences(connection: Connection, services: Services): void {
  connection.onReferences(
    cancellable((params): Location[] => {
      const doc = services.script(params.textDocument.uri);
      if (!doc) return [];
      const analysis = services.analyses.get(doc);
      const site = analysis.names().siteAt(params.position);
      if (!site) return [];
      const found = findSite(analysis, site);
      const defs = new Set(found.definitions);
      return found.all.filter((x) => params.context.includeDeclaration || !defs.has(x)).map((x) => ({ uri: x.uri, range: x.site.range }));
    }),
  );
}
