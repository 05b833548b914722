/**
 * Go string semantics that minicli relies on and JavaScript does not share:
 * `unicode.IsSpace`, `strings.TrimSpace`, `strconv.Quote`, `strconv.Atoi`.
 */

/** Go's unicode.IsSpace set (not JavaScript's `\s`: no U+FEFF, but U+0085). */
export const GO_SPACE_CLASS = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/** One Go space (no `g` flag: `test` keeps no state). */
export const GO_SPACE_RE = new RegExp(`[${GO_SPACE_CLASS}]`);
const LEADING_SPACE_RE = new RegExp(`^[${GO_SPACE_CLASS}]+`);
const TRAILING_SPACE_RE = new RegExp(`[${GO_SPACE_CLASS}]+$`);

/** True when `ch` (one code point) is white space for Go's `unicode.IsSpace`. */
export function isGoSpace(ch: string): boolean {
  // Every Go space is one UTF-16 unit; a regular expression per character costs start-up time (the catalog's patterns are read character by character).
  return ch.length === 1 ? isGoSpaceCode(ch.charCodeAt(0)) : ch.length > 0 && GO_SPACE_RE.test(ch);
}

/** True when the UTF-16 unit `c` is white space for Go's `unicode.IsSpace` (`GO_SPACE_CLASS`). */
export function isGoSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** Go's `strings.TrimSpace`. */
export function goTrimSpace(s: string): string {
  return s.replace(LEADING_SPACE_RE, '').replace(TRAILING_SPACE_RE, '');
}

/** Number of leading characters (UTF-16 units) that `goTrimSpace` removes. */
export function goLeadingSpaceLength(s: string): number {
  const m = LEADING_SPACE_RE.exec(s);
  return m ? m[0].length : 0;
}

/** Length in code points, the unit Go's tabwriter and minicli count in. */
export function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

const MAX_INT64 = 9223372036854775807n;
const MIN_INT64 = -9223372036854775808n;

/**
 * Go's `strconv.Atoi` on a 64-bit platform: optional sign, ASCII digits,
 * within int64. Returns undefined when Go would return an error.
 */
export function goAtoi(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const v = BigInt(s);
  if (v > MAX_INT64 || v < MIN_INT64) return undefined;
  return v;
}

/** The error text of Go's `strconv.Atoi` for input that does not parse. */
export function atoiError(s: string): string {
  if (/^[+-]?[0-9]+$/.test(s)) return `strconv.Atoi: parsing ${goQuote(s)}: value out of range`;
  return `strconv.Atoi: parsing ${goQuote(s)}: invalid syntax`;
}

/**
 * Go's `strconv.ParseUint(s, 0, bitSize)`: base prefixes (`0x`, `0b`, `0o`,
 * `0`) and underscores allowed. Returns the value, or Go's error text.
 */
export function goParseUint(s: string, bitSize = 64): number | string {
  const t = s.replace(/_/g, '');
  let n: bigint;
  if (/^0[xX][0-9a-fA-F]+$/.test(t)) n = BigInt(t);
  else if (/^0[bB][01]+$/.test(t)) n = BigInt(t);
  else if (/^0[oO]?[0-7]+$/.test(t)) n = BigInt('0o' + t.replace(/^0[oO]?/, ''));
  else if (/^(0|[1-9][0-9]*)$/.test(t)) n = BigInt(t);
  else return `strconv.ParseUint: parsing ${goQuote(s)}: invalid syntax`;
  if (n >= 1n << BigInt(bitSize)) return `strconv.ParseUint: parsing ${goQuote(s)}: value out of range`;
  return Number(n);
}

/**
 * Go's `strconv.ParseInt(s, 10, 32)`: returns the value or undefined.
 */
export function goParseInt32(s: string): number | undefined {
  const v = goAtoi(s);
  if (v === undefined || v > 2147483647n || v < -2147483648n) return undefined;
  return Number(v);
}

function isPrintable(cp: number): boolean {
  // Approximation of Go's unicode.IsPrint: no controls, no surrogates, no
  // unassigned format characters commonly met in scripts.
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return false;
  if (cp === 0xad) return false;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  if (cp === 0xfeff || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202e)) return false;
  if (cp >= 0x2060 && cp <= 0x206f) return false;
  if (cp === 0xfffe || cp === 0xffff) return false;
  if (cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x205f || cp === 0x3000) {
    // Go's IsPrint treats only U+0020 as a printable space.
    return false;
  }
  return true;
}

/** Go's `strconv.Quote`: a double-quoted Go string literal. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\x07':
        out += '\\a';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\v':
        out += '\\v';
        continue;
    }
    if (isPrintable(cp)) {
      out += ch;
    } else if (cp === 0xfffd) {
      out += ch;
    } else if (cp < 0x80) {
      out += '\\x' + cp.toString(16).padStart(2, '0');
    } else if (cp < 0x10000) {
      out += '\\u' + cp.toString(16).padStart(4, '0');
    } else {
      out += '\\U' + cp.toString(16).padStart(8, '0');
    }
  }
  return out + '"';
}

/**
 * What a bare run of minicli's lexer cannot hold (white space, quotes,
 * backslash, `#`), as the inside of a regular-expression class.
 */
export const NOT_BARE_CLASS = `${GO_SPACE_CLASS}"'\\\\#`;

const NEEDS_QUOTES = new RegExp(`^$|[${NOT_BARE_CLASS}]`);

/** Whether `v` is one bare run: the lexer reads it back as itself, unquoted. */
export function isBareWord(v: string): boolean {
  return !NEEDS_QUOTES.test(v);
}
const QUOTE_ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A double-quoted word minicli's lexer reads back as exactly `v` (only escapes it knows). */
export function quoteAlways(v: string): string {
  return '"' + v.replace(/[\\"\n\r\t]/g, (c) => QUOTE_ESCAPES[c]!) + '"';
}

/** `v` as one word of a command line: quoted only when the lexer would not read it back as is. */
export function quoteWord(v: string): string {
  return isBareWord(v) ? v : quoteAlways(v);
}

/**
 * Splits a file's text into lines the way Go's `bufio.Scanner` does: on LF,
 * dropping one trailing CR per line; a final line without LF still counts and a
 * file ending in LF has no extra empty line.
 */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  // Most files have no CR: their lines are the parts, not a second array of them.
  if (!text.includes('\r')) return parts;
  return parts.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/**
 * `splitLines(text)` in consecutive slices of at most `size` lines, each
 * made when the one before is done with: a long file's lines are then let
 * go slice by slice instead of all living as long as the last.
 */
export function* lineSlices(text: string, size: number): Generator<string[]> {
  const end = text.length;
  let at = 0;
  while (at < end) {
    // Made at its full size and cut to the lines it got (the last slice): an array grown a push
    // at a time is copied as it grows.
    const slice = new Array<string>(size);
    let n = 0;
    while (n < size && at < end) {
      let nl = text.indexOf('\n', at);
      if (nl < 0) nl = end;
      // One CR before the line's end is dropped.
      slice[n++] = text.slice(at, nl > at && text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl);
      at = nl + 1;
    }
    slice.length = n;
    yield slice;
  }
}

/**
 * A whole number with its digits grouped by three (1000000 as 1,000,000),
 * as `toLocaleString('en-US')` writes it, without it: the first call of that
 * loads the ICU's number formats, about 20 ms of a command's start-up.
 */
export function groupThousands(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
