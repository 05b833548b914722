/**
 * What a CLI command may touch: output streams, input, the file system root.
 * Tests run `runCli` with in-memory streams; the binary passes the process's.
 */
import { readFileSync } from 'node:fs';
import { describeFsError } from '../interpreter/os-error.js';
import { resolve } from 'node:path';
import { stdoutIsTerminal, StdoutWriter } from './stdout-direct.js';

export interface CliIO {
  readonly stdout: (text: string) => void;
  /**
   * After a write that filled stdout's buffer (a slow pipe), resolves once it
   * has room again; undefined when there is room. Writers of big outputs
   * wait on it so that output is not queued in memory. Absent: never waits.
   */
  readonly stdoutDrained?: () => Promise<void> | undefined;
  /**
   * Output made of many short texts (a report's problems, JSON lines), each
   * given as it is made: the process's standard output encodes them into the
   * buffer it keeps and writes that as it fills. Absent: `outputParts`
   * gathers them into pieces for `stdout`.
   */
  readonly stdoutParts?: OutputParts;
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

/** A long output given in parts (see `CliIO.stdoutParts`). */
export interface OutputParts {
  /** Adds a text; true when output was written (a slow reader may then be waited for with `stdoutDrained`). */
  readonly part: (text: string) => boolean;
  /** Adds a text and a line feed; returns as `part` does. */
  readonly line: (text: string) => boolean;
  /** Writes the texts not written yet; true when there were any. */
  readonly flush: () => boolean;
}

/** Characters gathered into one `stdout` call when the output has no parts writer of its own. */
const PIECE_CHARS = 64 * 1024;

/**
 * The parts writer of `io`'s standard output, or one that gathers parts into
 * pieces of about 64 K characters for `io.stdout` (joined, not concatenated:
 * a string made by `+=` of many short strings costs more to write out than
 * to make). Call `flush` at the end.
 */
export function outputParts(io: CliIO): OutputParts {
  if (io.stdoutParts) return io.stdoutParts;
  let piece: string[] = [];
  let chars = 0;
  const flush = (): boolean => {
    if (piece.length === 0) return false;
    const text = piece.join('');
    piece = [];
    chars = 0;
    io.stdout(text);
    return true;
  };
  return {
    part: (text) => {
      piece.push(text);
      chars += text.length;
      return chars >= PIECE_CHARS && flush();
    },
    line: (text) => {
      piece.push(text, '\n');
      chars += text.length + 1;
      return chars >= PIECE_CHARS && flush();
    },
    flush,
  };
}

/**
 * The process's own streams. Standard output is written to its descriptor
 * (stdout-direct.ts); standard input and standard error are opened when
 * first used, not at start-up: opening a stream costs a short command time
 * (a pipe loads Node's socket code) that most commands never need.
 */
export function createProcessIO(): CliIO & { readonly written: () => boolean } {
  let opened = false;
  const stderr = whenUsed(() => {
    opened = true;
    return quietOnEpipe(process.stderr);
  });
  const stdout = new StdoutWriter();
  return {
    // Standard output is written when `write` returns; standard error is Node's stream, which
    // queues on some systems' pipes.
    written: () => !opened || process.stderr.writableLength === 0,
    // Each write is done when it returns: nothing to wait for (no stdoutDrained).
    stdout: stdout.write,
    stdoutParts: stdout,
    stderr: (t) => stderr().write(t),
    readStdin: async () => (await readAllStdin()).toString('utf8'),
    readStdinBytes: readAllStdin,
    cwd: process.cwd(),
    get stdinIsTTY() {
      return Boolean(process.stdin.isTTY);
    },
    get stdoutIsTTY() {
      return stdoutIsTerminal();
    },
    get stderrIsTTY() {
      return Boolean(stderr().isTTY);
    },
    env: process.env,
  };
}

/**
 * A stream whose reader went away (`mm run x.mm | head`) ends the process
 * quietly, with the status so far, instead of with a stack trace.
 */
export function quietOnEpipe<S extends NodeJS.WritableStream>(stream: S): S {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  return stream;
}

/** `make`'s result, made on the first call and kept. */
function whenUsed<T>(make: () => T): () => T {
  let made: { readonly value: T } | undefined;
  return () => (made ??= { value: make() }).value;
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
      // Bytes first, then the text: Node 20's own UTF-8 read of a file grows its buffer as it
      // reads and is 8-12 ms slower on a script of a few megabytes.
      text = readFileSync(resolve(io.cwd, file)).toString('utf8');
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
