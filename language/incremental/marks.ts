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

/** `s` (made from a text of `text`'s shape with its digits marked) with `text`'s digits in place of the marks. */
export function unmark(s: string, text: string): string {
  let out: string | undefined;
  let from = 0;
  for (let p = 0; p < s.length; p++) {
    const c = s.charCodeAt(p);
    if (c < MARK) continue;
    const q = markedOffset(c, text);
    if (q < 0) continue;
    out = (out ?? '') + s.slice(from, p) + text[q];
    from = p + 1;
  }
  return out === undefined ? s : out + s.slice(from);
}
