/**
 * Turns the parser's CST into lexed lines: words with their unescaped values
 * and offsets, the trailing comment, and the first lexing error in reading
 * order (minicli stops at its first error, so later ones cannot be known).
 */
import type { CstNode, IToken } from 'chevrotain';
import { BaseVisitor } from './parser.js';
import { Codes, type Code } from './codes.js';

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

/** One line after lexing. */
export interface LexedLine {
  readonly words: LexedWord[];
  readonly comment: { readonly text: string; readonly start: number; readonly end: number } | null;
  readonly error: LexError | null;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"', "'": "'", '#': '#' };

interface PartResult {
  value: string;
  error: LexError | null;
}

/** Unescapes `body`; `at` is the line offset of body[0]. */
function unescape(body: string, at: number): PartResult {
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
        error: { message: 'expected escape character', code: Codes.lexMissingEscape, start: at + i, end: at + i + 1 },
      };
    }
    const cp = body.codePointAt(i + 1)!;
    const ch = String.fromCodePoint(cp);
    const mapped = ESCAPES[ch];
    if (mapped === undefined) {
      return {
        value,
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
  return { value, error: null };
}

function partOf(tok: IToken, lineStart: number): PartResult & { quoted: boolean } {
  const at = tok.startOffset - lineStart;
  const image = tok.image;
  switch (tok.tokenType.name) {
    case 'Bare':
      return { value: image, error: null, quoted: false };
    case 'DoubleQuoted':
    case 'SingleQuoted':
    case 'LineDoubleQuoted':
    case 'LineSingleQuoted':
      return { ...unescape(image.slice(1, -1), at + 1), quoted: true };
    case 'Unterminated':
    case 'LineUnterminated': {
      const r = unescape(image.slice(1), at + 1);
      if (r.error) return { ...r, quoted: true };
      return {
        value: r.value,
        quoted: true,
        error: {
          message: `missing terminal ${image[0]}`,
          code: Codes.lexMissingTerminal,
          start: at,
          end: at + image.length,
        },
      };
    }
    default:
      // Escape / LineEscape.
      return { ...unescape(image, at), quoted: false };
  }
}

class LineBuilder extends BaseVisitor {
  constructor() {
    super();
    this.validateVisitor();
  }

  build(node: CstNode, lineStart: number): LexedLine {
    const ch = node.children;
    const words: LexedWord[] = [];
    let error: LexError | null = null;
    for (const w of (ch.word as CstNode[] | undefined) ?? []) {
      // Fast path: most words are one bare token (no quotes, no escapes).
      const wc = w.children;
      const bare = wc.Bare as IToken[] | undefined;
      if (
        bare !== undefined &&
        bare.length === 1 &&
        wc.DoubleQuoted === undefined &&
        wc.SingleQuoted === undefined &&
        wc.Unterminated === undefined &&
        wc.Escape === undefined
      ) {
        const t = bare[0]!;
        const start = t.startOffset - lineStart;
        words.push({ value: t.image, raw: t.image, start, end: start + t.image.length, quoted: false });
        continue;
      }
      const parts: IToken[] = [];
      // No spread: a word may hold hundreds of thousands of parts (`\\\\...` on a 1 MB line).
      for (const key in w.children) for (const t of w.children[key] as IToken[]) parts.push(t);
      if (parts.length > 1) parts.sort((a, b) => a.startOffset - b.startOffset);
      let value = '';
      let quoted = false;
      for (const p of parts) {
        const r = partOf(p, lineStart);
        if (r.error) {
          error = r.error;
          break;
        }
        value += r.value;
        quoted ||= r.quoted;
      }
      const first = parts[0]!;
      const last = parts[parts.length - 1]!;
      const start = first.startOffset - lineStart;
      const end = last.startOffset + last.image.length - lineStart;
      if (error) break;
      words.push({ value, raw: lineRaw(parts), start, end, quoted });
    }
    const ctok = (ch.Comment as IToken[] | undefined)?.[0] ?? (ch.LineComment as IToken[] | undefined)?.[0];
    const comment = ctok
      ? { text: ctok.image, start: ctok.startOffset - lineStart, end: ctok.startOffset - lineStart + ctok.image.length }
      : null;
    return { words, comment, error };
  }
}

function lineRaw(parts: IToken[]): string {
  let s = '';
  for (const p of parts) s += p.image;
  return s;
}

const builder = new LineBuilder();

/** Builds the lexed form of one `line` CST node; offsets become line-relative. */
export function buildLine(node: CstNode, lineStart: number): LexedLine {
  return builder.build(node, lineStart);
}
