/**
 * Long-running `mm` processes for end-to-end tests: started from the built
 * bundle, their output collected, lines awaited (never slept on), and every
 * one killed at the end. Optionally as another local user (`setpriv`), for
 * tests of what other users of the machine can do.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './shared.js';

export const MM = join(repoRoot, 'dist', 'mm.cjs');

/** Whether the built CLI exists (suites skip with a notice otherwise). */
export const mmBuilt = existsSync(MM);

/** The uid and gid an unprivileged user runs as in tests (nobody). */
export const NOBODY = 65534;

/** Why tests cannot act as another local user here ("" when they can): they must run as root and have `setpriv`. */
export function otherUserUnavailable(): string {
  if (process.getuid?.() !== 0) return 'the tests do not run as root';
  if (spawnSync('setpriv', ['--version']).status !== 0) return 'setpriv is missing';
  // A checkout in a directory only its owner may enter (mktemp -d makes one) is out of the other user's reach.
  const probe = spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, MM, '--version']);
  if (probe.status !== 0) return `user ${NOBODY} cannot run ${MM}`;
  return '';
}

export interface MmProcess {
  readonly child: ChildProcess;
  stdout: string;
  stderr: string;
  readonly exited: Promise<number | null>;
  /** Resolves with the first match of `re` in the output stream (fails if the process exits first). */
  waitFor(re: RegExp, stream?: 'stdout' | 'stderr'): Promise<RegExpMatchArray>;
}

/**
 * Starts `mm ARGS...` in `cwd`; `procs` collects it for the final cleanup.
 * `asUser` runs it as that uid and gid (the tests must run as root).
 */
export function startMm(args: readonly string[], cwd: string, procs: MmProcess[], env: Readonly<Record<string, string>> = {}, asUser?: number): MmProcess {
  const argv = [process.execPath, MM, ...args];
  const [cmd, ...rest] = asUser === undefined ? argv : ['setpriv', `--reuid=${asUser}`, `--regid=${asUser}`, '--clear-groups', ...argv];
  const child = spawn(cmd!, rest, { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const watchers: { re: RegExp; stream: 'stdout' | 'stderr'; resolve: (m: RegExpMatchArray) => void }[] = [];
  const p: MmProcess = {
    child,
    stdout: '',
    stderr: '',
    // 'close', not 'exit': the output is complete by then.
    exited: new Promise((resolve) => child.once('close', (code) => resolve(code))),
    waitFor(re, stream = 'stdout') {
      const seen = p[stream].match(re);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        watchers.push({ re, stream, resolve });
        void p.exited.then((code) => reject(new Error(`mm ${args.join(' ')} exited (${code}) before printing ${re}:\n${p.stderr}`)));
      });
    },
  };
  const feed = (stream: 'stdout' | 'stderr') => (d: string) => {
    p[stream] += d;
    for (const w of [...watchers]) {
      const m = w.stream === stream ? p[stream].match(w.re) : null;
      if (m) {
        watchers.splice(watchers.indexOf(w), 1);
        w.resolve(m);
      }
    }
  };
  child.stdout!.setEncoding('utf8').on('data', feed('stdout'));
  child.stderr!.setEncoding('utf8').on('data', feed('stderr'));
  procs.push(p);
  return p;
}

/** Kills what is still running and waits for every exit. */
export async function stopAll(procs: MmProcess[]): Promise<void> {
  for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  await Promise.all(procs.map((p) => p.exited));
}

/** Runs `mm ARGS...` to its end with `input` on stdin (as `asUser`, when given). */
export async function runMmAsync(
  args: readonly string[],
  cwd: string,
  input = '',
  env: Readonly<Record<string, string>> = {},
  asUser?: number,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const procs: MmProcess[] = [];
  const p = startMm(args, cwd, procs, env, asUser);
  p.child.stdin!.end(input);
  const code = await p.exited;
  return { code, stdout: p.stdout, stderr: p.stderr };
}

/** Starts `mm node --name NAME --listen 127.0.0.1:0 EXTRA...` and waits until it listens. */
export async function startNode(name: string, cwd: string, procs: MmProcess[], extra: readonly string[] = []): Promise<{ proc: MmProcess; url: string }> {
  const proc = startMm(['node', '--name', name, '--listen', '127.0.0.1:0', ...extra], cwd, procs);
  const m = await proc.waitFor(/^listening on (ws:\/\/127\.0\.0\.1:\d+)$/m);
  return { proc, url: m[1]! };
}
