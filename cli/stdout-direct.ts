/**
 * Standard output written straight to its descriptor rather than through
 * Node's stream for it: opening that stream loads Node's stream code, a few
 * milliseconds of every short command's start-up. Each write is whole and in
 * order before it returns (so output never queues in memory); a descriptor
 * that would block (a non-blocking pipe whose reader is slower) is tried
 * again a millisecond later, and a reader that went away ends the process
 * quietly with the status so far, as `quietOnEpipe` does for streams.
 */
import { fstatSync, statSync, writeSync } from 'node:fs';

/** Writes `text` (UTF-8) to standard output. */
export function writeStdout(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let pause: Int32Array | undefined;
  for (let at = 0; at < bytes.length; ) {
    try {
      at += writeSync(1, bytes, at, bytes.length - at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      if (code !== 'EAGAIN') throw e;
      pause ??= new Int32Array(new SharedArrayBuffer(4));
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}

/** Whether standard output is a terminal, without opening Node's stream for it unless it may be one. */
export function stdoutIsTerminal(): boolean {
  try {
    const st = fstatSync(1);
    if (!st.isCharacterDevice()) return false;
    // /dev/null (where discarded output goes) is a character device too, and no terminal.
    if (st.rdev === statSync('/dev/null').rdev) return false;
  } catch {
    // No descriptor 1, or no /dev/null: the stream knows.
  }
  return Boolean(process.stdout.isTTY);
}
