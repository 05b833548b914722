/**
 * minicli's closest match, failure path: runs the whole search again, noting
 * how far each pattern got and what it expected there, to explain a line that
 * matches no command (or two, by abbreviation): the furthest word reached,
 * the keywords expected there, a "did you mean" suggestion. Lines that match
 * never come here (match.ts finds their command without this bookkeeping).
 */
import type { Command, CommentCommand, Range, Word } from './ast.js';
import type { AliasTable, CompileResult, MatchFailure } from './compile.js';
import { compiledHandlers, type CompiledHandler, type CompiledPattern } from './catalog/index.js';
import type { NestedCompiler } from './match.js';

/** What one search needs besides the words. */
interface Search {
  readonly text: string;
  readonly words: Word[];
  readonly values: string[];
  readonly line: number;
  readonly aliases: AliasTable;
  readonly depth: number;
  readonly nested: NestedCompiler;
  readonly subCache: Map<number, CompileResult>;
  readonly best: Progress;
}

/**
 * Matches words against the catalog as minicli does, explaining failures;
 * `whole` is the range of the whole text (where missing words are reported),
 * `subCache` the nested commands already compiled, by word index.
 */
export function explainMatch(
  text: string,
  words: Word[],
  line: number,
  aliases: AliasTable,
  depth: number,
  nested: NestedCompiler,
  whole: Range,
  subCache: Map<number, CompileResult>,
): CompileResult {
  const values = words.map((w) => w.value);
  const s: Search = { text, words, values, line, aliases, depth, nested, subCache, best: { index: -1, expected: new Set() } };
  let remembered: Command | undefined;
  const candidates = candidateHandlers(values[0] ?? '');
  for (const h of candidates) {
    const r = matchHandler(h, s);
    if (!r) continue;
    if (!r.apropos) return { kind: 'command', command: r };
    if (remembered) return noMatch(text, words, 'ambiguous', ambiguousIndex(remembered, r), whole, `\`${text}\` could be ${describe(remembered)} or ${describe(r)}`);
    remembered = r;
  }
  if (remembered) return { kind: 'command', command: remembered };
  if (candidates.length === 0) {
    const suggestion = closestKeyword(values[0] ?? '', firstWords);
    const hint = `no command starts with \`${values[0] ?? ''}\`` + (suggestion ? `; did you mean \`${suggestion}\`?` : '');
    return noMatch(text, words, 'unknown', 0, whole, hint, suggestion, firstWords);
  }
  const best = s.best;
  const idx = best.index < 0 ? 0 : best.index;
  const got = values[idx];
  const suggestion = got === undefined ? undefined : closestKeyword(got, best.expected);
  const hint = hintOf(best, values) + (suggestion && suggestion !== got ? `; did you mean \`${suggestion}\`?` : '');
  return noMatch(text, words, idx === 0 ? 'unknown' : 'arguments', idx, whole, hint, suggestion, best.expected);
}

function describe(c: Command): string {
  return `\`${c.pattern}\``;
}

function ambiguousIndex(a: Command, b: Command): number {
  const n = Math.min(a.words.length, b.words.length);
  for (let i = 0; i < n; i++) {
    if (a.words[i]!.value !== a.items[a.wordItems[i]!]?.text) return i;
  }
  return 0;
}

function noMatch(
  text: string,
  words: Word[],
  failure: MatchFailure,
  wordIndex: number,
  whole: Range,
  hint: string,
  suggestion?: string,
  expectedAt: Iterable<string> = [],
): CompileResult {
  const w = words[wordIndex];
  const range = w ? w.range : { start: whole.end, end: whole.end };
  return {
    kind: 'noMatch',
    error: `invalid command: \`${text}\``,
    failure,
    original: text,
    range,
    wordIndex,
    words,
    hint,
    expected: [...expectedAt],
    ...(suggestion ? { suggestion } : {}),
  };
}

const candidateCache = new Map<string, CompiledHandler[]>();
const firstLiterals: (readonly string[] | null)[] = compiledHandlers.map((h) => {
  const lits: string[] = [];
  for (const p of h.patterns) {
    const first = p.items[0];
    if (!first || first.type !== 'literal') return null;
    lits.push(first.text);
  }
  return lits;
});

/** Every command's first word, for suggestions. */
const firstWords: ReadonlySet<string> = new Set(firstLiterals.flatMap((l) => l ?? []));

/** Handlers whose patterns could match a line starting with `word`, in registration order. */
function candidateHandlers(word: string): CompiledHandler[] {
  let c = candidateCache.get(word);
  if (c) return c;
  c = compiledHandlers.filter((h, i) => {
    const lits = firstLiterals[i];
    return lits === null || lits.some((l) => l.startsWith(word));
  });
  if (candidateCache.size > 4096) candidateCache.clear();
  candidateCache.set(word, c);
  return c;
}

/** The furthest any pattern got, and what it expected there (for messages). */
interface Progress {
  index: number;
  expected: Set<string>;
}

