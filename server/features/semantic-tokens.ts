/**
 * Semantic tokens from the matcher's view of each line: command, sub-command,
 * keyword choice, argument value, name, number, string, comment, builtin.
 * Standard LSP token types are used so that every editor theme colours them
 * (the mapping is in docs/language-server.md). A line's tokens depend on that
 * line alone, so they are cached per parsed line.
 */
import type { Connection, SemanticTokens, SemanticTokensDelta, SemanticTokensEdit, SemanticTokensLegend } from 'vscode-languageserver';
import type { Command, LanguageService, Line, LineSite, SignatureMatch, Word } from '../../language/index.js';
import type { Services } from '../services.js';
import { cancellable, checkCancelled } from '../lsp-util.js';

/** Token types, by index in the legend. */
const TYPES = ['function', 'method', 'enumMember', 'parameter', 'variable', 'number', 'string', 'comment', 'macro'] as const;
const T = Object.fromEntries(TYPES.map((t, i) => [t, i])) as Record<(typeof TYPES)[number], number>;
const DECLARATION = 1;

/** The legend the server announces. */
export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: ['declaration'] };

/** One token on a line: start, length, type, modifiers. */
type LineToken = readonly [number, number, number, number];

const NUMBER = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;

/** Registers full, delta and range semantic tokens. */
export function registerSemanticTokens(connection: Connection, services: Services): void {
  // The last full result per document, so that an edit can answer with a small delta; with the
  // document state it encodes (`stamp`: a new dialect parses the document again, so it changes too), so that
  // asking again before an edit encodes nothing.
  const last = new Map<string, { resultId: string; data: number[]; stamp: object | undefined }>();
  let nextId = 1;
  // Tokens come from a dialect's catalog: one table per language service.
  const tables = new Map<LanguageService, LineTokens>();
  const tokensOf = (language: LanguageService): LineTokens => {
    let t = tables.get(language);
    if (!t) tables.set(language, (t = new LineTokens(language)));
    return t;
  };
  services.documents.onDidClose((uri) => last.delete(uri));
  const full = (uri: string, check: () => void): { resultId: string; data: number[] } => {
    const doc = services.script(uri);
    const before = last.get(uri);
    const stamp = doc?.stamp;
    // The document has not changed since the last result: its tokens have not either.
    const same = doc !== undefined && before !== undefined && before.stamp === stamp;
    const data = same ? before!.data : doc ? tokensOf(doc.language).encode(doc.lines, 0, doc.lines.length - 1, check) : [];
    const result = { resultId: String(nextId++), data, stamp };
    last.set(uri, result);
    return result;
  };
  connection.languages.semanticTokens.on(cancellable((p, token): SemanticTokens => full(p.textDocument.uri, () => checkCancelled(token))));
  connection.languages.semanticTokens.onDelta(
    cancellable((p, token): SemanticTokens | SemanticTokensDelta => {
      const before = last.get(p.textDocument.uri);
      const now = full(p.textDocument.uri, () => checkCancelled(token));
      if (!before || before.resultId !== p.previousResultId) return now;
      return { resultId: now.resultId, edits: [diff(before.data, now.data)] };
    }),
  );
  connection.languages.semanticTokens.onRange(
    cancellable((p, token): SemanticTokens => {
      const doc = services.script(p.textDocument.uri);
      if (!doc) return { data: [] };
      const to = Math.min(p.range.end.line, doc.lines.length - 1);
      return { data: tokensOf(doc.language).encode(doc.lines, p.range.start.line, to, () => checkCancelled(token)) };
    }),
  );
}

