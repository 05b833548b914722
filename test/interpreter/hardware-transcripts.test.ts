/**
 * Transcripts of the hardware-facing commands (test/fixtures/hardware):
 * capture, cc, qos, vnc, the QEMU-facing `vm` commands, `vm net`,
 * containers, the QEMU command line, launch failures, `check`, and the
 * commands docs/simulator.md decides for. Section 12's examples come from a
 * fresh daemon, so each transcript runs on a fresh node, with a temporary
 * copy of the fixtures as its working directory and of `files/` as its
 * files directory.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transcriptFile } from '../../cli/minitest-command.js';
import { createNode } from '../../interpreter/sim-node.js';
import { copyInto, lineDiff } from '../helpers/mm-cli.js';
import { repoRoot } from '../helpers/shared.js';
import { testTempDir } from '../helpers/temp-dir.js';

const fixtures = join(repoRoot, 'test/fixtures/hardware');
const tests = readdirSync(fixtures)
  .filter((f) => existsSync(join(fixtures, `${f}.want`)) && statSync(join(fixtures, f)).isFile())
  .sort();

/** Runs one transcript as `mm minitest` would, on a fresh node, in a copy of the fixtures made for the running test. */
async function transcript(test: string): Promise<string> {
  const dir = copyInto(fixtures, testTempDir(`mm-hw-${test}-`));
  // A fixed clock: `vnc` times are the same on every run.
  const now = Date.UTC(2024, 0, 1);
  const node = createNode({ name: 'mmhost', cwd: dir, files: { hostDir: join(dir, 'files') }, clock: () => now });
  await transcriptFile(node, readFileSync(join(dir, 'prolog'), 'utf8'));
  return transcriptFile(node, readFileSync(join(dir, test), 'utf8'));
}

describe('hardware-facing commands (test/fixtures/hardware)', () => {
  it('has transcripts', () => expect(tests.length).toBeGreaterThan(5));

  it.each(tests)('%s', async (test) => {
    const want = readFileSync(join(fixtures, `${test}.want`), 'utf8');
    const got = await transcript(test);
    if (got !== want) expect.fail(`${test}: transcript differs\n${lineDiff(want, got)}`);
  });
});
