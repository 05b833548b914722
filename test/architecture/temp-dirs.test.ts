/**
 * Tests leave the OS temporary directory as they found it: every temporary
 * directory of test/ is made by test/helpers/temp-dir.ts, which removes it
 * when its test or suite is over. A bare `mkdtemp` or `mkdtempSync` (before
 * the helper, thousands of `mm-walk-*`, `mm-run-*` and `mm-cli-*` directories
 * piled up in /tmp, run after run) fails here with the file and line.
 *
 * Every JavaScript and TypeScript file under test/ is read with the
 * TypeScript compiler's parser, so an identifier counts (an import, a call,
 * `fs.mkdtempSync`) and a word in a comment or a string does not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/shared.js';

/** The one file that makes temporary directories for tests. */
const HELPER = 'test/helpers/temp-dir.ts';

/**
 * Files that may call mkdtemp themselves, and why. Each runs outside vitest
 * (no test to tie a directory to) and removes its directory on every way out.
 */
const EXEMPT: Readonly<Record<string, string>> = {
  'test/e2e/vscode/run-e2e.mjs': 'a node script (test/e2e/vscode.test.ts runs it); removes its directory in its finally and its signal and deadline handlers',
};

const SCRIPT = /\.(ts|mts|cts|js|mjs|cjs)$/;

function* scriptsUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') yield* scriptsUnder(path);
    else if (entry.isFile() && SCRIPT.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

/** Node's functions that make a temporary directory (the Disposable ones came in Node 24). */
const MKDTEMP = /^mkdtemp(Disposable)?(Sync)?$/;

/** `file:line: name` for each identifier naming one of them. */
function mkdtempCalls(file: string): string[] {
  const kind = /\.(ts|mts|cts)$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, kind);
  const uses: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && MKDTEMP.test(n.text)) {
      const line = source.getLineAndCharacterOfPosition(n.getStart(source)).line + 1;
      uses.push(`${relative(repoRoot, file)}:${line}: ${n.text}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  return uses;
}

const files = [...scriptsUnder(join(repoRoot, 'test'))];
const uses = files.flatMap(mkdtempCalls);
const fileOf = (use: string): string => use.slice(0, use.indexOf(':'));

describe('temporary directories of the tests', () => {
  it('reads the test files', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.map((f) => relative(repoRoot, f))).toContain(HELPER);
  });

  it('are made only by test/helpers/temp-dir.ts (testTempDir, suiteTempDir), which removes them', () => {
    expect(uses.filter((u) => fileOf(u) !== HELPER && !(fileOf(u) in EXEMPT))).toEqual([]);
  });

  it('finds what it looks for: the helper and each exempt file do call mkdtemp', () => {
    for (const file of [HELPER, ...Object.keys(EXEMPT)])
      expect(
        uses.some((u) => fileOf(u) === file),
        file,
      ).toBe(true);
  });
});