/** One edit turning `a` into `b`: the part between their common prefix and suffix. */
export function diff(a: readonly number[], b: readonly number[]): SemanticTokensEdit {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let q = 0;
  while (q < a.length - p && q < b.length - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
  return { start: p, deleteCount: a.length - p - q, data: b.slice(p, b.length - q) };
}

/** Lines' tokens, kept per parsed line (a line's tokens depend on it alone). */
class LineTokens {
  private readonly known = new WeakMap<Line, readonly LineToken[]>();

  constructor(private readonly language: LanguageService) {}

  /** Encodes the tokens of lines [from, to] in LSP's relative form. */
  encode(lines: readonly Line[], from: number, to: number, check: () => void = () => {}): number[] {
    const data: number[] = [];
    let prevLine = 0;
    let prevChar = 0;
    for (let i = Math.max(0, from); i <= to; i++) {
      if ((i & 1023) === 0) check();
      const toks = this.of(lines[i]!);
      for (const [start, length, type, mods] of toks) {
        const dl = i - prevLine;
        data.push(dl, dl === 0 ? start - prevChar : start, length, type, mods);
        prevLine = i;
        prevChar = start;
      }
    }
    return data;
  }

  /**
   * A line with an error keeps the colours of the words that still fit a
   * pattern (`vm lanch foo` colours `vm`): the longest start of the line that
   * some pattern can become, coloured by that pattern's items.
   */
  private partialTokens(line: Line, out: LineToken[]): void {
    const words = line.words.filter((w) => !line.comment || w.range.start.character < line.comment.range.start.character);
    let k = Math.min(words.length, MAX_PARTIAL_WORDS);
    let match: SignatureMatch | undefined;
    for (; k > 0 && !match; k--) match = this.language.signaturesAt(line.text, words[k - 1]!.range.end.character)[0];
    const fitting = match ? k + 1 : 0;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const item = i < fitting ? match!.pattern.items[i] : undefined;
      const s = w.range.start.character;
      const len = w.range.end.character - s;
      if (item?.type === 'literal') out.push([s, len, i > 0 ? T.method : item.text.startsWith('.') ? T.macro : T.function, 0]);
      else if (item?.type === 'choice') out.push([s, len, T.enumMember, 0]);
      else valueToken(w, item !== undefined, out);
    }
  }

  /** The tokens of one line, sorted and without overlaps. */
  of(line: Line): readonly LineToken[] {
    const hit = this.known.get(line);
    if (hit) return hit;
    const raw: LineToken[] = [];
    if (line.command) {
      const sites = new Map<Command, readonly LineSite[]>();
      for (const f of this.language.lineFacts(line) ?? []) if (f.kind === 'command') sites.set(f.command, f.sites);
      commandTokens(line.command, sites, raw);
    } else if (line.status === 'error') this.partialTokens(line, raw);
    else for (const w of line.words) valueToken(w, false, raw);
    if (line.comment) raw.push([line.comment.range.start.character, line.comment.text.length, T.comment, 0]);
    raw.sort((a, b) => a[0] - b[0]);
    const toks: LineToken[] = [];
    let end = 0;
    for (const t of raw) {
      if (t[0] < end || t[1] <= 0) continue;
      toks.push(t);
      end = t[0] + t[1];
    }
    this.known.set(line, toks);
    return toks;
  }
}

/** Words of a failing line tried for its longest matching start; beyond, they are coloured as values. */
const MAX_PARTIAL_WORDS = 8;

function commandTokens(c: Command, bySite: ReadonlyMap<Command, readonly LineSite[]>, out: LineToken[]): void {
  const sites = bySite.get(c) ?? [];
  for (let i = 0; i < c.words.length; i++) {
    const w = c.words[i]!;
    const item = c.items[c.wordItems[i]!];
    if (!item) continue;
    const s = w.range.start.character;
    const len = w.range.end.character - s;
    if (item.type === 'literal') {
      const type = i > 0 ? T.method : item.text.startsWith('.') ? T.macro : T.function;
      out.push([s, len, type, 0]);
    } else if (item.type === 'choice') {
      out.push([s, len, T.enumMember, 0]);
    } else {
      const mine = sites.filter((x) => x.range.start.character >= s && x.range.end.character <= s + len);
      if (mine.length === 0) valueToken(w, true, out);
      for (const x of mine) {
        const xs = x.range.start.character;
        out.push([xs, x.range.end.character - xs, T.variable, x.definition ? DECLARATION : 0]);
      }
    }
  }
  const sub = c.subcommand;
  if (sub && sub.kind === 'Command') commandTokens(sub, bySite, out);
}

function valueToken(w: Word, argument: boolean, out: LineToken[]): void {
  const s = w.range.start.character;
  const len = w.range.end.character - s;
  if (w.quoted) out.push([s, len, T.string, 0]);
  else if (NUMBER.test(w.value)) out.push([s, len, T.number, 0]);
  else if (argument) out.push([s, len, T.parameter, 0]);
}
