/**
 * The message writer of the stdio transport: the library's writer and
 * framing, with every message's JSON encoded into one buffer that is kept and
 * reused. Each version of a long document publishes its whole list of
 * diagnostics (about 600 KB of JSON for 2,000 problems), and a fresh buffer
 * of that size is fresh memory every time: on the microVMs CI and many
 * developers' sandboxes run on, touching a fresh page costs about 10 µs, so
 * the fresh buffer cost more than making the JSON (4.5 ms against 2.6 ms a
 * publication). A buffer is reused only once the stream has taken all of the
 * previous message (its write callback ran); a message encoded while the last
 * is still being written gets a buffer of its own.
 */
import { Disposable, WriteableStreamMessageWriter, type Message, type RAL } from 'vscode-languageserver/node';

/** Messages bigger than this are encoded into a buffer of their own, not kept after. */
const MAX_KEPT_BYTES = 16 * 1024 * 1024;
/** The kept buffer's first size. */
const FIRST_BYTES = 64 * 1024;
/**
 * Elements of an array stringified at a time. V8 returns a long JSON text as
 * a rope that it flattens, in fresh memory, before it can be written; pieces
 * of this many diagnostics (about 20 KB) stay small and are made where short
 * strings are.
 */
const CHUNK = 64;
/** Objects this deep or deeper are stringified whole (the long arrays of LSP messages are near the top). */
const SPLIT_DEPTH = 4;

/**
 * JSON its maker writes as bytes itself: a long array of pieces kept from one
 * message to the next (the published diagnostics), which the writer copies in
 * without a string being made of them. Any other serialiser (the IPC
 * transport, tracing) reads it back through `toJSON`.
 */
export abstract class PreEncodedJson {
  /** Bytes the JSON takes at most. */
  abstract maxBytes(): number;

  /** Writes the JSON (UTF-8) into `out` from `at`, where there is room for `maxBytes()`; returns the offset after it. */
  abstract writeInto(out: Uint8Array, at: number): number;

  toJSON(): unknown {
    const bytes = Buffer.allocUnsafe(this.maxBytes());
    return JSON.parse(bytes.toString('utf8', 0, this.writeInto(bytes, 0)));
  }
}

/** application/json, encoded into a buffer that is reused once the stream is done with it. */
export class ReusedBufferEncoder {
  readonly name = 'application/json';
  private kept: Buffer | undefined;
  /** The view of `kept` handed to the stream and not written yet. */
  private lent: Uint8Array | undefined;
  private out: Buffer = Buffer.alloc(0);
  private size = 0;

  encode(msg: Message): Promise<Uint8Array> {
    try {
      if (this.lent !== undefined) return Promise.resolve(Buffer.from(JSON.stringify(msg), 'utf8'));
      this.kept ??= Buffer.allocUnsafeSlow(FIRST_BYTES);
      this.out = this.kept;
      this.size = 0;
      this.value(withToJSON(msg, ''), 0);
      if (this.out.length > MAX_KEPT_BYTES) {
        // Written once into a buffer of its own: the next message starts small again.
        const own = this.out.subarray(0, this.size);
        this.kept = undefined;
        return Promise.resolve(own);
      }
      this.kept = this.out;
      this.lent = this.kept.subarray(0, this.size);
      return Promise.resolve(this.lent);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /** The stream is done with `data`: the kept buffer may be used again if `data` was its view. */
  written(data: Uint8Array): void {
    if (data === this.lent) this.lent = undefined;
  }

  /** Writes the JSON of `v` as `JSON.stringify` makes it, long arrays in pieces. */
  private value(v: unknown, depth: number): void {
    if (v instanceof PreEncodedJson) {
      this.room(v.maxBytes());
      this.size = v.writeInto(this.out, this.size);
      return;
    }
    if (v === null || typeof v !== 'object' || depth >= SPLIT_DEPTH || !(Array.isArray(v) || isPlain(v))) {
      this.text(JSON.stringify(v) ?? 'null');
      return;
    }
    if (Array.isArray(v)) {
      this.text('[');
      for (let i = 0; i < v.length; i += CHUNK) {
        // `[a,b]` of each piece without its brackets; a piece's holes and undefined become null, as whole.
        const piece = i === 0 && v.length <= CHUNK ? JSON.stringify(v) : JSON.stringify(v.slice(i, i + CHUNK));
        if (i > 0) this.text(',');
        this.text(piece.slice(1, -1));
      }
      this.text(']');
      return;
    }
    this.text('{');
    let first = true;
    for (const key of Object.keys(v)) {
      const x = withToJSON((v as Record<string, unknown>)[key], key);
      if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
      this.text(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
      first = false;
      this.value(x, depth + 1);
    }
    this.text('}');
  }

  private text(s: string): void {
    const bytes = Buffer.byteLength(s, 'utf8');
    this.room(bytes);
    this.size += this.out.write(s, this.size, bytes, 'utf8');
  }

  /** Makes room for `bytes` more after what is written. */
  private room(bytes: number): void {
    if (this.size + bytes <= this.out.length) return;
    const grown = Buffer.allocUnsafeSlow(Math.max(this.size + bytes, this.out.length * 2));
    this.out.copy(grown, 0, 0, this.size);
    this.out = grown;
  }
}

/** What `JSON.stringify` writes for `v` under `key`: its `toJSON(key)`, when it has one. */
function withToJSON(v: unknown, key: string): unknown {
  if (v instanceof PreEncodedJson || v === null || typeof v !== 'object') return v;
  const toJSON = (v as { toJSON?: unknown }).toJSON;
  return typeof toJSON === 'function' ? (toJSON as (key: string) => unknown).call(v, key) : v;
}

/** An object of Object's own kind (boxed values, dates and class instances are left to `JSON.stringify`). */
function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** A Node stream as the library's writable, telling the encoder when each buffer has been written. */
class NotifyingStream implements RAL.WritableStream {
  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly encoder: ReusedBufferEncoder,
  ) {}

  onClose(listener: () => void): Disposable {
    return this.on('close', listener);
  }
  onError(listener: (error: unknown) => void): Disposable {
    return this.on('error', listener);
  }
  onEnd(listener: () => void): Disposable {
    return this.on('end', listener);
  }
  write(data: Uint8Array | string, encoding?: RAL.MessageBufferEncoding): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (error?: Error | null): void => {
        if (typeof data !== 'string') this.encoder.written(data);
        if (error) reject(error);
        else resolve();
      };
      if (typeof data === 'string') this.stream.write(data, encoding as BufferEncoding, done);
      else this.stream.write(data, done);
    });
  }
  end(): void {
    this.stream.end();
  }

  private on(event: string, listener: (...args: unknown[]) => void): Disposable {
    this.stream.on(event, listener);
    return Disposable.create(() => this.stream.off(event, listener));
  }
}

/** The writer of LSP messages on `stream` (the process's stdout). */
export function createStreamWriter(stream: NodeJS.WritableStream): WriteableStreamMessageWriter {
  const encoder = new ReusedBufferEncoder();
  return new WriteableStreamMessageWriter(new NotifyingStream(stream, encoder), { charset: 'utf-8', contentTypeEncoder: encoder });
}
