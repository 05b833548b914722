/**
 * Running a script's text on a real minimega over its socket, with the
 * transcript and the errors per line as results: what the VS Code command
 * *minimega: Run Script on minimega* runs (the same checks and the same
 * output as `mm run --attach --transcript`).
 */
import { runScriptOnSocket } from './attach-script.js';
import { CLIENT_LANGUAGES } from './client-languages.js';
import { connectSocket } from './socket-client.js';
import { frameErrors, frameTranscript } from './frame-printing.js';
import { DEFAULT_SOCKET_DIALECT, type SocketDialect } from './protocol.js';
import { resolveSocketPath } from './socket-file.js';

export interface SocketRunOptions {
  /** The socket, or its base directory ("" for /tmp/minimega/minimega). */
  readonly socket: string;
  /** The dialect lines are checked in and the daemon must speak (default 2.3). */
  readonly dialect?: SocketDialect;
  /** Directory a relative `socket` is resolved against. */
  readonly cwd?: string;
}

export interface SocketRunResult {
  /** The socket that was used. */
  readonly socket: string;
  /** minitest's transcript: `## line`, `E: error`, rendered output. */
  readonly transcript: string;
  /** Every error with its one-based line number (the host in parentheses). */
  readonly errors: readonly { readonly line: number; readonly message: string }[];
  /** 0, or 1 when a command failed or a line did not compile (as `mm run --attach`). */
  readonly exitCode: number;
}

/** Runs `text` on the daemon at `options.socket`. Rejects when it cannot be reached or speaks another dialect. */
export async function runScriptOnMinimega(text: string, options: SocketRunOptions): Promise<SocketRunResult> {
  const dialect = options.dialect ?? DEFAULT_SOCKET_DIALECT;
  const socket = resolveSocketPath(options.socket, options.cwd ?? process.cwd());
  let transcript = '';
  const errors: { line: number; message: string }[] = [];
  const client = await connectSocket(socket, dialect, { onStatus: (f) => (transcript += frameTranscript(f)) });
  try {
    const r = await runScriptOnSocket(client, CLIENT_LANGUAGES[dialect].createChecker(), text, {
      line(i, line, check) {
        transcript += line !== '' ? `## ${line}\n` : '\n';
        if (check.kind === 'invalid') {
          transcript += `E: ${check.error}\n`;
          errors.push({ line: i + 1, message: check.error });
        }
      },
      frame(i, frame) {
        transcript += frameTranscript(frame);
        for (const e of frameErrors(frame)) errors.push({ line: i + 1, message: e.host !== '' ? `${e.error} (${e.host})` : e.error });
      },
    });
    return { socket, transcript, errors, exitCode: r.failed ? 1 : 0 };
  } finally {
    client.close();
  }
}
