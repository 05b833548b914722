/**
 * The JSON of published diagnostics, made from bytes kept per diagnostic.
 * Every version of a long document publishes its whole list (2,000 problems
 * are about 600 KB of JSON), and from one version to the next almost all of
 * them are the same objects: a line's own problems are shared by every line
 * of that text and only moved to their line, and the script-level ones are
 * kept while no edit can change them. So each object's JSON, all but its
 * range, is encoded once (UTF-8) and kept while the object lives; a
 * publication copies those bytes into the writer's buffer with the ranges
 * written in, and no string of the whole list, or of any one diagnostic, is
 * made.
 */
import type { Diagnostic } from '../language/index.js';
import { toLspDiagnostic } from './lsp-util.js';
import { PreEncodedJson } from './lsp-writer.js';

/** Encodes diagnostics for publishing, remembering each one's JSON. */
export class DiagnosticsJson {
  /** By diagnostic: its LSP JSON after the range, from the comma on (`,"severity":1,...}`), as UTF-8. */
  private readonly tails = new WeakMap<Diagnostic, Uint8Array>();

  /**
   * The LSP diagnostics of `list`, in order, as pre-encoded JSON. `bases[i]`
   * is the object `list[i]` was placed from (the same but for its range),
   * whose JSON is the one kept.
   */
  encode(list: readonly Diagnostic[], bases: readonly Diagnostic[]): PreEncodedJson {
    const tails = new Array<Uint8Array>(list.length);
    let bytes = 2;
    for (let i = 0; i < list.length; i++) {
      const base = bases[i] ?? list[i]!;
      let tail = this.tails.get(base);
      if (tail === undefined) this.tails.set(base, (tail = Buffer.from(tailOf(base), 'utf8')));
      tails[i] = tail;
      bytes += tail.length + MAX_RANGE_BYTES + 1;
    }
    return new EncodedDiagnostics(list, tails, bytes);
  }
}

/** What follows the range in a diagnostic's JSON, toLspDiagnostic's fields in its order. */
function tailOf(d: Diagnostic): string {
  const { range: _range, ...rest } = toLspDiagnostic(d);
  const json = JSON.stringify(rest);
  return json === '{}' ? '}' : `,${json.slice(1)}`;
}

/** A list of diagnostics as their ranges and the kept bytes of the rest. */
class EncodedDiagnostics extends PreEncodedJson {
  constructor(
    private readonly list: readonly Diagnostic[],
    private readonly tails: readonly Uint8Array[],
    private readonly bytes: number,
  ) {
    super();
  }

  maxBytes(): number {
    return this.bytes;
  }

  writeInto(out: Uint8Array, at: number): number {
    out[at++] = 0x5b; // [
    for (let i = 0; i < this.list.length; i++) {
      if (i > 0) out[at++] = 0x2c; // ,
      const r = this.list[i]!.range;
      out.set(RANGE_START, at);
      at = writeNumber(out, at + RANGE_START.length, r.start.line);
      out.set(CHARACTER, at);
      at = writeNumber(out, at + CHARACTER.length, r.start.character);
      out.set(RANGE_END, at);
      at = writeNumber(out, at + RANGE_END.length, r.end.line);
      out.set(CHARACTER, at);
      at = writeNumber(out, at + CHARACTER.length, r.end.character);
      out[at++] = 0x7d; // }
      out[at++] = 0x7d;
      const tail = this.tails[i]!;
      out.set(tail, at);
      at += tail.length;
    }
    out[at++] = 0x5d; // ]
    return at;
  }
}

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const RANGE_START = ascii('{"range":{"start":{"line":');
const CHARACTER = ascii(',"character":');
const RANGE_END = ascii('},"end":{"line":');
/** The longest number JSON.stringify writes (`-1.2345678901234567e-308`, or `null`) has 24 characters. */
const MAX_NUMBER = 24;
const MAX_RANGE_BYTES = RANGE_START.length + RANGE_END.length + 2 * CHARACTER.length + 2 + 4 * MAX_NUMBER;

/** Writes `n` as JSON.stringify does (digits alone for the usual line and character); returns the offset after it. */
function writeNumber(out: Uint8Array, at: number, n: number): number {
  if (n >= 0 && n < 10 && Number.isInteger(n)) {
    out[at] = 0x30 + n;
    return at + 1;
  }
  const s = Number.isSafeInteger(n) && n >= 0 ? String(n) : (JSON.stringify(n) ?? 'null');
  for (let k = 0; k < s.length; k++) out[at + k] = s.charCodeAt(k);
  return at + s.length;
}
