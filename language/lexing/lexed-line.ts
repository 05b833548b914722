/**
 * What lexing makes of a line: words with their unescaped values and
 * offsets, the trailing comment, and the first lexing error in reading order
 * (minicli stops at its first error, so later ones cannot be known). The
 * grammar (grammar.ts) builds them from tokens with the functions here.
 */
import { tokenMatcher, type IToken } from 'chevrotain';
import { Codes, type Code } from '../codes.js';
import { Bare, DoubleQuoted, SingleQuoted, Unterminated } from './tokens.js';

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

function partOf(tok: IToken, lineStart: number): PartResult {
  const at = tok.startOffset - lineStart;
  const image = tok.image;
  if (tokenMatcher(tok, Bare)) return { value: image, error: null, quoted: false };
  if (tokenMatcher(tok, DoubleQuoted) || tokenMatcher(tok, SingleQuoted)) return unescapeWord(image.slice(1, -1), at + 1, true);
  if (tokenMatcher(tok, Unterminated)) {
    const r = unescapeWord(image.slice(1), at + 1, true);
    if (r.error) return r;
    return {
      value: r.value,
      quoted: true,
      error: { message: `missing terminal ${image[0]}`, code: Codes.lexMissingTerminal, start: at, end: at + image.length },
    };
  }
  // An escape outside quotes.
  return unescapeWord(image, at, false);
}

/** A word of one token: a bare run (the common case) or a single quoted string or escape. */
export function wordOfToken(tok: IToken, lineStart: number): LexedWord | LexError {
  const start = tok.startOffset - lineStart;
  const image = tok.image;
  if (tok.tokenType === Bare) return { value: image, raw: image, start, end: start + image.length, quoted: false };
  const r = partOf(tok, lineStart);
  return r.error ?? { value: r.value, raw: image, start, end: start + image.length, quoted: r.quoted };
}

/** A word glued from adjacent parts (`"a"'b'c`), or the first error in it. */
export function wordOfParts(parts: readonly IToken[], lineStart: number): LexedWord | LexError {
  let value = '';
  let raw = '';
  let quoted = false;
  for (const p of parts) {
    const r = partOf(p, lineStart);
    if (r.error) return r.error;
    value += r.value;
    raw += p.image;
    quoted ||= r.quoted;
  }
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  return { value, raw, start: first.startOffset - lineStart, end: last.startOffset + last.image.length - lineStart, quoted };
}

/** Whether a word result is a lexing error. */
export function isLexError(w: LexedWord | LexError): w is LexError {
  return 'message' in w;
}

/** A comment token as a line-relative comment. */
export function commentOf(tok: IToken, lineStart: number): LexedComment {
  const start = tok.startOffset - lineStart;
  return { text: tok.image, start, end: start + tok.image.length };
}
