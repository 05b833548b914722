/**
 * The temporary directories of test/helpers/temp-dir.ts: there while their
 * test or suite runs, gone after it, even when the test failed, and only
 * after the hooks that stop what works in them. Each check of removal is a
 * later test of this file (tests of a file run in order) looking at the
 * directory an earlier test or block was given.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { suiteTempDir, testTempDir } from './temp-dir.js';

const PREFIX = 'mm-temp-dir-test-';
const NAME = /^mm-temp-dir-test-[A-Za-z0-9]{6}$/;

/** Fills a directory, so that its removal is shown to be recursive. */
function fill(dir: string): void {
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'file.txt'), 'x');
}

describe('testTempDir', () => {
  let passed = '';
  let failed = '';
  let stopped = '';
  const seenByLaterCleanup: boolean[] = [];

  it('makes a fresh directory under the OS temporary directory, named after the prefix', () => {
    passed = testTempDir(PREFIX);
    expect(dirname(passed)).toBe(tmpdir());
    expect(basename(passed)).toMatch(NAME);
    expect(statSync(passed).isDirectory()).toBe(true);
    expect(readdirSync(passed)).toEqual([]);
    fill(passed);
  });

  it('removed it, with what was in it, when that test finished', () => {
    expect(passed).not.toBe('');
    expect(existsSync(passed)).toBe(false);
  });

  it.fails('(a test that fails after making one)', () => {
    failed = testTempDir(PREFIX);
    fill(failed);
    throw new Error('fails on purpose');
  });

  it('removed the failed test’s directory too', () => {
    expect(failed).not.toBe('');
    expect(existsSync(failed)).toBe(false);
  });

  describe('with cleanup of its own', () => {
    afterEach(() => {
      if (stopped !== '') seenByLaterCleanup.push(existsSync(stopped));
    });

    it('(a test that stops something in its directory when it finishes)', () => {
      stopped = testTempDir(PREFIX);
      onTestFinished(() => void seenByLaterCleanup.push(existsSync(stopped)));
    });
  });

  it('removed that directory after the afterEach hook and the onTestFinished callback registered later', () => {
    expect(seenByLaterCleanup).toEqual([true, true]);
    expect(existsSync(stopped)).toBe(false);
  });

  describe('outside a test', () => {
    let error: unknown;
    let before: string[] = [];
    let after: string[] = [];
    beforeAll(() => {
      const ours = (): string[] => readdirSync(tmpdir()).filter((n) => n.startsWith(PREFIX));
      before = ours();
      try {
        testTempDir(PREFIX);
      } catch (e) {
        error = e;
      }
      after = ours();
    });

    it('throws before making anything', () => {
      expect(String(error)).toMatch(/inside a test/);
      expect(after).toEqual(before);
    });
  });
});

describe('suiteTempDir', () => {
  let block = '';
  let skipped = '';
  let seenByLaterAfterAll: boolean | undefined;

  describe('a describe block that calls it', () => {
    block = suiteTempDir(PREFIX);
    afterAll(() => {
      seenByLaterAfterAll = existsSync(block);
    });

    it('has a directory under the OS temporary directory, named after the prefix, from before its first test', () => {
      expect(dirname(block)).toBe(tmpdir());
      expect(basename(block)).toMatch(NAME);
      expect(statSync(block).isDirectory()).toBe(true);
      expect(statSync(block).mode & 0o777).toBe(0o700);
      fill(block);
    });

    it('shares it between its tests', () => {
      expect(existsSync(join(block, 'sub', 'file.txt'))).toBe(true);
    });
  });

  it('removed it, with what was in it, after the block’s last test and the afterAll hook registered later', () => {
    expect(seenByLaterAfterAll).toBe(true);
    expect(existsSync(block)).toBe(false);
  });

  describe.skip('a skipped block that calls it', () => {
    skipped = suiteTempDir(PREFIX);
    it('(never runs)', () => undefined);
  });

  it('made nothing for a block whose tests were all skipped (vitest runs none of its hooks)', () => {
    expect(basename(skipped)).toMatch(NAME);
    expect(existsSync(skipped)).toBe(false);
  });

  it('refuses to be called inside a test, where it could not register its hooks', () => {
    expect(() => suiteTempDir(PREFIX)).toThrow(/testTempDir/);
  });
});
