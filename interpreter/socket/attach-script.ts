/**
 * Running a script's lines on a daemon over its socket, as `read` would run
 * them there: each line is checked by `mm`'s language first (a line that
 * does not compile stops the script and is not sent), then sent, and its
 * frames are handed on as they arrive. A `quit` ends the run when the
 * daemon closes the connection.
 */
import { splitLines } from '../../language/index.js';
import type { LineCheck, LineChecker } from './client-languages.js';
import { DaemonClosedError, type SocketClient } from './socket-client.js';
import { frameErrors } from './frame-printing.js';
import type { ReadFrame } from './frame-reading.js';

/** Receives a run's lines and frames, in order; may return a promise to slow the run down (a slow stdout). */
export interface AttachSink {
  /** A line, before its frames. */
  line(index: number, text: string, check: LineCheck): void | Promise<void>;
  /** One frame of the line at `index`. */
  frame(index: number, frame: ReadFrame): void | Promise<void>;
}

export interface AttachResult {
  /** A command answered an error, or a line did not compile. */
  readonly failed: boolean;
  /** A `quit` was sent: the daemon is stopping, later lines and files are not run. */
  readonly quit: boolean;
}

/** Runs `text` line by line on the daemon. Rejects when the connection is lost other than by `quit`. */
export async function runScriptOnSocket(client: SocketClient, checker: LineChecker, text: string, sink: AttachSink): Promise<AttachResult> {
  let failed = false;
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const check = checker.check(lines[i]!);
    await sink.line(i, lines[i]!, check);
    if (check.kind === 'skip') continue;
    if (check.kind === 'invalid') return { failed: true, quit: false };
    try {
      await client.command(check.text, (frame) => {
        if (frameErrors(frame).length > 0) failed = true;
        return sink.frame(i, frame);
      });
    } catch (e) {
      if (check.quits && e instanceof DaemonClosedError) return { failed, quit: true };
      throw e;
    }
    check.sent();
    // `quit N` answers first and stops the daemon after that delay.
    if (check.quits) return { failed, quit: true };
  }
  return { failed, quit: false };
}
