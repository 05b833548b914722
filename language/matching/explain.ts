/**
 * Why a line matched no command (or two, by abbreviation): the furthest word
 * any pattern reached, the keywords expected there, a "did you mean"
 * suggestion. The matcher (match.ts) notes where patterns fail while it
 * walks them in its explaining pass; this file keeps those notes and turns
 * them into minicli's error and `mm`'s hint.
 */
import type { Command, Word } from '../ast.js';
import type { Catalog } from '../catalog/index.js';
import type { MatchFailure, NoMatch } from '../compile-result.js';
import type { PatternItem } from '../patterns.js';
import type { Range } from '../positions.js';
import type { Candidate } from './candidates.js';

/** The furthest any pattern got, and what it expected there. */
export interface Progress {
  index: number;
  expected: Set<string>;
}

/** No pattern has failed yet. */
export function startProgress(): Progress {
  return { index: -1, expected: new Set() };
}

/** Notes that a pattern failed at word `i`, expecting one of `expected` there. */
export function noteFailure(best: Progress, i: number, expected: readonly string[]): void {
  if (i > best.index) {
    best.index = i;
    best.expected = new Set(expected);
  } else if (i === best.index) {
    // Indexed: runs for every pattern tried on a rejected line, often in code not optimised yet,
    // where a `for of` makes an object per step.
    for (let k = 0; k < expected.length; k++) best.expected.add(expected[k]!);
  }
}

/** How a missing item is named in a hint. */
export function itemLabel(item: PatternItem): string {
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

/**
 * What the explaining pass walks for a line starting with a word: every
 * pattern of the handlers that could match it (so that the patterns failing
 * on a later leading literal say what they expected), remembered by first
 * word; and every command's first word, for suggestions.
 */
export class ExplainCandidates {
  private readonly byWord = new Map<string, readonly Candidate[]>();
  /** Per handler, its patterns' first literals (null when one starts otherwise). */
  private readonly firstLiterals: (readonly string[] | null)[];
  /** Every command's first word. */
  readonly firstWords: ReadonlySet<string>;

  constructor(
    catalog: Catalog,
    private readonly all: readonly Candidate[],
  ) {
    this.firstLiterals = catalog.handlers.map((h) => {
      const lits: string[] = [];
      for (const p of h.patterns) {
        const first = p.items[0];
        if (first?.type !== 'literal') return null;
        lits.push(first.text);
      }
      return lits;
    });
    this.firstWords = new Set(this.firstLiterals.flatMap((l) => l ?? []));
  }

  /** The patterns of the handlers whose patterns could match a line starting with `word`, in catalog order. */
  of(word: string): readonly Candidate[] {
    let c = this.byWord.get(word);
    if (c) return c;
    c = this.all.filter((x) => {
      const lits = this.firstLiterals[x.handler.index];
      return lits === null || lits === undefined || lits.some((l) => l.startsWith(word));
    });
    if (this.byWord.size > 4096) this.byWord.clear();
    this.byWord.set(word, c);
    return c;
  }
}

/** The result for words no pattern matched: `candidates` were walked, noting `best`. */
export function explainNoMatch(
  text: string,
  words: readonly Word[],
  whole: Range,
  candidates: number,
  best: Progress,
  firstWords: ReadonlySet<string>,
): NoMatch {
  const first = words[0]?.value ?? '';
  if (candidates === 0) {
    const suggestion = closestKeyword(first, firstWords);
    // The suggestion comes first: editors' problem lists cut long messages at the end.
    const hint = (suggestion ? `did you mean \`${suggestion}\`? ` : '') + `no command starts with \`${first}\``;
    return noMatch(text, words, 'unknown', 0, whole, hint, suggestion, firstWords);
  }
  const idx = Math.max(best.index, 0);
  const got = words[idx]?.value;
  const suggestion = got === undefined ? undefined : closestKeyword(got, best.expected);
  const hint = (suggestion && suggestion !== got ? `did you mean \`${suggestion}\`? ` : '') + hintOf(best, words);
  return noMatch(text, words, idx === 0 ? 'unknown' : 'arguments', idx, whole, hint, suggestion, best.expected);
}

/** A `NoMatch` that says only that `text` matched nothing (a compiler made with `explain: false`). */
export function unexplainedNoMatch(text: string, words: readonly Word[], whole: Range): NoMatch {
  return noMatch(text, words, 'unknown', 0, whole, '');
}

/** The result for words that two commands match by abbreviation. */
export function explainAmbiguous(text: string, words: readonly Word[], whole: Range, a: Command, b: Command): NoMatch {
  return noMatch(text, words, 'ambiguous', ambiguousIndex(a, b), whole, `\`${text}\` could be \`${a.pattern}\` or \`${b.pattern}\``);
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
  words: readonly Word[],
  failure: MatchFailure,
  wordIndex: number,
  whole: Range,
  hint: string,
  suggestion?: string,
  expectedAt: Iterable<string> = [],
): NoMatch {
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

function hintOf(best: Progress, words: readonly Word[]): string {
  let exp = [...best.expected];
  if (exp.length > 1) exp = exp.filter((e) => e !== 'end of command');
  if (exp.length === 0) return '';
  const shown = exp.length > 8 ? [...exp.slice(0, 8), '...'] : exp;
  const list = shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
  const got = words[best.index]?.value;
  return got === undefined ? `expected ${list}` : `expected ${list}, got \`${got}\``;
}

/** What a suggestion may be: a keyword, not a placeholder or a list of options. */
const KEYWORD = /^[\w.-]+$/;

/** The expected keyword closest to `word` (edit distance at most 2), if any; the first one at that distance. */
export function closestKeyword(word: string, expected: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  // One row of the distance table, for every keyword.
  const row: number[] = [];
  // `forEach` rather than `for of`: no object per step in code not optimised yet (a rejected
  // line's hint walks every keyword expected where it failed).
  expected.forEach((e) => {
    // Lengths that differ by the best distance or more make no closer keyword: the test
    // rules out most keywords before any table; the regular expression costs more than
    // the table, so it is asked only of a closer one.
    if (Math.abs(word.length - e.length) >= bestD) return;
    const d = editDistance(word, e, bestD - 1, row);
    if (d < bestD && KEYWORD.test(e)) {
      bestD = d;
      best = e;
    }
  });
  return best;
}

/**
 * The edit distance of two words when at most `max`, else `max + 1` (all a
 * suggestion needs): it stops at the first row whose every cell is above
 * `max`, as no later row can come back under it. `prev` is scratch space.
 */
function editDistance(a: string, b: string, max: number, prev: number[]): number {
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      // The three-way minimum by hand: Math.min of three costs more before the JIT inlines it.
      let d = diag + (ai === b.charCodeAt(j - 1) ? 0 : 1);
      if (tmp + 1 < d) d = tmp + 1;
      if (prev[j - 1]! + 1 < d) d = prev[j - 1]! + 1;
      prev[j] = d;
      if (d < rowMin) rowMin = d;
      diag = tmp;
    }
    if (rowMin > max) return max + 1;
  }
  const d = prev[b.length]!;
  return d <= max ? d : max + 1;
}
