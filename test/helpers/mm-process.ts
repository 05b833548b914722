/**
 * `mm` child processes that run on while a test talks to them (`mm node`,
 * clients): output collected as it comes, waiting on lines and exits (never
 * on time), and every process killed at the end. Optionally as another user
 * (`setpriv`), for tests of what other local users can do.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { mmBin } from './mm-cli.js';

export interface MmProcess {
  readonly child: ChildProcess;
  stdout: string;
  stderr: string;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
}

/** Whether the built CLI exists (suites skip with a notice otherwise). */
export const mmBuilt = existsSync(mmBin);

/** The uid/gid an unprivileged user runs as in tests (nobody). */
export const NOBODY = 65534;

/**
 * Why tests cannot act as another local user here ("" when they can): they
 * must run as root and have `setpriv`.
 */
export function otherUserUnavailable(): string {
  if (process.getuid?.() !== 0) return 'the tests do not run as root';
  if (spawnSync('setpriv', ['--version']).status !== 0) return 'setpriv is missing';
  return '';
}

/** A set of processes a suite starts; `killAll` in `afterAll`. */
export class MmProcesses {
  private readonly procs: MmProcess[] = [];

  /** Starts `mm ARGS` in `cwd`; `asUser` runs it as that uid/gid (needs root). */
  start(args: readonly string[], cwd: string, options: { asUser?: number; input?: string } = {}): MmProcess {
    const argv = [process.execPath, mmBin, ...args];
    const [cmd, ...rest] =
      options.asUser === undefined ? argv : ['setpriv', `--reuid=${options.asUser}`, `--regid=${options.asUser}`, '--clear-groups', ...argv];
    const child = spawn(cmd!, rest, { cwd, stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    if (options.input !== undefined) child.stdin!.end(options.input);
    const p: MmProcess = {
      child,
      stdout: '',
      stderr: '',
      exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
    };
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (p.stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (p.stderr += d));
    this.procs.push(p);
    return p;
  }

  /** Runs `mm ARGS` to its end. */
  async run(args: readonly string[], cwd: string, options: { asUser?: number; input?: string } = {}): Promise<{ code: number | null; out: string; err: string }> {
    const p = this.start(args, cwd, options);
    const code = await p.exited;
    return { code, out: p.stdout, err: p.stderr };
  }

  /** Starts `mm node --name NAME --listen 127.0.0.1:0 EXTRA...` and waits until it listens. */
  async node(name: string, cwd: string, extra: readonly string[] = []): Promise<{ proc: MmProcess; url: string }> {
    const proc = this.start(['node', '--name', name, '--listen', '127.0.0.1:0', ...extra], cwd);
    const m = await waitForLine(proc, /^listening on (ws:\/\/127\.0\.0\.1:\d+)$/);
    return { proc, url: m[1]! };
  }

  /** Kills whatever still runs and waits for the exits. */
  async killAll(): Promise<void> {
    for (const p of this.procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await Promise.all(this.procs.map((p) => p.exited));
  }
}

/** Resolves with the first stdout line matching `re` (fails if the process exits first). */
export function waitForLine(p: MmProcess, re: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const seen = p.stdout.split('\n').map((l) => l.match(re)).find((m) => m);
    if (seen) return resolve(seen);
    const rl = createInterface({ input: p.child.stdout! });
    rl.on('line', (l) => {
      const m = l.match(re);
      if (m) {
        rl.close();
        resolve(m);
      }
    });
    void p.exited.then((code) => reject(new Error(`exited (${code}) before printing ${re}: ${p.stderr}`)));
  });
}

/** Resolves once the process's stderr contains `text` (fails if it exits first). */
export function waitForStderr(p: MmProcess, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      if (!p.stderr.includes(text)) return false;
      resolve();
      return true;
    };
    if (check()) return;
    const onData = (): void => {
      if (check()) p.child.stderr!.off('data', onData);
    };
    p.child.stderr!.on('data', onData);
    void p.exited.then((code) => (p.stderr.includes(text) ? resolve() : reject(new Error(`exited (${code}) without printing ${JSON.stringify(text)}: ${p.stderr}`))));
  });
}
