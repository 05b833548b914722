/**
 * Document formatting: `mm fmt` in the editor. One edit per line that
 * changes (the language's formatter), so the cursor and folds elsewhere stay
 * where they are.
 */
import type { Connection, TextEdit } from 'vscode-languageserver';
import { formatLine } from '../../language/index.js';
import type { Services } from '../services.js';
import { cancellable, checkCancelled } from '../lsp-util.js';

/** Registers `textDocument/formatting`. */
export function registerFormatting(connection: Connection, services: Services): void {
  connection.onDocumentFormatting(
    cancellable((params, token): TextEdit[] => {
      const doc = services.script(params.textDocument.uri);
      if (!doc) return [];
      const compile = (text: string) => doc.language.compileLine(text, 0);
      const edits: TextEdit[] = [];
      for (let i = 0; i < doc.lines.length; i++) {
        if ((i & 1023) === 0) checkCancelled(token);
        const line = doc.lines[i]!;
        const text = formatLine(line, compile);
        if (text !== line.text) edits.push({ range: { start: { line: i, character: 0 }, end: { line: i, character: line.text.length } }, newText: text });
      }
      return edits;
    }),
  );
}
