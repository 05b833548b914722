/**
 * What a CLI command may touch: output streams, input, the file system root.
 * Tests run `runCli` with in-memory streams; the binary passes the process's.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { describeFsError } from '../interpreter/os-error.js';
import { resolve } from 'node:path';
import { isatty } from 'node:tty';

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
  /** Reads all of standard input as bytes (absent: the UTF-8 of `readStdin`). */
  readonly readStdinBytes?: () => Promise<Uint8Array>;
  readonly cwd: string;
  /** Standard input is an interactive terminal. */
  readonly stdinIsTTY: boolean;
  /** Standard output is a terminal (colour, escaping); absent: no. */
  readonly stdoutIsTTY?: boolean;
  /** Standard error is a terminal; absent: no. */
  readonly stderrIsTTY?: boolean;
  /** The environment (NO_COLOR); absent: none. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The process's own streams. */
export function createProcessIO(): CliIO {
  return {
    stdout: (t) => process.stdout.write(t),
    stdoutDrained: () => (process.stdout.writableNeedDrain ? once(process.stdout, 'drain').then(() => undefined) : undefined),
    stderr: (t) => process.stderr.write(t),
    readStdin: async () => (await readAllStdin()).toString('utf8'),
    readStdinBytes: readAllStdin,
    cwd: process.cwd(),
    // Asked of the descriptors: `process.stdin` would open a stream (and load
    // Node's stream code) that most commands never read.
    stdinIsTTY: isatty(0),
    stdoutIsTTY: isatty(1),
    stderrIsTTY: isatty(2),
    env: process.env,
  };
}

async function readAllStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Control characters from input, escaped (`\x1b`), so that a script's bytes
 * never drive the terminal that shows a message about them. Tab stays.
 */
export function escapeControls(text: string): string {
  // Most text has none: a test is much cheaper than a replace (which builds a new string).
  if (!hasControls(text)) return text;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is escaped
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Whether `text` has a character `escapeControls` rewrites. */
export function hasControls(text: string): boolean {
  return ANY_CONTROL.test(text);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is escaped
const ANY_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;

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
