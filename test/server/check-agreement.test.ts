/**
 * Property: for random lines of both generated oracle sets, in either
 * dialect, what the language server publishes for a document equals what
 * `mm check --dialect` prints for the same file. The server side is built as
 * the server builds it (document store, workspace, analysis cache over a
 * language service of the dialect); `mm check` runs in a child process.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../interpreter/random.js';
import { createLanguageService, dialect23, dialect31, type Dialect } from '../../language/index.js';
import { createAnalysisCache } from '../../server/analysis.js';
import { createDocumentStore } from '../../server/documents.js';
import { DEFAULT_SETTINGS } from '../../server/settings.js';
import { createWorkspace } from '../../server/workspace.js';
import { runMm } from '../helpers/mm-cli.js';
import { hasShared, sharedPath } from '../helpers/shared.js';
import { testTempDir } from '../helpers/temp-dir.js';

const FILES = 4;
const LINES_PER_FILE = 250;

interface Reported {
  readonly range: unknown;
  readonly severity: string;
  readonly code: string;
  readonly message: string;
}

/** Random lines of a generated set, `FILES` scripts of them (seeded: the same every run). */
function samples(version: string, seed: number): string[] {
  const lines = readFileSync(sharedPath(`oracle/generated-${version}.txt`), 'utf8').split('\n');
  lines.pop();
  const next = mulberry32(seed);
  return Array.from({ length: FILES }, () => Array.from({ length: LINES_PER_FILE }, () => lines[next() % lines.length]!).join('\n') + '\n');
}

/** What the server publishes for each file, built as the server builds it. */
function published(dialect: Dialect, dir: string, files: readonly string[]): Reported[][] {
  const language = createLanguageService(dialect);
  const documents = createDocumentStore(() => language);
  const workspace = createWorkspace(documents, () => language, dir);
  const analyses = createAnalysisCache(workspace, () => DEFAULT_SETTINGS);
  return files.map((f) => {
    const doc = documents.open(pathToFileURL(join(dir, f)).href, 'minimega', 1, readFileSync(join(dir, f), 'utf8'));
    return analyses
      .get(doc)
      .diagnostics()
      .map((d) => ({ range: d.range, severity: d.severity, code: d.code, message: d.message }));
  });
}

describe.skipIf(!hasShared)("the server's diagnostics equal mm check's", () => {
  it.each([
    ['2.3', '2.3', 1],
    ['3.1', '3.1', 2],
    ['2.3', '3.1', 3],
    ['3.1', '2.3', 4],
  ] as const)('lines of generated-%s checked as %s', (set, version, seed) => {
    const dialect = version === '3.1' ? dialect31 : dialect23;
    const dir = testTempDir('mm-agree-');
    const files = samples(set, seed).map((text, i) => {
      writeFileSync(join(dir, `s${i}.mm`), text);
      return `s${i}.mm`;
    });
    const r = runMm(['check', '--format', 'json', '--dialect', version, ...files], { cwd: dir });
    expect(r.stderr).toBe('');
    const cli = JSON.parse(r.stdout) as (Reported & { file: string })[];
    const server = published(dialect, dir, files);
    files.forEach((f, i) => {
      const mine = cli.filter((d) => d.file === f).map(({ file: _f, ...d }) => d);
      expect(server[i], f).toEqual(mine);
    });
    // The samples hold both kinds of line.
    expect(cli.some((d) => d.severity === 'error')).toBe(true);
    expect(server.flat().length).toBe(cli.length);
  });
});
