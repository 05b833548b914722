/**
 * Which catalog patterns a line can match, from its first words: a trie over
 * the patterns' leading literals. minicli tries all 304 patterns on every
 * line; most fail on a leading literal, so walking the trie first leaves the
 * matcher the few patterns (in catalog order) that can still match. The trie
 * grows as lines are matched (only words that abbreviate some literal get a
 * node, so it never outgrows the catalog); it belongs to one matcher.
 */
import type { Catalog, CompiledHandler, CompiledPattern } from '../catalog/index.js';
import type { Word } from '../ast.js';

/** A pattern with its handler and the texts of its leading literal items. */
export interface Candidate {
  readonly handler: CompiledHandler;
  readonly pattern: CompiledPattern;
  readonly literals: readonly string[];
}

/** Words remembered per node as abbreviating no literal there. */
const MAX_OTHER_WORDS = 1024;

/** The patterns still possible after the first `depth` words, in catalog order. */
class CandidateNode {
  /** Children by word; null when no candidate has a literal at `depth` (more words change nothing). */
  readonly children: Map<string, CandidateNode> | null;
  private rest: CandidateNode | undefined;
  /**
   * Recent words that abbreviate no literal here (they lead to `rest`), so
   * that a word met again is not tested against every candidate again;
   * bounded, as such words are whatever the lines say.
   */
  private others: Set<string> | undefined;

  constructor(
    readonly candidates: readonly Candidate[],
    readonly depth: number,
  ) {
    this.children = candidates.some((c) => c.literals.length > depth) ? new Map() : null;
  }

  /** The node after one more word (only called when `children` is not null). */
  next(word: string): CandidateNode {
    const children = this.children!;
    const known = children.get(word);
    if (known) return known;
    if (this.others?.has(word)) return this.rest!;
    const d = this.depth;
    const kept: Candidate[] = [];
    let constrained = false;
    for (const c of this.candidates) {
      if (c.literals.length <= d) kept.push(c);
      else if (c.literals[d]!.startsWith(word)) {
        kept.push(c);
        constrained = true;
      }
    }
    // Only words that abbreviate some literal get their own node, so the trie
    // stays as small as the catalog whatever the lines say; any other word
    // leaves the patterns without a literal here, shared in `rest`.
    if (!constrained) {
      const others = (this.others ??= new Set());
      if (others.size >= MAX_OTHER_WORDS) others.clear();
      others.add(word);
      return (this.rest ??= new CandidateNode(kept, d + 1));
    }
    const node = new CandidateNode(kept, d + 1);
    children.set(word, node);
    return node;
  }
}

/** The keywords a pattern (or a command matched by one) starts with. */
export function leadingLiterals(p: Pick<CompiledPattern, 'items'>): string[] {
  const out: string[] = [];
  for (const item of p.items) {
    if (item.type !== 'literal') break;
    out.push(item.text);
  }
  return out;
}

/** The trie of one catalog's patterns. */
export class CandidateTrie {
  private readonly root: CandidateNode;

  constructor(catalog: Catalog) {
    this.root = new CandidateNode(
      catalog.handlers.flatMap((handler) => handler.patterns.map((pattern) => ({ handler, pattern, literals: leadingLiterals(pattern) }))),
      0,
    );
  }

  /** Every pattern, in catalog order. */
  get all(): readonly Candidate[] {
    return this.root.candidates;
  }

  /**
   * The patterns whose leading literals all accept (as prefixes) the words at
   * their positions, in catalog order: every other pattern fails on `words`.
   */
  candidates(words: readonly Word[]): readonly Candidate[] {
    let node = this.root;
    for (let i = 0; i < words.length && node.children; i++) node = node.next(words[i]!.value);
    return node.candidates;
  }
}
