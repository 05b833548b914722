import { describe, expect, it } from 'vitest';
import { createNode } from '../../interpreter/sim-node.js';
import { runLine } from '../../interpreter/session.js';
import { renderBatch, renderErrors } from '../../interpreter/render/index.js';
import { compiledHandlers } from '../../language/catalog/index.js';
import { createRandom } from '../../interpreter/random.js';
import { testTempDir } from '../helpers/temp-dir.js';

const WORDS = [
  'foo',
  'bar[1-3]',
  'all',
  '0',
  '-1',
  '99999999999',
  '[',
  ']',
  'a,,b',
  ',',
  'x//y',
  '//A',
  'true',
  'false',
  '100',
  '4096',
  'mega_bridge,100,00:11:22:33:44:55,e1000',
  'a,b,c,d,e',
  'name=foo',
  'name~f',
  '=',
  'k=v',
  '$HOME',
  '$NOPE_X',
  'file:x',
  'http://h/p',
  '""',
  "'a b'",
  '\\#',
  '%d',
  '\u00e9',
  '\u{1F600}',
  'localhost',
];

/** Random lines built from catalog patterns with hostile argument values. */
function randomLine(next: () => number): string {
  const h = compiledHandlers[next() % compiledHandlers.length]!;
  const p = h.patterns[next() % h.patterns.length]!;
  const words: string[] = [];
  for (const it of p.items) {
    if (it.optional && next() % 2 === 0) break;
    switch (it.type) {
      case 'literal':
        words.push(next() % 5 === 0 ? it.text.slice(0, 1 + (next() % it.text.length)) : it.text);
        break;
      case 'choice':
        words.push(it.options[next() % it.options.length]!);
        break;
      case 'command':
        words.push(randomLine(next));
        break;
      default:
        words.push(WORDS[next() % WORDS.length]!);
    }
  }
  return words.join(' ');
}

describe('no input makes the runtime throw', () => {
  it('runs 3,000 random lines from every command family on one node', async () => {
    const next = createRandom('runtime-property');
    // `write` and `mesh dot` create files: keep them in a scratch folder. Shell stays off.
    const cwd = testTempDir('mm-prop-');
    const node = createNode({ name: 'prop', env: { HOME: '/home/x' }, cwd });
    let commands = 0;
    for (let i = 0; i < 3000; i++) {
      const line = randomLine(next);
      const out = await runLine(node, line);
      node.quitRequested = false;
      for (const b of out.batches) {
        expect(typeof renderBatch(b, node.flags)).toBe('string');
        expect(typeof renderErrors(b)).toBe('string');
        for (const r of b) expect(r.error).not.toMatch(/^internal error/);
      }
      if (out.kind === 'command') commands++;
    }
    expect(commands).toBeGreaterThan(1000);
  });
});
