/**
 * Runs the built `mm` (dist/mm.cjs, from `node scripts/build.mjs`) in a child
 * process, as a user would, and reads `mm minitest` results.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './shared.js';

export const mmBin = join(repoRoot, 'dist/mm.cjs');

export interface MmResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface MmOptions {
  readonly cwd?: string;
  readonly input?: string;
  readonly env?: Readonly<Record<string, string>>;
}

/** Runs `mm ARGS...`. */
export function runMm(args: readonly string[], options: MmOptions = {}): MmResult {
  const r = spawnSync(process.execPath, [mmBin, ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Copies a directory's contents into `target`, a temporary directory
 * (test/helpers/temp-dir.ts): tests never write into the repo or ../shared.
 * @returns `target`.
 */
export function copyInto(dir: string, target: string): string {
  cpSync(dir, target, { recursive: true });
  return target;
}

export interface MinitestRun {
  readonly result: MmResult;
  /** Test name to its verdict line's status. */
  readonly verdicts: Map<string, 'ok' | 'FAIL'>;
  /** A readable want/got comparison of a failed test. */
  explain(test: string): string;
}

/** Runs `mm minitest --name NAME DIR` and parses the one-line-per-test report. */
export function runMinitest(dir: string, name = 'mmhost', extra: readonly string[] = []): MinitestRun {
  const result = runMm(['minitest', '--name', name, ...extra, dir]);
  const verdicts = new Map<string, 'ok' | 'FAIL'>();
  for (const line of result.stdout.split('\n')) {
    const m = /^(ok|FAIL) +([^:\s]+)/.exec(line);
    if (m) verdicts.set(m[2]!, m[1] as 'ok' | 'FAIL');
  }
  return {
    result,
    verdicts,
    explain: (test) => {
      const want = readFileSync(join(dir, `${test}.want`), 'utf8');
      const gotPath = join(dir, `${test}.got`);
      const got = existsSync(gotPath) ? readFileSync(gotPath, 'utf8') : '<no .got written>';
      return `${test}: transcript differs\n${lineDiff(want, got)}`;
    },
  };
}

/** A minimal line diff (want lines `-`, got lines `+`) around the first difference. */
export function lineDiff(want: string, got: string): string {
  const w = want.split('\n');
  const g = got.split('\n');
  let i = 0;
  while (i < w.length && i < g.length && w[i] === g[i]) i++;
  let wj = w.length;
  let gj = g.length;
  while (wj > i && gj > i && w[wj - 1] === g[gj - 1]) {
    wj--;
    gj--;
  }
  const show = (s: string): string => JSON.stringify(s).slice(1, -1);
  const out = [`@@ line ${i + 1}`];
  for (const l of w.slice(Math.max(0, i - 3), i)) out.push(`  ${show(l)}`);
  for (const l of w.slice(i, wj)) out.push(`- ${show(l)}`);
  for (const l of g.slice(i, gj)) out.push(`+ ${show(l)}`);
  for (const l of w.slice(wj, wj + 3)) out.push(`  ${show(l)}`);
  return out.join('\n');
}
