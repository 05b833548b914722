/**
 * Folding ranges: blocks of two or more comment lines, and namespace sections.
 */
import { FoldingRangeKind, type Connection, type FoldingRange } from 'vscode-languageserver';
import type { Line } from '../../language/index.js';
import type { Services } from '../services.js';
import { cancellable, checkCancelled } from '../lsp-util.js';
import { findSections } from '../sections.js';

/** Registers `textDocument/foldingRange`. */
export function registerFolding(connection: Connection, services: Services): void {
  connection.onFoldingRanges(
    cancellable((params, token): FoldingRange[] => {
      const doc = services.script(params.textDocument.uri);
      if (!doc) return [];
      checkCancelled(token);
      return foldingRanges(doc.lines);
    }),
  );
}

/** The folding ranges of parsed lines, sorted by start line. */
export function foldingRanges(lines: readonly Line[]): FoldingRange[] {
  const out: FoldingRange[] = [];
  let run = -1;
  for (let i = 0; i <= lines.length; i++) {
    const isComment = i < lines.length && lines[i]!.status === 'comment';
    if (isComment && run < 0) run = i;
    if (!isComment && run >= 0) {
      if (i - 1 > run) out.push({ startLine: run, endLine: i - 1, kind: FoldingRangeKind.Comment });
      run = -1;
    }
  }
  for (const s of findSections(lines)) {
    if (s.end > s.start) out.push({ startLine: s.start, endLine: s.end, kind: FoldingRangeKind.Region });
  }
  return out.sort((a, b) => a.startLine - b.startLine);
}
