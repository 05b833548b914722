/**
 * What may come next at a cursor: completion as minicli 2.3's `Suggest`
 * computes it (literals, choice options, recursion into `(command)` items,
 * prefix rules), plus what an editor wants on top: argument values from the
 * catalog's domains and the names the script defines. Also the patterns
 * still possible at the cursor, for signature help. Pure: the caller passes
 * names and, for path arguments, a file lister.
 */
import type { ArgDomain, HandlerSpec } from './catalog/types.js';
import type { Catalog, CompiledHandler, CompiledPattern } from './catalog/index.js';
import type { PatternItem } from './patterns.js';
import { renderPattern } from './patterns.js';
import { lexLine } from './lexing/lex.js';
import type { LexedWord } from './lexing/lexed-line.js';
import { isGoSpace, quoteWord } from './text.js';
import type { NameKind } from './name-sites.js';
import { NIC_DRIVERS } from './netspec.js';

/** What a candidate is. */
export type CandidateKind = 'command' | 'keyword' | 'choice' | 'value' | 'name' | 'builtin';

/** One completion candidate; offsets are character offsets in the line. */
export interface CompletionCandidate {
  readonly label: string;
  readonly kind: CandidateKind;
  /** One line: the catalog's short doc, or what the name is. */
  readonly detail?: string;
  /** Longer Markdown text. */
  readonly documentation?: string;
  /** The text the candidate replaces: [replaceStart, replaceEnd). */
  readonly replaceStart: number;
  readonly replaceEnd: number;
  /** Text to insert when it is not the label (a value that needs quoting). */
  readonly insertText?: string;
  /** For names: the kind of name. */
  readonly nameKind?: NameKind;
  /** A placeholder describing the expected value (`<memory in megabytes>`); not meant to be inserted. */
  readonly hint?: boolean;
}

/** Where the names come from (a NameIndex, or several merged). */
export interface NameSource {
  names(kind: NameKind): readonly string[];
}

/** Extra sources for completion. */
export interface CompletionOptions {
  /** Paths for path arguments (`read <file>`), given what is typed so far. */
  readonly paths?: (partial: string) => readonly string[];
  /** At most this many names per argument (default 100); see `CompletionResult.incomplete`. */
  readonly maxNames?: number;
}

/** Candidates, and whether names were left out (typing more narrows them). */
export interface CompletionResult {
  readonly candidates: CompletionCandidate[];
  readonly incomplete: boolean;
}

/** A pattern still possible at the cursor, for signature help. */
export interface SignatureMatch {
  readonly handler: HandlerSpec;
  readonly pattern: CompiledPattern;
  /** Index of the pattern item under the cursor. */
  readonly activeItem: number;
}

/** What each kind of name is called, in completion details and symbol lists. */
export const NAME_KIND_LABELS: Readonly<Record<NameKind, string>> = {
  vm: 'VM',
  namespace: 'namespace',
  vlan: 'VLAN alias',
  tap: 'host tap',
  host: 'host',
  config: 'saved vm config',
};

interface Cursor {
  readonly words: readonly LexedWord[];
  readonly values: readonly string[];
  /** The text before the cursor ends in white space: a new word starts. */
  readonly trailing: boolean;
  readonly start: number;
  readonly end: number;
  /** The partial word's value starts at `start` in the source (no quotes or escapes). */
  readonly plain: boolean;
}

function readCursor(text: string, offset: number): Cursor | undefined {
  const before = text.slice(0, offset);
  const lexed = lexLine(before);
  if (lexed.error || lexed.comment) return undefined;
  const words = lexed.words;
  const last = words[words.length - 1];
  const trailing = !last || last.end < before.length;
  if (trailing) return { words, values: words.map((w) => w.value), trailing, start: offset, end: offset, plain: true };
  let end = offset;
  while (end < text.length && !isGoSpace(text[end]!) && !'#"\''.includes(text[end]!)) end++;
  return { words, values: words.map((w) => w.value), trailing, start: last.start, end, plain: last.raw === last.value };
}

/**
 * Walks minicli's Suggest over every pattern; `stop` sees where each walk
 * stopped. `intoEmpty`: descend into a `(command)` item that has no words yet.
 */
function walk(catalog: Catalog, values: readonly string[], trailing: boolean, stop: Stop, intoEmpty: boolean, depth = 0): void {
  if (depth > 16) return;
  for (const h of catalog.handlers) {
    for (const p of h.patterns) walkPattern(catalog, h, p, values, trailing, stop, intoEmpty, depth);
  }
}

type Stop = (h: CompiledHandler, p: CompiledPattern, i: number, partial: string) => void;

