/**
 * Response frames as minimega's server writes them with Go's stream encoder:
 * one compact JSON object per line, fields in declaration order, Go's string
 * escaping, then exactly one LF. What differs between dialects (the `Data`,
 * `Status` and `Suggest` members) is the frame shape, given as data.
 *
 * A frame comes out in pieces, so that the text of a 100,000-row table is
 * escaped and written chunk by chunk instead of as one string.
 */
import type { Batch, JsonValue } from '../contracts/responses.js';
import { goJsonString, responseJson } from '../render/index.js';

/** The members a dialect's frames carry beyond `Resp`, `Rendered` and `More`. */
export interface FrameShape {
  /** Each response carries `Data` (3.1). */
  readonly data: boolean;
  /** Frames carry `Status` (3.1). */
  readonly status: boolean;
  /** Frames carry `Suggest` when it has candidates (3.1). */
  readonly suggest: boolean;
}

/** One frame to write. */
export interface Frame {
  /** The batch, or null when there is none. */
  readonly resp: Batch | null;
  /** `Rendered`, in chunks (none: ""). */
  readonly rendered: Iterable<string>;
  readonly more: boolean;
  /** An unsolicited progress message (3.1 only). */
  readonly status?: boolean;
  /** Completion candidates (3.1 only). */
  readonly suggest?: readonly string[];
}

/** A frame's bytes as text pieces; the last piece ends with the frame's LF. */
export function* encodeFrame(frame: Frame, shape: FrameShape): Generator<string, void, undefined> {
  yield `{"Resp":${frame.resp === null ? 'null' : ''}`;
  if (frame.resp !== null) {
    yield '[';
    let first = true;
    for (const r of frame.resp) {
      yield (first ? '' : ',') + responseJson(r, shape.data ? goJsonValue(r.payload ?? null) : undefined);
      first = false;
    }
    yield ']';
  }
  yield ',"Rendered":';
  yield* goJsonStringChunks(frame.rendered);
  let tail = `,"More":${frame.more}`;
  if (shape.status) tail += `,"Status":${frame.status === true}`;
  // Go's `omitempty`: no key at all when there are no candidates.
  if (shape.suggest && frame.suggest !== undefined && frame.suggest.length > 0) {
    tail += `,"Suggest":[${frame.suggest.map(goJsonString).join(',')}]`;
  }
  yield tail + '}\n';
}

/**
 * A Go JSON string literal over text given in chunks. A chunk that ends
 * inside a surrogate pair keeps its high half for the next chunk, so a pair
 * split by chunking is not mistaken for invalid text.
 */
export function* goJsonStringChunks(chunks: Iterable<string>): Generator<string, void, undefined> {
  yield '"';
  let carry = '';
  for (const chunk of chunks) {
    let text = carry + chunk;
    carry = '';
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      carry = text.slice(-1);
      text = text.slice(0, -1);
    }
    if (text !== '') yield goJsonString(text).slice(1, -1);
  }
  if (carry !== '') yield goJsonString(carry).slice(1, -1);
  yield '"';
}

/** A JSON value as Go's encoder writes it: compact, Go's string escaping, keys in the object's order. */
export function goJsonValue(v: JsonValue): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return String(v);
    case 'number':
      // Go refuses NaN and infinities; JavaScript's shortest form otherwise matches Go's.
      return Number.isFinite(v) ? String(v) : 'null';
    case 'string':
      return goJsonString(v);
  }
  if (Array.isArray(v)) return '[' + (v as readonly JsonValue[]).map(goJsonValue).join(',') + ']';
  const parts: string[] = [];
  for (const [k, e] of Object.entries(v as { readonly [key: string]: JsonValue })) parts.push(`${goJsonString(k)}:${goJsonValue(e)}`);
  return '{' + parts.join(',') + '}';
}
