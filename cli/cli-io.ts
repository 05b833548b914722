/**
 * What a CLI command may touch: output streams, input, the file system root.
 * Tests run `runCli` with in-memory streams; the binary passes the process's.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { describeFsError } from '../interpreter/os-error.js';
import { resolve } from 'node:path';

export interface CliIO {
  readonly stdout: (text: string) => void;
  /**
   * After a write that filled stdout's buffer (a slow pipe), resolves once it
   * has room again; undefined when there is room. Writers of big outputs
   * wait on it so that output is not queued in memory. Absent: never waits.
   */
  readonly stdoutDrained?: () => Promise<void> | undefined;
  readonly stderr: (text: string) => void;
  /** Reads all of standard input. */
  readonly readStdin: () => Promise<string>;
  readonly cwd: string;
  /** Standard input is an interactive terminal. */
  readonly stdinIsTTY: boolean;
}

/** The process's own streams. */
export function createProcessIO(): CliIO {
  return {
    stdout: (t) => process.stdout.write(t),
    stdoutDrained: () => (process.stdout.writableNeedDrain ? once(process.stdout, 'drain').then(() => undefined) : undefined),
    stderr: (t) => process.stderr.write(t),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    cwd: process.cwd(),
    stdinIsTTY: Boolean(process.stdin.isTTY),
  };
}

/** A usage or I/O problem: the command prints it and exits with status 2. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** Reads a script argument: `-` is standard input. A BOM at the start is dropped. */
export async function readScript(io: CliIO, file: string): Promise<string> {
  let text: string;
  if (file === '-') text = await io.readStdin();
  else {
    try {
      text = readFileSync(resolve(io.cwd, file), 'utf8');
    } catch (e) {
      throw new CliError(`${file}: ${describeFsError(e)}`);
    }
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The name shown for a script argument in messages. */
export function displayName(file: string): string {
  return file === '-' ? '<stdin>' : file;
}
