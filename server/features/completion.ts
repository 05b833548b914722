/**
 * Completion: the language's completion engine on the cursor's line, with
 * the names of the document and of the files it reads, and file paths.
 * Placeholder hints are left to signature help.
 */
import { CompletionItemKind, type CompletionList, InsertTextFormat, MarkupKind, type CompletionItem, type Connection } from 'vscode-languageserver';
import type { CompletionCandidate, NameKind } from '../../language/index.js';
import type { Services } from '../services.js';
import { cancellable } from '../lsp-util.js';
import type { NameScope } from '../analysis.js';
import { rankCandidates } from '../completion-rank.js';

const KINDS: Record<CompletionCandidate['kind'], CompletionItemKind> = {
  command: CompletionItemKind.Function,
  builtin: CompletionItemKind.Method,
  keyword: CompletionItemKind.Keyword,
  choice: CompletionItemKind.EnumMember,
  value: CompletionItemKind.Value,
  name: CompletionItemKind.Variable,
};

const NAME_KINDS: Record<NameKind, CompletionItemKind> = {
  vm: CompletionItemKind.Variable,
  namespace: CompletionItemKind.Module,
  vlan: CompletionItemKind.Constant,
  tap: CompletionItemKind.Interface,
  host: CompletionItemKind.Reference,
  config: CompletionItemKind.Struct,
};

/** Characters after which editors ask for completion without a keystroke on a word. */
export const COMPLETION_TRIGGERS = [' ', '.', ',', '/'];

/**
 * The documentation of the last list sent, for `completionItem/resolve`:
 * items go out without it (a `vm config ` list with every parameter's
 * documentation is tens of kilobytes, and the editor shows one at a time).
 */
interface LastList {
  id: number;
  docs: (string | undefined)[];
}

/** What an item carries to be resolved: its list and its place in it. */
interface ItemData {
  readonly list: number;
  readonly index: number;
}

/** Registers `textDocument/completion` and `completionItem/resolve`. */
export function registerCompletion(connection: Connection, services: Services): void {
  const last: LastList = { id: 0, docs: [] };
  connection.onCompletionResolve((item): CompletionItem => {
    const data = item.data as ItemData | undefined;
    // An item of an older list is left as it is: its index means nothing in the last one.
    const doc = data && data.list === last.id ? last.docs[data.index] : undefined;
    return doc ? { ...item, documentation: { kind: MarkupKind.Markdown, value: doc } } : item;
  });
  connection.onCompletion(
    cancellable((params): CompletionList => {
      const doc = services.script(params.textDocument.uri);
      const line = doc?.lines[params.position.line];
      if (!doc || !line) return { isIncomplete: false, items: [] };
      const { uri } = doc;
      const scope = services.analyses.get(doc).scope();
      const names = scope.merged;
      const r = doc.language.complete(line.text, params.position.character, names, {
        paths: (partial) => services.workspace.listPaths(uri, partial),
      });
      const lineNo = params.position.line;
      const offered = r.candidates.filter((c) => !c.hint && !typedHere(c, line.text, scope, lineNo));
      const ranked = rankCandidates(offered, wordsBefore(line.text, offered[0]?.replaceStart ?? params.position.character));
      last.id++;
      last.docs = ranked.map((c) => c.documentation);
      return { isIncomplete: r.incomplete, items: ranked.map((c, i) => toItem(c, i, lineNo, last.id)) };
    }),
  );
}

/**
 * A name whose only mention is the word being typed (`vm launch kvm r`
 * makes `r` a VM name while it is typed): offering it would offer the
 * partial word itself.
 */
function typedHere(c: CompletionCandidate, text: string, scope: NameScope, line: number): boolean {
  if (!c.nameKind || c.label !== text.slice(c.replaceStart, c.replaceEnd)) return false;
  if (scope.files.some((f) => f.index.lookup(c.nameKind!, c.label).length > 0)) return false;
  return scope.local.lookup(c.nameKind, c.label).every((s) => s.range.start.line === line);
}

/** The whitespace-separated words before `end` (the command path the cursor's word continues). */
function wordsBefore(text: string, end: number): string[] {
  return text
    .slice(0, end)
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
}

function toItem(c: CompletionCandidate, i: number, line: number, list: number): CompletionItem {
  const data: ItemData = { list, index: i };
  return {
    label: c.label,
    kind: c.nameKind ? NAME_KINDS[c.nameKind] : KINDS[c.kind],
    ...(c.detail ? { detail: c.detail } : {}),
    ...(c.documentation ? { data } : {}),
    sortText: String(i).padStart(5, '0'),
    filterText: c.label,
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: {
      range: { start: { line, character: c.replaceStart }, end: { line, character: c.replaceEnd } },
      newText: c.insertText ?? c.label,
    },
  };
}
