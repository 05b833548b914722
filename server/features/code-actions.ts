/**
 * Code actions on the lines of the requested range:
 * - fix an unknown command or bad keyword to the matcher's suggestion;
 * - mark the file as written for the other dialect when a line is one of its
 *   commands (the diagnostic's `data.directive`), one fix for all such lines;
 * - expand abbreviated keywords to their full words;
 * - quote a value that needs quoting: words that minicli split apart, or a
 *   word whose `#` started a comment. A quoting fix is offered only when the
 *   quoted line then matches a pattern.
 */
import { CodeActionKind, type CodeAction, type Connection, type Diagnostic as LspDiagnostic, type TextEdit } from 'vscode-languageserver';
import { commandChain, diagnosticOnLine, type LanguageService, type Line, Codes, quoteAlways, readDialectDirective } from '../../language/index.js';
import type { LineDocument } from '../documents.js';
import type { Services } from '../services.js';
import { cancellable, toLspDiagnostic } from '../lsp-util.js';
import { aliasesBefore } from '../line-parser.js';

/** The kinds of actions the server offers. Titles are plain text in every editor: words are quoted with "", never backticks. */
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite];

/** Registers `textDocument/codeAction`. */
export function registerCodeActions(connection: Connection, services: Services): void {
  connection.onCodeAction(
    cancellable((params): CodeAction[] => {
      const doc = services.script(params.textDocument.uri);
      if (!doc) return [];
      const uri = doc.uri;
      const out: CodeAction[] = [];
      const inRange: LspDiagnostic[] = [];
      const last = Math.min(params.range.end.line, doc.lines.length - 1);
      for (let i = Math.max(0, params.range.start.line); i <= last; i++) {
        const line = doc.lines[i]!;
        const diags = line.diagnostics.map((d) => toLspDiagnostic(diagnosticOnLine(d, i)));
        inRange.push(...diags);
        out.push(...suggestionFixes(uri, diags));
        out.push(...expandAbbreviations(uri, line, i));
        out.push(...quoteFixes(doc.language, uri, line, i, diags, () => aliasesBefore(doc.lines, i)));
      }
      out.push(...directiveFixes(doc, inRange));
      const only = params.context.only;
      return only ? out.filter((a) => only.some((k) => a.kind === k || a.kind?.startsWith(`${k}.`))) : out;
    }),
  );
}

/** One fix per directive the range's diagnostics propose: write it as the first line (or in place of the one there). */
function directiveFixes(doc: LineDocument, diags: readonly LspDiagnostic[]): CodeAction[] {
  const byDirective = new Map<string, LspDiagnostic[]>();
  for (const d of diags) {
    const directive = (d.data as { directive?: unknown } | undefined)?.directive;
    if (typeof directive === 'string') byDirective.set(directive, [...(byDirective.get(directive) ?? []), d]);
  }
  const first = doc.lineText(0);
  const present = readDialectDirective(first);
  return [...byDirective].map(([directive, ds]) => ({
    title: `${present ? 'Change the first line to' : 'Add the first line'} "${directive}" (check this file as minimega ${readDialectDirective(directive)?.dialect?.version ?? directive})`,
    kind: CodeActionKind.QuickFix,
    diagnostics: ds,
    isPreferred: true,
    edit: edit(doc.uri, [
      present
        ? { range: { start: { line: 0, character: 0 }, end: { line: 0, character: first.length } }, newText: directive }
        : { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `${directive}\n` },
    ]),
  }));
}

function edit(uri: string, edits: TextEdit[]): CodeAction['edit'] {
  return { changes: { [uri]: edits } };
}

function suggestionFixes(uri: string, diags: LspDiagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diags) {
    const suggestion = (d.data as { suggestion?: string } | undefined)?.suggestion;
    if (!suggestion) continue;
    out.push({
      title: `Change to "${suggestion}"`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      edit: edit(uri, [{ range: d.range, newText: suggestion }]),
    });
  }
  return out;
}

function expandAbbreviations(uri: string, line: Line, i: number): CodeAction[] {
  const edits: TextEdit[] = [];
  for (const c of commandChain(line.command)) {
    for (let k = 0; k < c.words.length; k++) {
      const w = c.words[k]!;
      const item = c.items[c.wordItems[k]!];
      if (!item || (item.type !== 'literal' && item.type !== 'choice')) continue;
      const full = item.type === 'literal' ? item.text : item.options.find((o) => o.startsWith(w.value));
      const s = w.range.start.character;
      const e = w.range.end.character;
      if (!full || full === w.value || line.text.slice(s, e) !== w.raw) continue;
      edits.push({ range: { start: { line: i, character: s }, end: { line: i, character: e } }, newText: full });
    }
  }
  if (edits.length === 0) return [];
  const words = edits.map((e) => `"${e.newText}"`).join(', ');
  return [{ title: `Expand abbreviation${edits.length > 1 ? 's' : ''} to ${words}`, kind: CodeActionKind.RefactorRewrite, edit: edit(uri, edits) }];
}

function quoteFixes(language: LanguageService, uri: string, line: Line, i: number, diags: LspDiagnostic[], aliases: () => Map<string, string>): CodeAction[] {
  const words = line.words;
  const matches = (text: string): boolean => language.compileLine(text, 0, aliases()).kind === 'command';
  const action = (s: number, e: number, because: string, d?: LspDiagnostic): CodeAction => {
    const value = line.text.slice(s, e);
    return {
      title: `Quote ${value} as one value (${because})`,
      kind: CodeActionKind.QuickFix,
      ...(d ? { diagnostics: [d] } : {}),
      edit: edit(uri, [{ range: { start: { line: i, character: s }, end: { line: i, character: e } }, newText: quoteAlways(value) }]),
    };
  };
  // Extra words: quote a run of plain words ending at the last one.
  const extra = diags.find((d) => d.code === Codes.badArguments);
  if (extra && words.every((w) => w.raw === w.value)) {
    const k = words.findIndex((w) => w.range.start.character === extra.range.start.character);
    const end = words[words.length - 1]!.range.end.character;
    for (let s = k - 1; k > 0 && s >= 1; s--) {
      const start = words[s]!.range.start.character;
      const text = line.text.slice(0, start) + quoteAlways(line.text.slice(start, end)) + line.text.slice(end);
      if (matches(text)) return [action(start, end, 'minicli splits words at spaces', extra)];
    }
  }
  // A `#` right after a word starts a comment; quoting keeps it in the value.
  const comment = line.comment;
  const before = words[words.length - 1];
  if (comment && before && before.raw === before.value && before.range.end.character === comment.range.start.character) {
    const start = before.range.start.character;
    const m = /^#\S*/.exec(comment.text)!;
    const end = comment.range.start.character + m[0].length;
    const text = line.text.slice(0, start) + quoteAlways(line.text.slice(start, end)) + line.text.slice(end);
    if (matches(text)) return [action(start, end, '# starts a comment')];
  }
  return [];
}
