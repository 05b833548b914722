/**
 * One model of namespace changes: the runtime's `namespace` and `clear
 * namespace` handlers and the static replay (what `mm check`, the name index
 * and the language server follow) share `namespaceStepKind` and
 * `leavesActive`. Here random scripts of namespace switches, nested commands
 * and clears run on a simulated node, and after every line the namespace the
 * node has active must be the one the static replay of the same lines says.
 */
import { describe, expect, it } from 'vitest';
import { createNode } from '../../interpreter/sim-node.js';
import { runLine } from '../../interpreter/session.js';
import { mulberry32 } from '../../interpreter/random.js';
import { createLanguageService } from '../../language/index.js';
import { ActiveNamespace, walkChain, type ChainWalker } from '../../language/replay.js';

const NAMES = ['a', 'b', 'c'];

/** Lines that change (or do not change) the active namespace, in the forms minimega has. */
const FORMS: readonly ((n: string, m: string) => string)[] = [
  (n) => `namespace ${n}`,
  () => 'namespace',
  (n) => `namespace ${n} vm info`,
  (n, m) => `namespace ${n} namespace ${m}`,
  (n, m) => `namespace ${n} namespace ${m} vm info`,
  (n) => `namespace ${n} clear namespace`,
  (n, m) => `namespace ${n} clear namespace ${m}`,
  () => 'clear namespace',
  (n) => `clear namespace ${n}`,
  (n) => `.csv true namespace ${n} vm info`,
  (n) => `.annotate false namespace ${n}`,
  () => 'vm info',
];

function randomScript(seed: number, length: number): string[] {
  const next = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[next() % xs.length]!;
  return Array.from({ length }, () => pick(FORMS)(pick(NAMES), pick(NAMES)));
}

/** The static replay of one line, moving `active` as the language says. */
function replayLine(active: ActiveNamespace, line: Parameters<typeof walkChain>[0]): void {
  const walker: ChainWalker = { onCommand: () => undefined, onStep: (kind, name) => active.move(kind, name) };
  walkChain(line, walker);
}

describe('the runtime and the static replay agree on the active namespace', () => {
  const language = createLanguageService();

  it('after every line of 100 random scripts', async () => {
    let lines = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const script = randomScript(seed, 25);
      const node = createNode({ name: 'n1', language });
      const parsed = language.parseScript(script.join('\n')).script.lines;
      const active = new ActiveNamespace();
      for (let i = 0; i < script.length; i++) {
        await runLine(node, script[i]!);
        replayLine(active, parsed[i]!);
        expect(node.activeNamespace, `seed ${seed}, line ${i + 1}: ${script.slice(0, i + 1).join(' | ')}`).toBe(active.name);
        lines++;
      }
    }
    expect(lines).toBe(2500);
  });

  it('covers every kind of step', () => {
    const kinds = new Set<string>();
    const script = FORMS.map((f) => f('a', 'b'));
    for (const line of language.parseScript(script.join('\n')).script.lines) {
      walkChain(line, { onCommand: () => undefined, onStep: (kind) => kinds.add(kind) });
    }
    expect([...kinds].sort()).toEqual(['enter', 'exit', 'leave', 'switch']);
  });
});