/** Notes that a pattern failed at word `i`, expecting one of `expected` there. */
function noteFailure(best: Progress, i: number, expected: readonly string[]): undefined {
  if (i > best.index) {
    best.index = i;
    best.expected = new Set(expected);
  } else if (i === best.index) {
    for (const e of expected) best.expected.add(e);
  }
  return undefined;
}

function hintOf(best: Progress, values: readonly string[]): string {
  let exp = [...best.expected];
  if (exp.length > 1) exp = exp.filter((e) => e !== 'end of command');
  if (exp.length === 0) return '';
  const shown = exp.length > 8 ? [...exp.slice(0, 8), '...'] : exp;
  const list = shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
  const got = values[best.index];
  return got === undefined ? `expected ${list}` : `expected ${list}, got \`${got}\``;
}

/** The expected keyword closest to `word` (edit distance at most 2), if any. */
export function closestKeyword(word: string, expected: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const e of expected) {
    if (!/^[\w.-]+$/.test(e)) continue;
    const d = editDistance(word, e);
    if (d < bestD) {
      bestD = d;
      best = e;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** Tries a handler's patterns in order; the first that matches (exact or apropos) wins. */
function matchHandler(h: CompiledHandler, s: Search): Command | undefined {
  for (const p of h.patterns) {
    const c = matchPattern(h, p, s);
    if (c) return c;
  }
  return undefined;
}

function matchPattern(h: CompiledHandler, p: CompiledPattern, s: Search): Command | undefined {
  const { text, words, values, best } = s;
  // Most patterns fail on a leading literal: reject those before allocating anything.
  const n = Math.min(p.items.length, values.length);
  for (let i = 0; i < n; i++) {
    const item = p.items[i]!;
    if (item.type !== 'literal') break;
    if (!item.text.startsWith(values[i]!)) return noteFailure(best, i, [item.text]);
  }
  const str: Record<string, string> = {};
  const bool: Record<string, boolean> = {};
  const list: Record<string, string[]> = {};
  const wordItems: number[] = [];
  let apropos = false;
  let sub: Command | CommentCommand | null = null;
  const items = p.items;
  const fail = (i: number, expected: readonly string[]): undefined => noteFailure(best, i, expected);
  let i = 0;
  for (; i < items.length; i++) {
    const item = items[i]!;
    if (i >= values.length) {
      if (item.optional) break;
      return fail(values.length, [itemLabel(item)]);
    }
    const w = values[i]!;
    switch (item.type) {
      case 'literal':
        if (!item.text.startsWith(w)) return fail(i, [item.text]);
        if (w !== item.text) apropos = true;
        wordItems.push(i);
        break;
      case 'string':
        str[item.key] = w;
        wordItems.push(i);
        break;
      case 'choice': {
        let found: string | undefined;
        let n = 0;
        for (const o of item.options) {
          if (o.startsWith(w)) {
            found = o;
            n++;
          }
        }
        if (n !== 1) {
          return fail(i, n === 0 ? item.options : item.options.filter((o) => o.startsWith(w)));
        }
        bool[found!] = true;
        if (found !== w) apropos = true;
        wordItems.push(i);
        break;
      }
      case 'list':
        list[item.key] = values.slice(i);
        for (let j = i; j < values.length; j++) wordItems.push(i);
        return finish(h, p, text, words, wordItems, { string: str, bool, list }, null, apropos, words.length);
      case 'command': {
        let r = s.subCache.get(i);
        if (!r) {
          r = s.nested(words.slice(i), s.line, s.aliases, s.depth + 1);
          s.subCache.set(i, r);
        }
        if (r.kind === 'command') sub = r.command;
        else if (r.kind === 'empty') sub = null;
        else if (r.kind === 'comment') sub = { kind: 'CommentCommand', original: r.original, range: r.range };
        else return fail(i + (r.kind === 'noMatch' ? r.wordIndex : 0), r.kind === 'noMatch' ? (r.expected ?? []) : []);
        return finish(h, p, text, words, wordItems, { string: str, bool, list }, sub, apropos, i);
      }
    }
  }
  if (values.length > items.length) return fail(items.length, ['end of command']);
  return finish(h, p, text, words, wordItems, { string: str, bool, list }, sub, apropos, values.length);
}

function itemLabel(item: { type: string; text: string; optional: boolean; options: readonly string[] }): string {
  switch (item.type) {
    case 'literal':
      return item.text;
    case 'choice':
      return item.options.join(', ');
    case 'command':
      return 'a command';
    case 'list':
      return `<${item.text}>...`;
    default:
      return `<${item.text}>`;
  }
}

function finish(
  h: CompiledHandler,
  p: CompiledPattern,
  text: string,
  words: Word[],
  wordItems: number[],
  args: Command['args'],
  sub: Command | CommentCommand | null,
  apropos: boolean,
  ownWords: number,
): Command {
  const first = words[0];
  const last = words[words.length - 1];
  const range = first && last ? { start: first.range.start, end: last.range.end } : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return {
    kind: 'Command',
    handler: h.spec,
    handlerIndex: h.index,
    pattern: p.text,
    patternIndex: p.index,
    items: p.items,
    args,
    subcommand: sub,
    original: text,
    words: words.slice(0, ownWords),
    wordItems,
    apropos,
    range,
  };
}
