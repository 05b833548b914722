/**
 * Go's `encoding/json` encoding of a batch (`json.Marshal(Responses)`):
 * compact, fields in struct order, HTML-safe string escaping.
 */
import type { Batch, Response } from '../contracts/responses.js';

const HEX = '0123456789abcdef';
/** Everything Go escapes, plus surrogates (to detect unpaired ones). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: Go escapes exactly these control characters
const NEEDS_ESCAPE = /["\\\u0000-\u001f<>&\u2028\u2029\uD800-\uDFFF]/;

function escapeUnit(c: number): string {
  switch (c) {
    case 0x22:
      return '\\"';
    case 0x5c:
      return '\\\\';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x2028:
      return '\\u2028';
    case 0x2029:
      return '\\u2029';
  }
  // Go 1.6/1.7 (which built 2.3) had no \b or \f short forms: \u0008, \u000c.
  return '\\u00' + HEX[c >> 4]! + HEX[c & 0xf]!;
}

/**
 * A Go JSON string literal. `<`, `>`, `&` become `\u003c`, `\u003e`,
 * `\u0026`; an unpaired surrogate (invalid UTF-8 once encoded) becomes the
 * escape `\ufffd`, as Go writes for invalid bytes.
 */
export function goJsonString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return '"' + s + '"';
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      out += s.slice(start, i) + '\\ufffd';
      start = i + 1;
      continue;
    }
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c && c !== 0x3c && c !== 0x3e && c !== 0x26 && c !== 0x2028 && c !== 0x2029) continue;
    out += s.slice(start, i) + escapeUnit(c);
    start = i + 1;
  }
  return out + s.slice(start) + '"';
}

function stringArray(a: readonly string[]): string {
  if (a.length === 0) return '[]';
  for (const s of a) if (NEEDS_ESCAPE.test(s)) return '[' + a.map(goJsonString).join(',') + ']';
  // Nothing to escape: one join per row instead of a string per cell.
  return '["' + a.join('","') + '"]';
}

/**
 * One `minicli.Response` as Go encodes it. `data`, when given, is the JSON
 * of minimega 3.1's `Data` member, written last (2.3 has no such member).
 */
export function responseJson(r: Response, data?: string): string {
  const header = r.header === null ? 'null' : stringArray(r.header);
  const tabular = r.tabular === null ? 'null' : '[' + r.tabular.map(stringArray).join(',') + ']';
  return (
    `{"Host":${goJsonString(r.host)},"Response":${goJsonString(r.response)},` +
    `"Header":${header},"Tabular":${tabular},"Error":${goJsonString(r.error)}` +
    (data === undefined ? '}' : `,"Data":${data}}`)
  );
}

/** The JSON document minicli prints for a batch in json mode (no trailing LF). */
export function renderJson(batch: Batch, data = false): string {
  return '[' + batch.map((r) => responseJson(r, data ? 'null' : undefined)).join(',') + ']';
}
