/**
 * Open documents with a per-line parse cache. Incremental changes re-parse
 * only the lines they touch (plus one line of margin on each side, where a
 * CR LF pair may join or split). When a touched line defines or removes an
 * alias, every line after it is re-compiled, since aliases apply to the lines
 * that follow them.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { applyAliasCommands, changesAliases, type Diagnostic, type LanguageService, type Line, type LineFacts } from '../language/index.js';
import { parseLines, splitLspLines } from './line-parser.js';
import { AliasMap } from '../language/index.js';

type LineDiagnostics = readonly Diagnostic[] | null;

/** Line moves kept for one `checksStamp` at most (see `checksShifts`). */
const MAX_SHIFTS = 1000;

/**
 * Lines of a document the server parses at most. A longer one (a generated
 * file, a log opened by mistake) is kept as text only: no lines, no problems
 * but one saying why (`tooLong`), until an edit brings it under the limit.
 * A parsed line costs up to about a kilobyte (a distinct rejected line with
 * its words and message), so the limit keeps the worst document near 500 MB.
 */
export const MAX_DOCUMENT_LINES = 500_000;

const diagnosticsOf = (l: Line): LineDiagnostics => (l.diagnostics.length > 0 ? l.diagnostics : null);

/**
 * One open document: its text and its parsed lines (index = LSP line
 * number). What else is kept per line is worked out when first needed and
 * then kept up to date by edits: each line's diagnostics (a flat array that
 * the diagnostics of every version read), the lines that change aliases (on
 * the first edit) and every line's facts (when names are asked for). Opening
 * a long document thus does little more than parse it.
 */
export class LineDocument {
  private doc: TextDocument;
  private parsed: Line[] = [];
  /** Every line's facts, once asked for. */
  private factsOf: LineFacts[] | null = null;
  /** Each line's own diagnostics, once asked for. */
  private diagsOf: LineDiagnostics[] | null = null;
  /** Lines that define or remove aliases (few, usually none), once an edit needs them. */
  private aliasingOf: boolean[] | null = null;

  constructor(
    private lang: LanguageService,
    uri: string,
    languageId: string,
    version: number,
    text: string,
  ) {
    this.doc = TextDocument.create(uri, languageId, version, text);
    this.load();
  }

  private long = false;

  /** Whether the document has more lines than the server parses (`MAX_DOCUMENT_LINES`): it then has no lines. */
  get tooLong(): boolean {
    return this.long;
  }

  /** Parses the whole text again, or holds no lines when it has too many. */
  private load(): void {
    // Still too long: nothing is held, so nothing changes. (A document that was not too long is
    // counted by splitting it, not by the text document's line offsets, which opening a long
    // document leaves for later: see `prepareForEdits`.)
    if (this.long && this.doc.lineCount > MAX_DOCUMENT_LINES) return;
    const texts = splitLspLines(this.doc.getText());
    this.long = texts.length > MAX_DOCUMENT_LINES;
    this.replace(0, this.parsed.length, this.long ? [] : parseLines(this.lang, texts, new Map()));
  }

  /** The language service of the document's dialect. */
  get language(): LanguageService {
    return this.lang;
  }

  /** Moves the document to another dialect's service, parsing it again; false when it already uses it. */
  setLanguage(language: LanguageService): boolean {
    if (language === this.lang) return false;
    this.lang = language;
    if (!this.long) this.load();
    return true;
  }

  /**
   * Replaces `count` lines at `first` (all of them: a new document); `stamp` changes so caches keyed on it let go,
   * and `checksStamp` too unless `movedFrom` is given: the script checks' findings stay as they were, those
   * from that old line on moved by the difference in line count (see `passedByChecks`).
   */
  private replace(first: number, count: number, fresh: Line[], movedFrom?: number): void {
    if (first === 0 && count === this.parsed.length) {
      this.parsed = fresh;
      this.factsOf = null;
      this.diagsOf = null;
      this.aliasingOf = null;
    } else {
      splice(this.parsed, first, count, fresh);
      if (this.factsOf) splice(this.factsOf, first, count, fresh.map(this.lang.lineFacts));
      if (this.diagsOf) splice(this.diagsOf, first, count, fresh.map(diagnosticsOf));
      if (this.aliasingOf) splice(this.aliasingOf, first, count, fresh.map(changesAliases));
    }
    this.stamp = {};
    // Past MAX_SHIFTS moves the checks replay once more, so that the list of moves stays short.
    if (movedFrom === undefined || (fresh.length !== count && this.checksShifts.length >= MAX_SHIFTS)) {
      this.checksStamp = {};
      this.checksShifts = [];
    } else if (fresh.length !== count) this.checksShifts.push({ at: movedFrom, delta: fresh.length - count });
  }

