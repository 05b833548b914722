/**
 * Digits marked by offset: a text with each ASCII digit replaced by a
 * private-use character naming where it stood. Lexing and matching treat
 * every digit alike (shape.ts) and a mark like a digit (both are plain word
 * characters that match no keyword), so what is made from a marked text is
 * what is made from any text of its shape, with marks where that text's
 * digits are copied: replacing the marks by a text's digits (`unmark`)
 * gives what that text makes, without making it.
 */

/** The first private-use character: the digit at offset q is marked `MARK + q`. */
const MARK = 0xe000;
/** Offsets a mark can name (the private-use area ends at U+F8FF). */
const MAX_MARKED = 0xf8ff - MARK;

/** Whether a UTF-16 unit is an ASCII digit. */
export function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** `text` with each ASCII digit replaced by the mark of its offset; undefined when too long to mark. */
export function markDigits(text: string): string | undefined {
  if (text.length > MAX_MARKED) return undefined;
  let marked = '';
  for (let q = 0; q < text.length; q++) marked += isDigitCode(text.charCodeAt(q)) ? String.fromCharCode(MARK + q) : text[q];
  return marked;
}

/**
 * The offset in `text` a character of something made from the marked text
 * stands for, or -1 when it is its own (a private-use character the text
 * itself holds is copied like any other).
 */
export function markedOffset(c: number, text: string): number {
  const q = c - MARK;
  return q >= 0 && q < text.length && isDigitCode(text.charCodeAt(q)) ? q : -1;
}

/**
 * `s` (made from a text of `text`'s shape with its digits marked) with
 * `text`'s digits in place of the marks. The result is one flat string made
 * from character codes: pieces of `s` cut around the marks would be a rope
 * of slices of a two-byte string (a mark is not Latin-1), several times the
 * size of the text it spells, and such texts are kept by the thousand
 * (every rejected line's message).
 */
export function unmark(s: string, text: string): string {
  let p = 0;
  while (p < s.length && (s.charCodeAt(p) < MARK || markedOffset(s.charCodeAt(p), text) < 0)) p++;
  if (p === s.length) return s;
  const codes = new Array<number>(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const q = i < p || c < MARK ? -1 : markedOffset(c, text);
    codes[i] = q < 0 ? c : text.charCodeAt(q);
  }
  return fromCodes(codes);
}

/** Character codes handed to `String.fromCharCode` at a time (a call's arguments are limited). */
const CODES_PER_CALL = 8192;

/** The string of `codes`: Latin-1 codes only make a one-byte string. */
function fromCodes(codes: number[]): string {
  if (codes.length <= CODES_PER_CALL) return String.fromCharCode(...codes);
  let out = '';
  for (let i = 0; i < codes.length; i += CODES_PER_CALL) out += String.fromCharCode(...codes.slice(i, i + CODES_PER_CALL));
  return out;
}
