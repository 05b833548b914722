/**
 * minicli 3.1's pattern trie: every pattern of every handler in one tree. A
 * node's key is its item's type (optional bit included) and its literal
 * text, one option of a choice, or the key of a string, list or command
 * item. The pattern is stored where it ends and on the node before an
 * optional item (the pattern may stop there). Two patterns stored on one
 * node are the registry conflict minimega refuses to start with.
 */
import type { Catalog, CompiledHandler, CompiledPattern } from '../catalog/index.js';
import type { PatternItem } from '../patterns.js';

/** What a node's item does with a word. */
export type Step =
  /** A literal or one option of a choice: the word must abbreviate `word`. */
  | 'keyword'
  /** A string item: any word. */
  | 'text'
  /** A list item: every word left. */
  | 'list'
  /** A `(command)` item: the words left, from this one, are a command of their own. */
  | 'nested';

/** Where a pattern ends: its handler and the pattern. */
export interface TrieTarget {
  readonly handler: CompiledHandler;
  readonly pattern: CompiledPattern;
}

/** One node of the trie. */
export interface TrieNode {
  readonly step: Step;
  /** The item that led here (null at the root). */
  readonly item: PatternItem | null;
  /** The keyword a word must abbreviate (a literal's text or a choice option); '' otherwise. */
  readonly word: string;
  /** Children whose step is Keyword, in registration order. */
  readonly keywords: TrieNode[];
  /** Children taking any word (string, list, command), in registration order. */
  readonly others: TrieNode[];
  target: TrieTarget | undefined;
}

/** The trie of one catalog's patterns; throws on conflicting patterns, as minicli's Register fails. */
export function buildTrie(catalog: Catalog): TrieNode {
  const root = newNode('keyword', null, '');
  const index = new Map<TrieNode, Map<string, TrieNode>>();
  for (const handler of catalog.handlers) {
    for (const pattern of handler.patterns) addPattern(root, index, { handler, pattern });
  }
  return root;
}

function newNode(step: Step, item: PatternItem | null, word: string): TrieNode {
  return { step, item, word, keywords: [], others: [], target: undefined };
}

function addPattern(root: TrieNode, index: Map<TrieNode, Map<string, TrieNode>>, target: TrieTarget): void {
  // The nodes the pattern has reached so far: one per option of the choices before.
  let at: TrieNode[] = [root];
  for (const item of target.pattern.items) {
    if (item.optional) for (const n of at) store(n, target);
    const next: TrieNode[] = [];
    for (const n of at) {
      if (item.type === 'choice') for (const o of item.options) next.push(child(n, index, item, 'keyword', o));
      else if (item.type === 'literal') next.push(child(n, index, item, 'keyword', item.text));
      else next.push(child(n, index, item, item.type === 'string' ? 'text' : item.type === 'list' ? 'list' : 'nested', item.key));
    }
    at = next;
  }
  for (const n of at) store(n, target);
}

function child(parent: TrieNode, index: Map<TrieNode, Map<string, TrieNode>>, item: PatternItem, step: Step, word: string): TrieNode {
  let byKey = index.get(parent);
  if (!byKey) index.set(parent, (byKey = new Map()));
  const key = `${item.type}${item.optional ? '?' : ''} ${word}`;
  const known = byKey.get(key);
  if (known) return known;
  const made = newNode(step, item, step === 'keyword' ? word : '');
  byKey.set(key, made);
  (step === 'keyword' ? parent.keywords : parent.others).push(made);
  return made;
}

function store(node: TrieNode, target: TrieTarget): void {
  const had = node.target;
  if (had && (had.handler !== target.handler || had.pattern !== target.pattern)) {
    throw new Error(`conflicting handlers: ${had.pattern.text} and ${target.pattern.text}`);
  }
  node.target = target;
}
