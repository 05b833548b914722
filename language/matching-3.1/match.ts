/**
 * minimega 3.1's matcher (minicli 3.1) over one catalog: one walk of the
 * pattern trie (trie.ts). At each node every child that takes the next word
 * is tried; among those that match the rest of the line, the one left wins,
 * or the one exact one (every word spelled out, string and list items
 * counting as exact); otherwise none does. So registration order decides
 * nothing and ambiguity is settled level by level. A `(command)` item
 * matches the words left from the root, as they are (no re-serialising, no
 * aliases). When the walk finds nothing, it runs again in its explaining
 * mode, noting where branches failed and what they expected there
 * (../matching/explain.ts turns that into the hint).
 */
import { wordsSpan, type Command, type Word } from '../ast.js';
import type { Catalog } from '../catalog/index.js';
import type { CompileResult } from '../compile-result.js';
import { CommandBuilder } from '../matching/build.js';
import { explainAmbiguous, explainNoMatch, itemLabel, noteFailure, startProgress, unexplainedNoMatch, type Progress } from '../matching/explain.js';
import type { Range } from '../positions.js';
import { GO_SPACE_RE, goQuote } from '../text.js';
import { buildTrie, type TrieNode, type TrieTarget } from './trie.js';

/** Deepest nesting of `(command)` items followed (as in the 2.3 compiler). */
const MAX_DEPTH = 64;
/**
 * Which keyword children a word abbreviates is remembered for nodes with more
 * children than this (the root has about 150), per node up to a number of
 * words; smaller nodes are scanned.
 */
const MIN_REMEMBERED_CHILDREN = 8;
const MAX_REMEMBERED_WORDS = 1024;
const END_OF_COMMAND: readonly string[] = ['end of command'];
const NONE: readonly TrieNode[] = [];

/** A match of the words from `start`: the pattern, whether every word was exact, and what a `(command)` item took. */
interface Hit {
  readonly target: TrieTarget;
  readonly exact: boolean;
  /** The words of this command: [start, end) matched by items before a list or `(command)` item (the line's end when none). */
  readonly start: number;
  readonly end: number;
  readonly sub: Hit | null;
}

/** One catalog's 3.1 matcher, with what it learns as lines come (which keywords a word abbreviates). */
export class Matcher31 {
  private readonly root: TrieNode;
  private readonly commands = new CommandBuilder(true);
  private readonly firstWords: ReadonlySet<string>;
  /** Per node, the keyword children a word abbreviates. */
  private readonly fitting = new Map<TrieNode, Map<string, readonly TrieNode[]>>();
  // The state of one walk (a walk never starts another).
  private words: Word[] = [];
  private roots: (Hit | null | undefined)[] = [];
  private progress: Progress | undefined = undefined;
  private ambiguous: [Hit, Hit] | undefined = undefined;

  /** `explain`: false when a line that matches nothing needs no explanation (see `CompilerOptions`). */
  constructor(
    readonly catalog: Catalog,
    private readonly explain = true,
  ) {
    this.root = buildTrie(catalog);
    this.firstWords = new Set(this.root.keywords.map((n) => n.word));
  }

  /**
   * The command `words` (of the trimmed line `text`) match, else why none
   * does; `whole` is the range of the text (where missing words are reported).
   */
  match(text: string, words: Word[], line: number, whole?: Range): CompileResult {
    this.words = words;
    try {
      this.roots = [];
      let hit = this.fromRoot(0, 0);
      if (hit) return { kind: 'command', command: this.build(hit, text) };
      const at = whole ?? wordsSpan(words, line);
      this.roots = [];
      const progress = this.explain ? (this.progress = startProgress()) : undefined;
      hit = this.fromRoot(0, 0);
      if (hit) return { kind: 'command', command: this.build(hit, text) };
      if (this.ambiguous) {
        const [a, b] = this.ambiguous;
        return explainAmbiguous(text, words, at, this.build(a, text), this.build(b, text));
      }
      if (!progress) return unexplainedNoMatch(text, words, at);
      const first = words[0]?.value ?? '';
      const candidates = this.keywordsFitting(this.root, first).length + this.root.others.length;
      return explainNoMatch(text, words, at, candidates, progress, this.firstWords);
    } finally {
      this.words = [];
      this.roots = [];
      this.progress = undefined;
      this.ambiguous = undefined;
    }
  }

  /** The match of the words from `start` as a command of their own, remembered per start. */
  private fromRoot(start: number, depth: number): Hit | undefined {
    const known = this.roots[start];
    if (known !== undefined) return known ?? undefined;
    // Deeper nesting matches nothing, as in the 2.3 compiler (minicli would run out of stack).
    if (depth > MAX_DEPTH) return undefined;
    const hit = this.walk(this.root, start, start, depth);
    this.roots[start] = hit ?? null;
    return hit;
  }

