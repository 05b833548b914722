/**
 * minimega 3.1.0's own conformance transcripts (../shared/conformance/3.1),
 * run by `mm minitest --dialect 3.1 --allow-shell` on a temporary copy
 * (`plumbing_basic` runs `shell sleep`). Skipped, with a notice, when
 * ../shared is absent (a user's clone).
 */
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyInto, runMinitest, type MinitestRun } from '../helpers/mm-cli.js';
import { hasShared, sharedPath } from '../helpers/shared.js';
import { suiteTempDir } from '../helpers/temp-dir.js';

const dir = sharedPath('conformance', '3.1');
const tests = hasShared
  ? readdirSync(dir)
      .filter((f) => f.endsWith('.want'))
      .map((f) => f.slice(0, -'.want'.length))
      .sort()
  : [];

describe.skipIf(!hasShared)('minimega 3.1 conformance transcripts', () => {
  const copy = suiteTempDir('mm-conformance-31-');
  let run: MinitestRun;
  beforeAll(() => {
    run = runMinitest(copyInto(dir, copy), 'mmhost', ['--dialect', '3.1', '--allow-shell']);
  });

  it('runs every transcript', () => {
    expect(tests.length).toBeGreaterThan(0);
    expect(run.result.stderr).toBe('');
    expect([...run.verdicts.keys()]).toEqual(tests);
    expect(run.result.status).toBe(run.verdicts.size > 0 && [...run.verdicts.values()].every((v) => v === 'ok') ? 0 : 1);
  });

  it.each(tests)('%s', (test) => {
    if (run.verdicts.get(test) !== 'ok') expect.fail(run.explain(test));
  });
});