function walkPattern(
  catalog: Catalog,
  h: CompiledHandler,
  p: CompiledPattern,
  values: readonly string[],
  trailing: boolean,
  stop: Stop,
  intoEmpty: boolean,
  depth: number,
): void {
  const items = p.items;
  const n = values.length;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    // An empty nested command: completion offers every first word, signature help the outer pattern.
    if (item.type === 'command' && (i < n || intoEmpty)) return walk(catalog, values.slice(i), trailing, stop, intoEmpty, depth + 1);
    if (i >= n) return stop(h, p, i, '');
    const w = values[i]!;
    // Lists take every remaining word: minicli stops there; we still offer values for the last word.
    if (item.type === 'list') return stop(h, p, i, trailing ? '' : values[n - 1]!);
    if (i === n - 1 && !trailing) return stop(h, p, i, w);
    if (item.type === 'literal' && !item.text.startsWith(w)) return;
    if (item.type === 'choice' && !item.options.some((o) => o.startsWith(w))) return;
  }
}

/** Collects candidates, de-duplicated by label (the first kind seen wins). */
class Collector {
  incomplete = false;
  private readonly byLabel = new Map<string, { c: CompletionCandidate; handlers: HandlerSpec[] }>();
  constructor(
    private readonly cursor: Cursor,
    private readonly names: NameSource | undefined,
    private readonly options: CompletionOptions,
    private readonly docs: CommandDocs,
  ) {}

  add(c: Omit<CompletionCandidate, 'replaceStart' | 'replaceEnd'>, handler?: HandlerSpec, start?: number): void {
    const prev = this.byLabel.get(c.label);
    if (prev) {
      if (handler && !prev.handlers.includes(handler)) prev.handlers.push(handler);
      return;
    }
    const replaceStart = start ?? this.cursor.start;
    const quoted = quoteWord(c.label);
    const insert = quoted !== c.label && c.kind !== 'value' ? { insertText: quoted } : {};
    this.byLabel.set(c.label, { c: { ...c, ...insert, replaceStart, replaceEnd: this.cursor.end }, handlers: handler ? [handler] : [] });
  }

  offer(h: CompiledHandler, p: CompiledPattern, i: number, partial: string): void {
    const item = p.items[i]!;
    switch (item.type) {
      case 'literal':
        if (item.text.startsWith(partial)) {
          const kind = i > 0 ? 'keyword' : item.text.startsWith('.') ? 'builtin' : 'command';
          this.add({ label: item.text, kind }, h.spec);
        }
        return;
      case 'choice':
        for (const o of item.options) {
          if (!o.startsWith(partial)) continue;
          const spec = h.spec.args[o];
          const kind = item.options.length === 1 ? 'keyword' : 'choice';
          this.add({ label: o, kind, ...(spec ? { detail: spec.summary } : {}) }, h.spec);
        }
        return;
      case 'string':
      case 'list':
        this.values(h.spec, item, partial);
        return;
      case 'command':
        return;
    }
  }

  private values(spec: HandlerSpec, item: PatternItem, partial: string): void {
    const arg = spec.args[item.key];
    const hint = item.optional ? `[${item.text}]` : `<${item.text}>`;
    this.add({ label: hint, kind: 'value', hint: true, ...(arg ? { detail: arg.summary } : {}) }, spec);
    const domain: ArgDomain | undefined = arg?.domain;
    // List-like values complete the part after the last comma.
    const comma = LIST_DOMAINS.has(domain ?? 'text') && this.cursor.plain ? partial.lastIndexOf(',') : -1;
    const seg = partial.slice(comma + 1);
    const start = this.cursor.start + comma + 1;
    const name = (kind: NameKind): void => {
      let left = this.options.maxNames ?? 100;
      for (const n of this.names?.names(kind) ?? []) {
        if (!n.startsWith(seg)) continue;
        if (left-- <= 0) {
          this.incomplete = true;
          return;
        }
        this.add({ label: n, kind: 'name', nameKind: kind, detail: NAME_KIND_LABELS[kind] }, undefined, start);
      }
    };
    const value = (v: string, detail: string): void => {
      if (v.startsWith(seg)) this.add({ label: v, kind: 'value', detail }, undefined, start);
    };
    switch (domain) {
      case 'vmTarget':
        name('vm');
        value('all', 'every VM');
        break;
      case 'vmName':
        name('vm');
        break;
      case 'namespace':
        name('namespace');
        break;
      case 'vlan':
        name('vlan');
        break;
      case 'netspec':
        name('vlan');
        if (comma >= 0) for (const d of NIC_DRIVERS) value(d, 'NIC driver');
        break;
      case 'hosts':
        name('host');
        value('localhost', 'this node');
        value('all', 'every mesh peer');
        break;
      case 'tapName':
        name('tap');
        if (item.key === 'id') value('all', 'every host tap');
        break;
      case 'configName':
        name('config');
        break;
      case 'path':
        for (const f of this.options.paths?.(partial) ?? []) this.add({ label: f, kind: 'value', detail: 'file' });
        break;
      default:
        break;
    }
  }

