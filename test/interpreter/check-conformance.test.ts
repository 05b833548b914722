/**
 * `mm check` against what minimega itself said: on the conformance scripts of
 * both dialects (../shared/conformance), a line gets a problem from `mm check`
 * exactly when its transcript shows an error that any run would give (one
 * that does not depend on what the node holds), and no line gets an error
 * otherwise. 3.1 scripts are checked with `--dialect 3.1` and, marked with
 * the `# minimega: 3.1` directive, without it. Through the real CLI, in a
 * child process.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMm } from '../helpers/mm-cli.js';
import { hasShared, sharedPath } from '../helpers/shared.js';
import { testTempDir } from '../helpers/temp-dir.js';

/**
 * Transcript errors that depend on the node's state, not on the line: the
 * spec gives each as the result of what came before (`runtime.md` 6,
 * `runtime-3.1.md`), and the column errors are only raised on a table with
 * rows (`observed-2.3.md` 2).
 */
const STATEFUL = [
  /^not a host tap in active namespace$/,
  /^alias already in use$/,
  /^tap already on bridge$/,
  /^ambiguous column `.*`$/,
  /^no such column `.*`$/,
];

interface ScriptLine {
  /** Zero-based line number in the script. */
  readonly line: number;
  readonly text: string;
  /** The `E:` messages of the transcript for this line. */
  readonly errors: readonly string[];
}

/** The script's lines with the errors its transcript shows for each (minitest's format: `## LINE`, then output). */
function transcriptLines(script: string, want: string | undefined): ScriptLine[] {
  const lines = script.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const transcript = want === undefined ? [] : want.split('\n');
  let at = 0;
  const out: ScriptLine[] = [];
  lines.forEach((text, line) => {
    if (text === '' || want === undefined) {
      out.push({ line, text, errors: [] });
      return;
    }
    while (at < transcript.length && transcript[at] !== `## ${text}`) at++;
    if (at === transcript.length) throw new Error(`line ${line + 1} (${text}) is not in the transcript`);
    const errors: string[] = [];
    for (at++; at < transcript.length && !transcript[at]!.startsWith('## '); at++) {
      if (transcript[at]!.startsWith('E: ')) errors.push(transcript[at]!.slice(3));
    }
    out.push({ line, text, errors });
  });
  return out;
}

interface Problem {
  readonly file: string;
  readonly range: { readonly start: { readonly line: number } };
  readonly severity: string;
  readonly code: string;
  readonly message: string;
}

function check(args: readonly string[]): Problem[] {
  const r = runMm(['check', '--format', 'json', ...args]);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Problem[];
}

/**
 * Lines whose results disagree with the transcript, and how many lines have a
 * stateless error; `shift` is how many lines were added on top.
 */
function disagreements(
  folder: string,
  scripts: readonly string[],
  problems: readonly Problem[],
  fileOf: (s: string) => string,
  shift: number,
): { bad: string[]; stateless: number } {
  const bad: string[] = [];
  let count = 0;
  for (const name of scripts) {
    const wantPath = join(folder, `${name}.want`);
    const want = readdirSync(folder).includes(`${name}.want`) ? readFileSync(wantPath, 'utf8') : undefined;
    for (const l of transcriptLines(readFileSync(join(folder, name), 'utf8'), want)) {
      const mine = problems.filter((p) => p.file === fileOf(name) && p.range.start.line === l.line + shift);
      const stateless = l.errors.filter((e) => !STATEFUL.some((re) => re.test(e)));
      const where = `${name}:${l.line + 1}: ${l.text}`;
      if (stateless.length > 0) count++;
      if (stateless.length > 0 && mine.length === 0) bad.push(`${where}\n  minimega: ${stateless.join('; ')}\n  mm check: nothing`);
      for (const p of mine) {
        if (stateless.length > 0) continue;
        // No error where minimega gave none that any run would give; a warning about a
        // value is wrong where minimega gave no error at all.
        if (p.severity === 'error' || (l.errors.length === 0 && p.code.startsWith('value/'))) {
          bad.push(`${where}\n  minimega: ${l.errors.join('; ') || 'no error'}\n  mm check: ${p.severity} ${p.message} [${p.code}]`);
        }
      }
    }
  }
  return { bad, stateless: count };
}

function scriptsOf(folder: string): string[] {
  return readdirSync(folder)
    .filter((f) => !f.endsWith('.want') && !f.endsWith('.md'))
    .sort();
}

describe.skipIf(!hasShared)('mm check agrees with the conformance transcripts', () => {
  it.each([
    ['2.3', []],
    ['2.3', ['--dialect', '2.3']],
    ['3.1', ['--dialect', '3.1']],
  ])('conformance/%s with %j', (version, flags) => {
    const folder = sharedPath('conformance', version);
    const scripts = scriptsOf(folder);
    expect(scripts.length).toBeGreaterThanOrEqual(10);
    const problems = check([...flags, ...scripts.map((s) => join(folder, s))]);
    const { bad, stateless } = disagreements(folder, scripts, problems, (s) => join(folder, s), 0);
    expect(bad).toEqual([]);
    expect(stateless).toBeGreaterThanOrEqual(3);
  });

  it('conformance/3.1 marked with `# minimega: 3.1`, without --dialect', () => {
    const folder = sharedPath('conformance', '3.1');
    const scripts = scriptsOf(folder);
    const tmp = testTempDir('mm-conformance-31-');
    for (const s of scripts) writeFileSync(join(tmp, s), `# minimega: 3.1\n${readFileSync(join(folder, s), 'utf8')}`);
    const problems = check(scripts.map((s) => join(tmp, s)));
    const { bad, stateless } = disagreements(folder, scripts, problems, (s) => join(tmp, s), 1);
    expect(bad).toEqual([]);
    expect(stateless).toBeGreaterThanOrEqual(3);
    // Unmarked, the same files are 2.3 files, and the 3.1 commands in them say so.
    const unmarked = check(scripts.map((s) => join(folder, s)));
    expect(unmarked.some((p) => p.code === 'match/other-dialect')).toBe(true);
  });
});
