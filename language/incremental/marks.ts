/**
 * Digits marked by offset: a text with each ASCII digit replaced by a
 * private-use character naming where it stood. Lexing and matching treat
 * every digit alike (shape.ts) and a mark like a digit (both are plain word
 * characters that match no keyword), so what is made from a marked text is
 * what is made from any text of its shape, with marks where that text's
 * digits are copied: replacing the marks by a text's digits (`unmarkWith`)
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
 * How to put a text's digits into a string made from its shape's marked
 * text: the pieces of the string between the marks, and the runs of the
 * text the marks stand for (`pieces` is one longer than `starts` and
 * `ends`; consecutive marks of consecutive digits make one run). Worked out
 * once per string of a template, against the template's own text: texts of
 * one shape have their digits at the same offsets, so which private-use
 * characters are marks is the same for all of them.
 */
export interface Unmarking {
  readonly pieces: readonly string[];
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

/** The unmarking of `s` (made from the marked text of `text`'s shape). */
export function unmarking(s: string, text: string): Unmarking {
  const pieces: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const q = c < MARK ? -1 : markedOffset(c, text);
    if (q < 0) continue;
    const last = ends.length - 1;
    if (last >= 0 && from === i && ends[last] === q) ends[last] = q + 1;
    else {
      pieces.push(copied(s, from, i));
      starts.push(q);
      ends.push(q + 1);
    }
    from = i + 1;
  }
  pieces.push(copied(s, from, s.length));
  return { pieces, starts, ends };
}

/**
 * `s` with `text`'s digits in place of its marks, as `unmarking` found them
 * (`text` of the same shape). The pieces are one-byte strings of their own,
 * not slices of `s` (a mark is not Latin-1, so `s` is two bytes a
 * character); what this makes is their concatenation with the runs of
 * digits, which V8 keeps as a short list of pieces the texts of the shape
 * share (texts of rejected lines are kept by the thousand: every rejected
 * line's message).
 */
export function unmarkWith(u: Unmarking, text: string): string {
  const { pieces, starts, ends } = u;
  let out = pieces[0]!;
  for (let k = 0; k < starts.length; k++) out += text.slice(starts[k]!, ends[k]!) + pieces[k + 1]!;
  return out;
}

/** Characters `from` to `to` of `s` as a flat string of their own (one byte a character when they are Latin-1). */
function copied(s: string, from: number, to: number): string {
  let out = '';
  for (let start = from; start < to; start += CODES_PER_CALL) {
    const end = Math.min(to, start + CODES_PER_CALL);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) codes[i - start] = s.charCodeAt(i);
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** Character codes handed to `String.fromCharCode` at a time (a call's arguments are limited). */
const CODES_PER_CALL = 8192;
