/**
 * Temporary directories for tests, each removed when its test or its suite
 * is over, so that a run leaves the OS temporary directory as it found it.
 * Every temporary directory of the tests is made here
 * (test/architecture/temp-dirs.test.ts holds the other files to that).
 *
 * Removal comes last: a test that starts something working in its directory
 * (an `mm node`, a language server, a socket) stops it in its own
 * afterEach/afterAll hook or onTestFinished callback, and vitest runs those
 * before the removal registered here, given the order below.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import { getCurrentTest } from 'vitest/suite';

/**
 * Makes a fresh directory `<os.tmpdir()>/<prefix>XXXXXX` for the running test
 * and removes it, with everything in it, when the test has finished (passed,
 * failed or timed out).
 *
 * Call it inside a test (or a beforeEach hook). The removal runs after the
 * test's afterEach hooks and after the onTestFinished callbacks registered
 * later than this call (vitest runs them last registered, first run), so
 * stop processes working in the directory in either of those.
 *
 * @param prefix - The start of the directory's name, e.g. `'mm-run-'`.
 * @returns The directory's absolute path.
 * @throws Outside a test, before making anything.
 */
export function testTempDir(prefix: string): string {
  let dir: string | undefined;
  // Registered first so that outside a test this throws before a directory exists.
  onTestFinished(() => {
    if (dir !== undefined) removeTempDir(dir);
  });
  dir = mkdtempSync(join(tmpdir(), prefix));
  return dir;
}

/**
 * Names a directory `<os.tmpdir()>/<prefix>XXXXXX` for the tests of the
 * current file (called at the top level) or describe block (called in its
 * body); it is made before their first test and removed, with everything in
 * it, after their last.
 *
 * The path is returned at once, so that it can be used in the file or block's
 * body, but the directory exists only while the suite runs: vitest runs no
 * hook of a suite whose tests are all skipped (by skipIf, a missing ../shared,
 * or a `-t` filter), and a directory made at once would then never be removed.
 *
 * Call it before registering the hooks that use the directory: vitest runs
 * beforeAll hooks in the order they were registered and afterAll hooks in the
 * reverse order (`sequence.hooks: 'stack'`, its default and this repository's),
 * so the directory is made before those hooks run and removed after them,
 * once they have stopped what they started in it.
 *
 * @param prefix - The start of the directory's name, e.g. `'mm-e2e-mesh-'`.
 * @returns The directory's absolute path (made when the suite starts).
 * @throws Inside a test, where a suite's hooks can no longer be registered (use {@link testTempDir}).
 */
export function suiteTempDir(prefix: string): string {
  if (getCurrentTest() !== undefined) throw new Error('suiteTempDir() is called in a file or describe body; inside a test, use testTempDir()');
  const dir = join(tmpdir(), `${prefix}${randomSuffix()}`);
  // Without `recursive`, mkdir fails on an existing path: like mkdtemp, never a directory shared with anyone.
  beforeAll(() => void mkdirSync(dir, { mode: 0o700 }));
  afterAll(() => removeTempDir(dir));
  return dir;
}

function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

const NAME_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Six random letters or digits, as mkdtemp appends. */
function randomSuffix(): string {
  return Array.from(randomBytes(6), (b) => NAME_CHARACTERS[b % NAME_CHARACTERS.length]).join('');
}
