/**
 * The candidate trie (language/matching/candidates.ts): for any first words, the
 * patterns it leaves are exactly those whose leading literals all accept the
 * words at their positions, in catalog order, whatever words were looked up
 * before.
 */
import { describe, expect, it } from 'vitest';
import type { Word } from '../../language/ast.js';
import { lineRange } from '../../language/positions.js';
import { catalog23, compiledHandlers } from '../../language/catalog/index.js';
import { CandidateTrie } from '../../language/matching/candidates.js';

const trie = new CandidateTrie(catalog23);

const word = (value: string): Word => ({ kind: 'Word', value, raw: value, quoted: false, range: lineRange(0, 0, 0) });

/** The brute-force answer: every pattern, its leading literals tested one by one. */
function expected(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const h of compiledHandlers) {
    for (const p of h.patterns) {
      let ok = true;
      for (let i = 0; i < values.length && i < p.items.length; i++) {
        const item = p.items[i]!;
        if (item.type !== 'literal') break;
        if (!item.text.startsWith(values[i]!)) ok = false;
      }
      if (ok) out.push(`${h.index}:${p.index}`);
    }
  }
  return out;
}

const got = (values: readonly string[]): string[] => trie.candidates(values.map(word)).map((c) => `${c.handler.index}:${c.pattern.index}`);

/** Seeded, so that a failure can be replayed. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
}

describe('candidate patterns', () => {
  it('are the patterns whose leading literals accept the words, in catalog order', () => {
    for (const line of ['vm config memory 512', 'vm c m', 'v', 'clear vm config net', 'clear', '', 'vm launch kvm a', 'x', '.columns name vm info']) {
      const values = line === '' ? [] : line.split(' ');
      expect(got(values), line).toEqual(expected(values));
    }
    expect(got(['vm', 'config', 'memory', '512'])).toEqual(
      expected(['vm', 'config', 'memory']).filter((k) => expected(['vm', 'config', 'memory', '512']).includes(k)),
    );
  });

  it('agree with the brute-force answer on random abbreviations and words, in any order of look-ups', () => {
    // Every literal of the catalog by position, to build plausible lines.
    const byPosition: string[][] = [];
    for (const h of compiledHandlers) {
      for (const p of h.patterns) {
        p.items.forEach((item, i) => {
          if (item.type === 'literal') (byPosition[i] ??= []).push(item.text);
        });
      }
    }
    const r = lcg(42);
    const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
    for (let n = 0; n < 3000; n++) {
      const length = Math.floor(r() * 6);
      const values: string[] = [];
      for (let i = 0; i < length; i++) {
        const lits = byPosition[i] ?? ['x'];
        const lit = pick(lits);
        const roll = r();
        // A whole keyword, an abbreviation (possibly empty), or something else.
        values.push(roll < 0.4 ? lit : roll < 0.8 ? lit.slice(0, Math.floor(r() * (lit.length + 1))) : pick(['foo', '1', 'a', 'zz', '']));
      }
      expect(got(values), JSON.stringify(values)).toEqual(expected(values));
    }
  });
});