  result(): CompletionCandidate[] {
    const out: CompletionCandidate[] = [];
    for (const { c, handlers } of this.byLabel.values()) out.push(handlers.length > 0 ? this.docs.document(c, handlers) : c);
    return out.sort((a, b) => RANK[a.kind] - RANK[b.kind] || Number(a.hint ?? false) - Number(b.hint ?? false) || cmp(a.label, b.label));
  }
}

const LIST_DOMAINS: ReadonlySet<ArgDomain> = new Set<ArgDomain>(['vmTarget', 'hosts', 'netspec']);
const RANK: Record<CandidateKind, number> = { command: 0, builtin: 0, keyword: 1, choice: 1, name: 2, value: 3 };

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The catalog's docs for candidates, each text built once (the same words come back on every keystroke). */
class CommandDocs {
  private readonly byHandlers = new Map<string, { readonly detail: string; readonly documentation: string }>();
  private readonly usages = new WeakMap<HandlerSpec, string>();

  constructor(private readonly catalog: Catalog) {}

  /** Adds the catalog's docs: a command's summary and usage, or the list of commands sharing a word. */
  document(c: CompletionCandidate, handlers: readonly HandlerSpec[]): CompletionCandidate {
    const key = handlers.map((h) => h.id).join('\u0000');
    let docs = this.byHandlers.get(key);
    if (!docs) {
      if (handlers.length === 1) {
        const h = handlers[0]!;
        docs = { detail: h.summary, documentation: `${this.usageOf(h)}\n\n${h.doc && h.doc !== h.summary ? h.doc : h.summary}` };
      } else {
        const shown = handlers.slice(0, 12).map((h) => `- \`${h.id}\`: ${h.summary}`);
        if (handlers.length > shown.length) shown.push(`- ... and ${handlers.length - shown.length} more`);
        docs = { detail: `${handlers.length} commands`, documentation: shown.join('\n') };
      }
      this.byHandlers.set(key, docs);
    }
    return { ...c, detail: c.detail ?? docs.detail, documentation: docs.documentation };
  }

  /** A handler's patterns as a Markdown code block, in minicli's canonical rendering. */
  private usageOf(h: HandlerSpec): string {
    let usage = this.usages.get(h);
    if (usage === undefined) {
      const handler = this.catalog.handlers.find((x) => x.spec === h);
      const lines = handler ? handler.patterns.map((p) => renderPattern(p.items)) : h.patterns;
      this.usages.set(h, (usage = '```\n' + lines.join('\n') + '\n```'));
    }
    return usage;
  }
}

/** Completion and signature help over one catalog. */
export class Suggestions {
  private readonly docs: CommandDocs;

  constructor(private readonly catalog: Catalog) {
    this.docs = new CommandDocs(catalog);
  }

  /**
   * The candidates for the cursor at `offset` in one line of text (the text
   * after the cursor is ignored, as readline does), telling also whether
   * names were left out. A lexing error or a comment before the cursor gives
   * nothing.
   */
  complete(text: string, offset: number, names?: NameSource, options: CompletionOptions = {}): CompletionResult {
    const cursor = readCursor(text, Math.max(0, Math.min(offset, text.length)));
    if (!cursor) return { candidates: [], incomplete: false };
    const out = new Collector(cursor, names, options, this.docs);
    walk(this.catalog, cursor.values, cursor.trailing, (h, p, i, partial) => out.offer(h, p, i, partial), true);
    return { candidates: out.result(), incomplete: out.incomplete };
  }

  /**
   * The patterns that the words before the cursor can still become, with the
   * item under the cursor, descending into nested commands. Registration order.
   */
  signaturesAt(text: string, offset: number): SignatureMatch[] {
    const cursor = readCursor(text, Math.max(0, Math.min(offset, text.length)));
    if (!cursor) return [];
    const out: SignatureMatch[] = [];
    const seen = new Set<CompiledPattern>();
    walk(
      this.catalog,
      cursor.values,
      cursor.trailing,
      (h, p, i, partial) => {
        const item = p.items[i]!;
        if (item.type === 'literal' && !item.text.startsWith(partial)) return;
        if (item.type === 'choice' && !item.options.some((o) => o.startsWith(partial))) return;
        if (seen.has(p)) return;
        seen.add(p);
        out.push({ handler: h.spec, pattern: p, activeItem: i });
      },
      false,
    );
    return out;
  }
}
