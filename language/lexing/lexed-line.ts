/**
 * What lexing makes of a line: words with their unescaped values and
 * offsets, the trailing comment, and the first lexing error in reading order
 * (minicli stops at its first error, so later ones cannot be known). The
 * scanner (scan.ts) builds them from parts with the functions here.
 */
import { Codes, type Code } from '../codes.js';

/**
 * What a part of a word is: a bare run, a quoted string, a quoted string with
 * no closing quote (it runs to the end of the line), or an escape outside quotes.
 */
export type PartKind = 'bare' | 'quoted' | 'unterminated' | 'escape';

/** A word with offsets relative to the start of its line. */
export interface LexedWord {
  readonly value: string;
  readonly raw: string;
  readonly start: number;
  readonly end: number;
  readonly quoted: boolean;
}

/** A lexing error with its offsets in the line. */
export interface LexError {
  readonly message: string;
  readonly code: Code;
  readonly start: number;
  readonly end: number;
}

/** A comment with its offsets in the line. */
export interface LexedComment {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** One line after lexing. */
export interface LexedLine {
  readonly words: LexedWord[];
  readonly comment: LexedComment | null;
  readonly error: LexError | null;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"', "'": "'", '#': '#' };

interface PartResult {
  value: string;
  error: LexError | null;
  quoted: boolean;
}

/** Unescapes `body`; `at` is the line offset of body[0]. */
function unescapeWord(body: string, at: number, quoted: boolean): PartResult {
  let value = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      value += c;
      continue;
    }
    if (i + 1 >= body.length) {
      return {
        value,
        quoted,
        error: { message: 'expected escape character', code: Codes.lexMissingEscape, start: at + i, end: at + i + 1 },
      };
    }
    const cp = body.codePointAt(i + 1)!;
    const ch = String.fromCodePoint(cp);
    const mapped = ESCAPES[ch];
    if (mapped === undefined) {
      return {
        value,
        quoted,
        error: {
          message: `unexpected escaped character: ${ch}`,
          code: Codes.lexBadEscape,
          start: at + i,
          end: at + i + 1 + ch.length,
        },
      };
    }
    value += mapped;
    i += 1;
  }
  return { value, error: null, quoted };
}

/** The value of the part `image` of kind `kind`; `at` is its line offset. */
function partOf(kind: PartKind, image: string, at: number): PartResult {
  switch (kind) {
    case 'bare':
      return { value: image, error: null, quoted: false };
    case 'quoted':
      return unescapeWord(image.slice(1, -1), at + 1, true);
    case 'unterminated': {
      const r = unescapeWord(image.slice(1), at + 1, true);
      if (r.error) return r;
      return {
        value: r.value,
        quoted: true,
        error: { message: `missing terminal ${image[0]}`, code: Codes.lexMissingTerminal, start: at, end: at + image.length },
      };
    }
    // An escape outside quotes.
    default:
      return unescapeWord(image, at, false);
  }
}

/**
 * A word from its parts (`parts` holds kind, start and end of each, offsets
 * in `text`), or the first error in it; `lineStart` is the offset of its line.
 */
export function wordOfParts(text: string, parts: readonly (PartKind | number)[], lineStart: number): LexedWord | LexError {
  const start = (parts[1] as number) - lineStart;
  const end = (parts[parts.length - 1] as number) - lineStart;
  const raw = text.slice(start + lineStart, end + lineStart);
  // The common case: one bare run.
  if (parts.length === 3 && parts[0] === 'bare') return { value: raw, raw, start, end, quoted: false };
  let value = '';
  let quoted = false;
  for (let k = 0; k < parts.length; k += 3) {
    const from = parts[k + 1] as number;
    const r = partOf(parts[k] as PartKind, text.slice(from, parts[k + 2] as number), from - lineStart);
    if (r.error) return r.error;
    value += r.value;
    quoted ||= r.quoted;
  }
  return { value, raw, start, end, quoted };
}

/** Whether a word result is a lexing error. */
export function isLexError(w: LexedWord | LexError): w is LexError {
  return 'message' in w;
}

/** A comment (from `#` to the end of its line) at line offset `start`. */
export function commentOf(text: string, start: number): LexedComment {
  return { text, start, end: start + text.length };
}