  /** A new object after every change: a key for caches of derived data. */
  stamp: object = {};

  /**
   * A new object after every change that may change the script-level checks' diagnostics: not after
   * one that replaces lines the checks pass over by other such lines (the usual edit of a value, a
   * new line, a line deleted).
   */
  checksStamp: object = {};

  /**
   * The line moves since `checksStamp` was made, in order: lines the checks pass over inserted
   * (`delta` > 0) or deleted before line `at`. The checks' diagnostics of that stamp, moved by
   * each (`LanguageService.shiftChecks`), are the current ones.
   */
  checksShifts: { readonly at: number; readonly delta: number }[] = [];

  /** Each line's facts (names and the commands the script checks follow), by line. */
  get facts(): readonly LineFacts[] {
    return (this.factsOf ??= this.parsed.map(this.lang.lineFacts));
  }

  /** Each line's own diagnostics (ranges on line 0), null for most lines. */
  get lineDiagnostics(): readonly LineDiagnostics[] {
    return (this.diagsOf ??= this.parsed.map(diagnosticsOf));
  }

  /** Whether each line defines or removes aliases. */
  private get aliasing(): readonly boolean[] {
    return (this.aliasingOf ??= this.parsed.map(changesAliases));
  }

  get uri(): string {
    return this.doc.uri;
  }

  get version(): number {
    return this.doc.version;
  }

  /** The parsed lines; `lines[i]` is LSP line i, its ranges are relative (line 0). */
  get lines(): readonly Line[] {
    return this.parsed;
  }

  /** The text document (offsets, full text). */
  get textDocument(): TextDocument {
    return this.doc;
  }

  getText(): string {
    return this.doc.getText();
  }

  /** Applies changes in order, re-parsing what they touched. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (!('range' in change) || !change.range) {
        this.doc = TextDocument.update(this.doc, [change], version);
        this.load();
        continue;
      }
      // Taken before the update, which changes the document in place.
      const before = this.long ? 0 : this.doc.lineCount;
      this.doc = TextDocument.update(this.doc, [change], version);
      // A document that is or becomes too long is read whole (or dropped) as the change leaves it:
      // a paste of a million lines is never parsed first.
      if (this.long || this.doc.lineCount > MAX_DOCUMENT_LINES) this.load();
      else this.applyRange(change, before);
    }
    // The version moves even when the change list is empty.
    if (changes.length === 0) this.doc = TextDocument.update(this.doc, [], version);
  }

  /** Re-parses the lines a ranged change (applied to the text document already) touched; `before`: the line count before it. */
  private applyRange(change: TextDocumentContentChangeEvent & { range: { start: { line: number }; end: { line: number } } }, before: number): void {
    const s = Math.min(change.range.start.line, change.range.end.line);
    const e = Math.max(change.range.start.line, change.range.end.line);
    const after = this.doc.lineCount;
    const first = Math.max(0, Math.min(s, before - 1) - 1);
    const lastOld = Math.min(before - 1, e + 1);
    const lastNew = Math.min(after - 1, lastOld + after - before);
    const count = Math.max(0, lastNew - first + 1);
    const texts: string[] = [];
    for (let i = first; i < first + count; i++) texts.push(this.lineText(i));
    const aliasingLines = this.aliasing;
    let aliasing = false;
    for (let i = first; i <= lastOld && !aliasing; i++) aliasing = aliasingLines[i]!;
    const aliases = new AliasMap();
    for (let i = 0; i < first; i++) if (aliasingLines[i]) applyAliasCommands(this.parsed[i]!.command!, aliases);
    const fresh = parseLines(this.lang, texts, aliases);
    aliasing ||= fresh.some(changesAliases);
    if (!aliasing) {
      this.replace(first, lastOld - first + 1, fresh, this.passedByChecks(first, lastOld, fresh));
      return;
    }
    // Aliases changed: every following line compiles under the new table.
    const rest: string[] = [];
    for (let i = lastOld + 1; i < before; i++) rest.push(this.parsed[i]!.text);
    this.replace(first, before - first, parseLines(this.lang, rest, aliases, fresh));
  }

