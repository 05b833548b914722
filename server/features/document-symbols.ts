/**
 * Document symbols: namespace sections, with the launches and saved configs
 * inside them as children; those outside any section at the top level.
 */
import { SymbolKind, type Connection, type DocumentSymbol } from 'vscode-languageserver';
import { replaySteps, type Line, type LineFacts } from '../../language/index.js';
import type { Services } from '../services.js';
import { cancellable, checkCancelled } from '../lsp-util.js';
import { findSections } from '../sections.js';

/** Registers `textDocument/documentSymbol`. */
export function registerDocumentSymbols(connection: Connection, services: Services): void {
  connection.onDocumentSymbol(
    cancellable((params, token): DocumentSymbol[] => {
      const doc = services.script(params.textDocument.uri);
      if (!doc) return [];
      checkCancelled(token);
      return documentSymbols(doc.lines, doc.facts);
    }),
  );
}

/** The symbols of parsed lines (`facts[i]`: the facts of `lines[i]`). */
export function documentSymbols(lines: readonly Line[], facts: readonly LineFacts[]): DocumentSymbol[] {
  const sections = findSections(lines).map((s) => ({
    section: s,
    symbol: {
      name: s.name,
      detail: 'namespace',
      kind: SymbolKind.Namespace,
      range: { start: { line: s.start, character: 0 }, end: { line: s.end, character: lines[s.end]!.text.length } },
      selectionRange: { start: { line: s.start, character: s.nameStart }, end: { line: s.start, character: s.nameEnd } },
      children: [] as DocumentSymbol[],
    },
  }));
  const top: DocumentSymbol[] = [];
  let k = 0;
  const place = (lineIndex: number, sym: DocumentSymbol): void => {
    while (k < sections.length && sections[k]!.section.end < lineIndex) k++;
    const s = sections[k];
    if (s && s.section.start <= lineIndex && lineIndex <= s.section.end) s.symbol.children.push(sym);
    else top.push(sym);
  };
  // Launches and saved configs are among the commands the facts keep.
  replaySteps(facts, (fact, lineIndex, namespace) => {
    const v = { lineIndex, namespace, line: lines[lineIndex]! };
    const c = fact.command;
    const role = c.handler.role;
    let name: string | undefined;
    let detail = '';
    let kind: SymbolKind = SymbolKind.Object;
    let wordIndex = -1;
    // A bare `vm launch` (no names) starts the queue and names nothing.
    if (role === 'launch' && c.args.string.name !== undefined) {
      name = c.args.string.name;
      detail = `${c.args.bool.kvm ? 'kvm' : 'container'}${v.namespace ? ` (queued in ${v.namespace})` : ''}`;
      wordIndex = c.words.findIndex((_, i) => c.items[c.wordItems[i]!]?.key === 'name');
    } else if (role === 'config' && c.args.bool.save) {
      name = c.args.string.name;
      detail = 'saved vm config';
      kind = SymbolKind.Struct;
      wordIndex = c.words.length - 1;
    }
    if (name === undefined || wordIndex < 0) return;
    const w = c.words[wordIndex]!;
    const li = v.lineIndex;
    place(li, {
      name: name === '' ? '""' : name,
      detail,
      kind,
      range: { start: { line: li, character: 0 }, end: { line: li, character: v.line.text.length } },
      selectionRange: { start: { line: li, character: w.range.start.character }, end: { line: li, character: w.range.end.character } },
    });
  });
  const all = [...top, ...sections.map((s) => s.symbol)];
  return all.sort((a, b) => a.range.start.line - b.range.start.line);
}
