/**
 * The bounded fuzz run of CI (issue 14): the parser, the checker, one node,
 * an embedded cluster of three and the language server, each fed generated
 * and mutated input with a per-input deadline. No exception, no hang, no
 * file written outside the run's temporary directory. `npm run fuzz` runs
 * the same suite longer: MM_FUZZ_SCALE multiplies the counts, MM_FUZZ_SEED
 * picks another seed (the seed and index of a finding reproduce it).
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mmBin } from '../helpers/mm-cli.js';
import { fuzzDir, fuzzDriver, fuzzLanguageServer, type DriverTarget, type Finding } from '../fuzz/harness.js';

const SCALE = Number(process.env.MM_FUZZ_SCALE ?? '1');
const SEED = Number(process.env.MM_FUZZ_SEED ?? '14');
/** Inputs per target at scale 1: about 25 s in all on a 2-core machine. */
const COUNTS: Record<DriverTarget | 'lsp', number> = { parse: 6000, check: 6000, node: 4000, cluster: 3000, lsp: 150 };
const count = (t: DriverTarget | 'lsp'): number => Math.max(1, Math.round(COUNTS[t] * SCALE));
const timeout = (t: DriverTarget | 'lsp'): number => 60_000 + count(t) * 200;

function report(findings: readonly Finding[]): string {
  return findings
    .slice(0, 5)
    .map((f) => `${f.target} seed ${f.seed} #${f.index}: ${f.problem.slice(0, 1500)}\ninput: ${JSON.stringify(f.input).slice(0, 500)}`)
    .join('\n\n');
}

describe.skipIf(!existsSync(mmBin))('fuzzing', () => {
  for (const target of ['parse', 'check', 'node', 'cluster'] as const) {
    it(
      `${target}: no exception, hang or stray write`,
      async () => {
        const findings = await fuzzDriver(target, SEED, count(target), fuzzDir());
        expect(findings, report(findings)).toEqual([]);
      },
      timeout(target),
    );
  }

  it(
    'the language server: every request answered in time, no internal error',
    async () => {
      const findings = await fuzzLanguageServer(SEED, count('lsp'), fuzzDir());
      expect(findings, report(findings)).toEqual([]);
    },
    timeout('lsp'),
  );
});
