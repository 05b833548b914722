/**
 * Standard output written straight to its descriptor rather than through
 * Node's stream for it: opening that stream loads Node's stream code, a few
 * milliseconds of every short command's start-up. Each write is whole and in
 * order before it returns (so output never queues in memory), and parts of a
 * long output wait at most for one kept buffer to fill; a descriptor
 * that would block (a non-blocking pipe whose reader is slower) is tried
 * again a millisecond later, and a reader that went away ends the process
 * quietly with the status so far, as `quietOnEpipe` does for streams.
 */
import { fstatSync, statSync, writeSync } from 'node:fs';

/**
 * Writes text (UTF-8) to a descriptor (standard output) through one buffer
 * that is kept and reused: a fresh buffer per write would be fresh memory
 * each time, and touching fresh pages costs more than encoding the text
 * (about 10 µs a page on the microVMs CI runs on; `mm parse` writes some
 * 20 MB).
 */
export class StdoutWriter {
  private scratch: Buffer | undefined;
  /** Bytes of `part` texts in `scratch`, not yet written. */
  private pending = 0;

  constructor(private readonly fd = 1) {}

  /** Writes `text` whole before returning (after the parts added before it). */
  readonly write = (text: string): void => {
    this.flush();
    const size = Buffer.byteLength(text, 'utf8');
    const bytes = this.room(size);
    bytes.write(text, 0, size, 'utf8');
    this.writeOut(bytes, size);
    // One outsized write (a huge JSON report) does not keep its buffer for the rest of the process.
    if (bytes.length > MAX_KEPT) this.scratch = undefined;
  };

  /**
   * Adds `text` to the output: it is encoded into the kept buffer at once and
   * written when the buffer is full, at the next `write` or at `flush`.
   * Thousands of short texts (a report's problems, JSON lines) cost less so
   * than one string made of them, which V8 would first copy flat. Returns
   * whether it wrote the buffer out.
   */
  readonly part = (text: string): boolean => this.add(text, false);

  /** `part` of `text` and a line feed (a line feed concatenated to the text would be a string to copy flat). */
  readonly line = (text: string): boolean => this.add(text, true);

  private add(text: string, lf: boolean): boolean {
    // A UTF-16 unit is at most 3 bytes of UTF-8, so a text that fits by this measure is written whole.
    const most = text.length * 3 + 1;
    let wrote = false;
    if (this.pending + most > (this.scratch?.length ?? MIN_SCRATCH)) {
      wrote = this.flush();
      if (most > MIN_SCRATCH) {
        this.write(lf ? `${text}\n` : text);
        return true;
      }
    }
    // `utf8Write` is what `write(text, offset, 'utf8')` calls once it has sorted its arguments out:
    // a tenth of the cost of a short part.
    const bytes = this.room(MIN_SCRATCH) as Buffer & { utf8Write(text: string, offset: number): number };
    this.pending += bytes.utf8Write(text, this.pending);
    if (lf) bytes[this.pending++] = 0x0a;
    return wrote;
  }

  /** Writes the parts added so far; returns whether there were any. */
  readonly flush = (): boolean => {
    const size = this.pending;
    if (size === 0) return false;
    this.pending = 0;
    this.writeOut(this.scratch!, size);
    return true;
  };

  /** The kept buffer, grown to at least `size` bytes (only when no part is pending in it). */
  private room(size: number): Buffer {
    if (!this.scratch || this.scratch.length < size) this.scratch = Buffer.allocUnsafeSlow(Math.max(size, MIN_SCRATCH));
    return this.scratch;
  }

  private writeOut(bytes: Buffer, size: number): void {
    let pause: Int32Array | undefined;
    for (let at = 0; at < size; ) {
      try {
        at += writeSync(this.fd, bytes, at, size - at);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
        if (code !== 'EAGAIN') throw e;
        pause ??= new Int32Array(new SharedArrayBuffer(4));
        Atomics.wait(pause, 0, 0, 1);
      }
    }
  }
}

/** The buffer's first size: parts are written out each time about this much has gathered. */
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