  /**
   * Whether replacing lines [first, last] by the `fresh` lines leaves the script checks' findings
   * as they were but for their line numbers; if so, the first old line that moves (by the
   * difference in line count), else undefined. So it is when there are as many lines, each pair
   * the same text or both passed over by the checks; or, when the count changes, when the lines
   * between the texts kept at both ends (the edit's margin, usually) are all passed over, those
   * removed and those added.
   */
  private passedByChecks(first: number, last: number, fresh: readonly Line[]): number | undefined {
    // The first line may hold the dialect directive, which the checks read.
    if (first === 0) return undefined;
    const passed = this.lang.passedByChecks;
    const count = last - first + 1;
    if (fresh.length === count) {
      for (let i = 0; i < fresh.length; i++) {
        const old = this.parsed[first + i]!;
        const now = fresh[i]!;
        if (old.text !== now.text && !(passed(old) && passed(now))) return undefined;
      }
      return last + 1;
    }
    let head = 0;
    while (head < count && head < fresh.length && this.parsed[first + head]!.text === fresh[head]!.text) head++;
    let tail = 0;
    while (tail < count - head && tail < fresh.length - head && this.parsed[last - tail]!.text === fresh[fresh.length - 1 - tail]!.text) tail++;
    for (let i = first + head; i <= last - tail; i++) if (!passed(this.parsed[i]!)) return undefined;
    for (let k = head; k < fresh.length - tail; k++) if (!passed(fresh[k]!)) return undefined;
    return last - tail + 1;
  }

  /**
   * Works out what every edit reads and opening does not: the line offsets
   * of the text and the lines that change aliases (a few milliseconds for a
   * long document).
   */
  prepareForEdits(): void {
    void this.doc.lineCount;
    void this.aliasing;
  }

  /** The text of LSP line `i`, without its line break. */
  lineText(i: number): string {
    // Line 0 holds the dialect directive, read for every version: reading it needs no offsets of
    // the other lines, which opening a long document would otherwise work out for it alone.
    if (i === 0) {
      const t = this.doc.getText();
      let end = 0;
      while (end < t.length && t.charCodeAt(end) !== 10 && t.charCodeAt(end) !== 13) end++;
      return t.slice(0, end);
    }
    const start = this.doc.offsetAt({ line: i, character: 0 });
    const end = i + 1 < this.doc.lineCount ? this.doc.offsetAt({ line: i + 1, character: 0 }) : this.doc.getText().length;
    const t = this.doc.getText().slice(start, end);
    if (t.endsWith('\r\n')) return t.slice(0, -2);
    if (t.endsWith('\n') || t.endsWith('\r')) return t.slice(0, -1);
    return t;
  }
}

/** Array.splice without spreading huge arrays into arguments. */
function splice<T>(a: T[], first: number, count: number, items: readonly T[]): void {
  if (items.length < 10_000) {
    a.splice(first, count, ...items);
    return;
  }
  const tail = a.slice(first + count);
  a.length = first;
  for (const x of items) a.push(x);
  for (const x of tail) a.push(x);
}

/** Listener of document changes. */
export type DocumentListener = (doc: LineDocument) => void;

/** The open documents by URI. */
export interface DocumentStore {
  get(uri: string): LineDocument | undefined;
  all(): LineDocument[];
  open(uri: string, languageId: string, version: number, text: string): LineDocument;
  change(uri: string, changes: readonly TextDocumentContentChangeEvent[], version: number): LineDocument | undefined;
  close(uri: string): void;
  onDidChange(listener: DocumentListener): void;
  onDidClose(listener: (uri: string) => void): void;
  /** Chooses every document's dialect again (the setting changed); returns the documents that moved. */
  redialect(): LineDocument[];
}

/**
 * Creates an empty document store. `languageFor` picks the service of a
 * text's dialect (its directive, else the setting); it is asked again after
 * every change, as an edit of the first line may change the directive.
 */
export function createDocumentStore(languageFor: (text: string, uri: string) => LanguageService): DocumentStore {
  const docs = new Map<string, LineDocument>();
  const changed: DocumentListener[] = [];
  const closed: ((uri: string) => void)[] = [];
  return {
    get: (uri) => docs.get(uri),
    all: () => [...docs.values()],
    open(uri, languageId, version, text) {
      const d = new LineDocument(languageFor(text, uri), uri, languageId, version, text);
      docs.set(uri, d);
      for (const l of changed) l(d);
      // After the listeners' work of this turn (the first diagnostics are published first), while the
      // client reads them: what the first edit needs, worked out before it comes.
      setImmediate(() => d.prepareForEdits());
      return d;
    },
    change(uri, changes, version) {
      const d = docs.get(uri);
      if (!d) return undefined;
      d.update(changes, version);
      d.setLanguage(languageFor(d.getText(), uri));
      for (const l of changed) l(d);
      return d;
    },
    redialect() {
      const moved = [...docs.values()].filter((d) => d.setLanguage(languageFor(d.getText(), d.uri)));
      for (const d of moved) for (const l of changed) l(d);
      return moved;
    },
    close(uri) {
      docs.delete(uri);
      for (const l of closed) l(uri);
    },
    onDidChange: (l) => void changed.push(l),
    onDidClose: (l) => void closed.push(l),
  };
}
