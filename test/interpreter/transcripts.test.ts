/**
 * The runtime's acceptance transcripts (test/fixtures/transcripts, minitest
 * layout): expected outputs written from the specs, run by `mm minitest` in a
 * child process on a copy of the directory.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyInto, runMinitest, type MinitestRun } from '../helpers/mm-cli.js';
import { repoRoot } from '../helpers/shared.js';
import { suiteTempDir } from '../helpers/temp-dir.js';

const fixtures = join(repoRoot, 'test/fixtures/transcripts');

/** Test scripts in the fixture directory, as minitest lists them. */
const tests = readdirSync(fixtures)
  .filter((f) => !f.startsWith('.') && !f.endsWith('got') && !f.endsWith('want') && f !== 'prolog' && f !== 'epilog')
  .filter((f) => statSync(join(fixtures, f)).isFile())
  .sort();

describe('runtime transcripts (test/fixtures/transcripts)', () => {
  const copy = suiteTempDir('mm-transcripts-');
  let run: MinitestRun;
  beforeAll(() => {
    run = runMinitest(copyInto(fixtures, copy));
  });

  it('has a .want for every script and runs them all', () => {
    expect(tests.length).toBeGreaterThan(20);
    expect(run.result.stderr).toBe('');
    expect([...run.verdicts.keys()]).toEqual(tests);
    const failed = tests.filter((t) => run.verdicts.get(t) !== 'ok');
    expect(run.result.stdout.trimEnd().split('\n').at(-1)).toBe(`${tests.length - failed.length} passed, ${failed.length} failed`);
  });

  it.each(tests)('%s', (test) => {
    if (run.verdicts.get(test) !== 'ok') expect.fail(run.explain(test));
  });
});
