/**
 * minimega 3.1's range compression (`pkg/ranges` UnsplitList, runtime-3.1.md
 * §0.5): names go into a character trie; under each node the non-digit
 * branches come first, then every maximal digit run grouped by what follows
 * it. Reproduces the quirks: zero padding is lost and `mm1` vanishes next to
 * `mm10` (a digit run only ends where no digit follows).
 */

interface TrieNode {
  end: boolean;
  readonly children: Map<string, TrieNode>;
}

const newNode = (): TrieNode => ({ end: false, children: new Map() });
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/** Compresses names as 3.1 prints host lists and `Names:` lines. */
export function unsplitList31(names: readonly string[]): string {
  if (names.length === 0) return '';
  const root = newNode();
  for (const name of names) {
    let n = root;
    for (const c of name) {
      let next = n.children.get(c);
      if (!next) {
        next = newNode();
        n.children.set(c, next);
      }
      n = next;
    }
    n.end = true;
  }
  return flatten(root).join(',');
}

/** Code-point order, as Go compares runes. */
const byRune = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The compressed forms of every name below `node` (suffixes of its prefix). */
function flatten(node: TrieNode): string[] {
  const out: string[] = [];
  if (node.end) out.push('');
  const keys = [...node.children.keys()].sort(byRune);
  for (const c of keys) {
    if (isDigit(c)) continue;
    for (const s of flatten(node.children.get(c)!)) out.push(c + s);
  }
  // Suffix to the numbers it follows.
  const groups = new Map<string, bigint[]>();
  const runs = (n: TrieNode, digits: string): void => {
    const next = [...n.children.keys()].filter(isDigit).sort(byRune);
    if (digits !== '' && next.length === 0) {
      for (const s of flatten(n)) {
        const g = groups.get(s);
        if (g) g.push(BigInt(digits));
        else groups.set(s, [BigInt(digits)]);
      }
      return;
    }
    for (const d of next) runs(n.children.get(d)!, digits + d);
  };
  runs(node, '');
  for (const s of [...groups.keys()].sort(byRune)) out.push(numbers(groups.get(s)!) + s);
  return out;
}

/** `7`, or `[1-3,5]` for several numbers (sorted, consecutive runs joined). */
function numbers(values: bigint[]): string {
  const sorted = [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (sorted.length === 1) return String(sorted[0]);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]! === sorted[j]! + 1n) j++;
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return `[${parts.join(',')}]`;
}
