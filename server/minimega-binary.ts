/**
 * Runs a user's minimega binary the one safe way cli-json.md 2.5 describes:
 * argv `[path, flag]` and nothing else (a word before `-cli` would start a
 * real minimega), no shell, stdin closed, a private empty directory as the
 * working directory, a timeout with a kill, and a cap on what is read.
 * stdout is the result; stderr is kept only to explain a failure.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What one run gave. */
export interface BinaryRun {
  /** Exit status, or null when a signal ended it. */
  readonly status: number | null;
  readonly stdout: string;
  /** The start of stderr (for error messages only). */
  readonly stderr: string;
  /** Killed because it did not exit in time. */
  readonly timedOut: boolean;
  /** Killed because stdout passed the cap. */
  readonly tooLong: boolean;
  /** It could not be started (no such file, not executable, ...). */
  readonly startError?: NodeJS.ErrnoException;
}

/** How a run is limited. */
export interface RunLimits {
  readonly timeoutMs: number;
  readonly maxStdoutBytes: number;
}

const MAX_STDERR_BYTES = 64 * 1024;

/** Runs `path flag` (one flag: `-cli` or `-version`) and collects its output. */
export function runMinimegaFlag(path: string, flag: '-cli' | '-version', limits: RunLimits): Promise<BinaryRun> {
  const cwd = mkdtempSync(join(tmpdir(), 'mm-minimega-'));
  return new Promise<BinaryRun>((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let timedOut = false;
    let tooLong = false;
    let startError: NodeJS.ErrnoException | undefined;
    // detached: the binary leads its own process group, so a kill reaches whatever it started.
    const child = spawn(path, [flag], { cwd, shell: false, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const kill = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, limits.timeoutMs);
    child.stdout.on('data', (b: Buffer) => {
      outBytes += b.length;
      if (outBytes > limits.maxStdoutBytes) {
        tooLong = true;
        kill();
      } else out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      if (errBytes < MAX_STDERR_BYTES) err.push(b);
      errBytes += b.length;
    });
    let done = false;
    const finish = (status: number | null): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      rmSync(cwd, { recursive: true, force: true });
      resolve({
        status,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8').slice(0, MAX_STDERR_BYTES),
        timedOut,
        tooLong,
        ...(startError ? { startError } : {}),
      });
    };
    child.on('error', (e) => {
      startError = e as NodeJS.ErrnoException;
      // A binary that never started has no 'close' to wait for.
      if (child.pid === undefined) finish(null);
    });
    child.on('close', (status) => finish(status));
  });
}
