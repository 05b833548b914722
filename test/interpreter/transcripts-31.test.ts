/**
 * The 3.1 runtime's own transcripts, outputs written from runtime-3.1.md:
 * every `ns` subcommand and scheduler rule on one node
 * (test/fixtures/transcripts-31, run by `mm minitest --dialect 3.1`), and on
 * an embedded three-node cluster (test/fixtures/cluster-31, run by
 * `mm run --dialect 3.1 --nodes mm1,mm2,mm3 --transcript`), in child
 * processes on copies in a temporary directory.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyInto, lineDiff, runMinitest, runMm, type MinitestRun } from '../helpers/mm-cli.js';
import { repoRoot } from '../helpers/shared.js';
import { suiteTempDir, testTempDir } from '../helpers/temp-dir.js';

const single = join(repoRoot, 'test/fixtures/transcripts-31');
const cluster = join(repoRoot, 'test/fixtures/cluster-31');

const tests = readdirSync(single)
  .filter((f) => !f.endsWith('.want') && f !== 'prolog' && f !== 'epilog')
  .filter((f) => statSync(join(single, f)).isFile())
  .sort();

describe('3.1 runtime transcripts on one node (test/fixtures/transcripts-31)', () => {
  const copy = suiteTempDir('mm-transcripts-31-');
  let run: MinitestRun;
  beforeAll(() => {
    run = runMinitest(copyInto(single, copy), 'mmhost', ['--dialect', '3.1']);
  });

  it('runs every script', () => {
    expect(tests).toEqual(expect.arrayContaining(['ns_hosts', 'ns_load_queueing', 'ns_queue', 'ns_run_bridge', 'ns_schedule_single']));
    expect(run.result.stderr).toBe('');
    expect([...run.verdicts.keys()]).toEqual(tests);
  });

  it.each(tests)('%s', (test) => {
    if (run.verdicts.get(test) !== 'ok') expect.fail(run.explain(test));
  });
});

const clusterScripts = readdirSync(cluster)
  .filter((f) => f.endsWith('.mm'))
  .sort();

describe('3.1 runtime transcripts on a three-node cluster (test/fixtures/cluster-31)', () => {
  it.each(clusterScripts)('%s', (script) => {
    const dir = copyInto(cluster, testTempDir('mm-cluster-31-'));
    const r = runMm(['run', '--dialect', '3.1', '--nodes', 'mm1,mm2,mm3', '--transcript', join(dir, script)]);
    expect(r.stderr).toBe('');
    const want = readFileSync(join(cluster, `${script}.want`), 'utf8');
    if (r.stdout !== want) expect.fail(`${script}: transcript differs\n${lineDiff(want, r.stdout)}`);
    // The script contains expected errors, so the run reports failure.
    expect(r.status).toBe(1);
  });
});
