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

/**
 * Writes `text` (UTF-8) to standard output through one buffer that is kept
 * and reused: a fresh buffer per write would be fresh memory each time, and
 * touching fresh pages costs more than encoding the text (about 10 µs a page
 * on the microVMs CI runs on; `mm parse` writes some 20 MB in 64 KB pieces).
 */
export class StdoutWriter {
  private scratch: Buffer | undefined;

  /** Writes `text` whole before returning. */
  readonly write = (text: string): void => {
    const size = Buffer.byteLength(text, 'utf8');
    if (!this.scratch || this.scratch.length < size) this.scratch = Buffer.allocUnsafeSlow(Math.max(size, MIN_SCRATCH));
    const bytes = this.scratch;
    bytes.write(text, 0, size, 'utf8');
    let pause: Int32Array | undefined;
    for (let at = 0; at < size; ) {
      try {
        at += writeSync(1, bytes, at, size - at);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
        if (code !== 'EAGAIN') throw e;
        pause ??= new Int32Array(new SharedArrayBuffer(4));
        Atomics.wait(pause, 0, 0, 1);
      }
    }
    // One outsized write (a huge JSON report) does not keep its buffer for the rest of the process.
    if (bytes.length > MAX_KEPT) this.scratch = undefined;
  };
}

/** The buffer's first size: the 64 KB pieces the report writers make, with room. */
const MIN_SCRATCH = 128 * 1024;
/** A buffer bigger than this is let go after its write. */
const MAX_KEPT = 4 * 1024 * 1024;

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