  /** The match of the words from `i` below `node`, for the command whose words start at `start`. */
  private walk(node: TrieNode, i: number, start: number, depth: number): Hit | undefined {
    const words = this.words;
    const n = words.length;
    const progress = this.progress;
    if (i === n) {
      if (node.target) return { target: node.target, exact: true, start, end: n, sub: null };
      if (progress) noteFailure(progress, n, expectedAt(node));
      return undefined;
    }
    const w = words[i]!.value;
    // The hits of the children: the first two, the first exact one, and how many of each.
    let first: Hit | undefined;
    let second: Hit | undefined;
    let exact: Hit | undefined;
    let found = 0;
    let exacts = 0;
    const keywords = node.keywords.length > MIN_REMEMBERED_CHILDREN ? this.keywordsFitting(node, w) : node.keywords;
    let fitting = 0;
    for (let k = 0; k < keywords.length; k++) {
      const c = keywords[k]!;
      if (!c.word.startsWith(w)) continue;
      fitting++;
      let hit = this.walk(c, i + 1, start, depth);
      if (!hit) continue;
      if (hit.exact && c.word !== w) hit = { target: hit.target, exact: false, start, end: hit.end, sub: hit.sub };
      if (found++ === 0) first = hit;
      else if (found === 2) second = hit;
      if (hit.exact && exacts++ === 0) exact = hit;
    }
    const others = node.others;
    for (let k = 0; k < others.length; k++) {
      const c = others[k]!;
      let hit: Hit | undefined;
      if (c.step === 'text') hit = this.walk(c, i + 1, start, depth);
      else if (c.target && c.step === 'list') hit = { target: c.target, exact: true, start, end: i, sub: null };
      else if (c.target) {
        const sub = this.fromRoot(i, depth + 1);
        if (sub) hit = { target: c.target, exact: true, start, end: i, sub };
      }
      if (!hit) continue;
      if (found++ === 0) first = hit;
      else if (found === 2) second = hit;
      if (hit.exact && exacts++ === 0) exact = hit;
    }
    if (found === 1) return first;
    if (exacts === 1) return exact;
    if (progress) {
      if (found > 1) this.ambiguous ??= [first!, second!];
      if (fitting < node.keywords.length) noteFailure(progress, i, notFitting(node, w));
      if (node.target) noteFailure(progress, i, END_OF_COMMAND);
    }
    return undefined;
  }

  /** The keyword children of `node` that `w` abbreviates, in registration order (remembered per word). */
  private keywordsFitting(node: TrieNode, w: string): readonly TrieNode[] {
    let byWord = this.fitting.get(node);
    if (!byWord) this.fitting.set(node, (byWord = new Map()));
    let out = byWord.get(w);
    if (out) return out;
    const found: TrieNode[] = [];
    for (const c of node.keywords) if (c.word.startsWith(w)) found.push(c);
    out = found.length === 0 ? NONE : found;
    if (byWord.size >= MAX_REMEMBERED_WORDS) byWord.clear();
    byWord.set(w, out);
    return out;
  }

  /** The command of a hit (`text` is its own text: the trimmed line, or the nested words re-serialised). */
  private build(hit: Hit, text: string): Command {
    const own = hit.start === 0 ? this.words : this.words.slice(hit.start);
    let sub: Command | null = null;
    if (hit.sub) sub = this.build(hit.sub, serialiseWords(this.words.slice(hit.sub.start)));
    return this.commands.build(hit.target.handler, hit.target.pattern, text, own, hit.end - hit.start, sub);
  }
}

/** The keywords of `node` that `w` does not abbreviate (what it expected instead). */
function notFitting(node: TrieNode, w: string): string[] {
  return node.keywords.filter((c) => !c.word.startsWith(w)).map((c) => c.word);
}

/** What a node expects next: its children's keywords and items, or the end of the command. */
function expectedAt(node: TrieNode): string[] {
  const out = node.keywords.map((c) => c.word);
  for (const c of node.others) if (c.item) out.push(itemLabel(c.item));
  return out;
}

/**
 * minicli 3.1's text of a nested command: its words joined by one space,
 * each word holding white space written as a Go string (an empty word is
 * written as nothing).
 */
function serialiseWords(words: readonly Word[]): string {
  return words.map((w) => (GO_SPACE_RE.test(w.value) ? goQuote(w.value) : w.value)).join(' ');
}
