/**
 * Reading LSP's base protocol (`Content-Length: N\r\n\r\n` + N bytes of
 * JSON) from a stream that may be broken. The stock reader stops making
 * sense of the stream after one bad header and waits forever on a huge
 * length; this one answers what it cannot read with JSON-RPC's parse error
 * (-32700, id null) and resynchronises on the next `Content-Length:` header.
 */
import type { Readable } from 'node:stream';

/** Largest message accepted (a whole document of the largest size an editor sends, with room). */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** Longest header block: real ones are under a hundred bytes. */
const MAX_HEADER_BYTES = 8 * 1024;

const HEADER_END = Buffer.from('\r\n\r\n');
const LENGTH_FIELD = /^content-length$/i;

/** What the framing layer hands on: a parsed JSON value, or a problem to answer with -32700. */
export type Framed = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

/**
 * Splits `stream` into messages, calling `onMessage` for each in order.
 * Never throws; resolves nothing. `onClose` runs once when the stream ends.
 */
export function readFramed(stream: Readable, onMessage: (m: Framed) => void, onClose: () => void): void {
  let buffer: Buffer = Buffer.alloc(0);
  let bodyLength = -1;
  const fail = (error: string): void => onMessage({ ok: false, error });
  /** Drops bytes up to the next `Content-Length:` (or keeps what could be the start of one). */
  const resync = (from: number): void => {
    const text = buffer.toString('latin1');
    const re = /content-length:/gi;
    re.lastIndex = from;
    const m = re.exec(text);
    if (m) buffer = buffer.subarray(m.index);
    else buffer = buffer.subarray(Math.max(from, buffer.length - 'content-length:'.length));
  };
  const step = (): boolean => {
    if (bodyLength < 0) {
      const end = buffer.indexOf(HEADER_END);
      if (end < 0) {
        if (buffer.length > MAX_HEADER_BYTES) {
          fail('no header block end (\\r\\n\\r\\n) in time');
          resync(1);
          return buffer.length > 0;
        }
        return false;
      }
      const length = contentLength(buffer.subarray(0, end).toString('latin1'));
      if (typeof length === 'string') {
        fail(length);
        resync(1);
        return true;
      }
      buffer = buffer.subarray(end + HEADER_END.length);
      bodyLength = length;
    }
    if (buffer.length < bodyLength) return false;
    const body = buffer.subarray(0, bodyLength);
    buffer = buffer.subarray(bodyLength);
    bodyLength = -1;
    let value: unknown;
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch {
      fail('the message is not JSON');
      return true;
    }
    onMessage({ ok: true, value });
    return true;
  };
  // The chunks of a body not whole yet, joined once it is: joining at every chunk would copy a
  // 64 MiB message's bytes hundreds of times over (a minute of CPU for one message).
  let waiting: Buffer[] = [];
  let waitingBytes = 0;
  stream.on('data', (chunk: Buffer) => {
    if (bodyLength >= 0 && buffer.length + waitingBytes + chunk.length < bodyLength) {
      waiting.push(chunk);
      waitingBytes += chunk.length;
      return;
    }
    buffer = buffer.length === 0 && waiting.length === 0 ? chunk : Buffer.concat([buffer, ...waiting, chunk]);
    waiting = [];
    waitingBytes = 0;
    while (buffer.length > 0 && step()) {
      // Each step consumes a message or a broken piece of the stream.
    }
  });
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    onClose();
  };
  stream.on('end', close);
  stream.on('close', close);
  stream.on('error', close);
}

/** The Content-Length of a header block, or what is wrong with it. */
function contentLength(headers: string): number | string {
  let length: number | string = 'no Content-Length header';
  for (const line of headers.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) return `malformed header line ${JSON.stringify(line.slice(0, 80))}`;
    if (!LENGTH_FIELD.test(line.slice(0, colon).trim())) continue;
    const v = line.slice(colon + 1).trim();
    if (!/^[0-9]{1,10}$/.test(v)) return `Content-Length ${JSON.stringify(v.slice(0, 20))} is not a number`;
    const n = Number(v);
    if (n > MAX_MESSAGE_BYTES) return `Content-Length ${n} is over the limit of ${MAX_MESSAGE_BYTES} bytes`;
    length = n;
  }
  return length;
}
