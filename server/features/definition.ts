/**
 * Go to definition: where the name under the cursor is defined, in the
 * document or a file it reads. On the path of a `read`: the file itself.
 */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection, Location } from 'vscode-languageserver';
import type { Services } from '../services.js';
import { cancellable, locateWord } from '../lsp-util.js';
import { findSite, nameAt } from './names-util.js';

/** Registers `textDocument/definition`. */
export function registerDefinition(connection: Connection, services: Services): void {
  connection.onDefinition(
    cancellable((params): Location[] => {
      const named = nameAt(services, params.textDocument.uri, params.position);
      if (named) return findSite(named.analysis, named.site).definitions.map((d) => ({ uri: d.uri, range: d.site.range }));
      const doc = services.script(params.textDocument.uri);
      const line = doc?.lines[params.position.line];
      if (!doc || !line) return [];
      const at = locateWord(line, params.position.character);
      if (at?.command.handler.role !== 'read' || at.item.key !== 'file') return [];
      const path = at.word.value;
      if (!services.workspace.exists(doc.uri, path)) return [];
      const file = isAbsolute(path) ? path : resolve(services.workspace.baseDir(doc.uri), path);
      const start = { line: 0, character: 0 };
      return [{ uri: pathToFileURL(file).href, range: { start, end: start } }];
    }),
  );
}
