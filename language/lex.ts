/**
 * Lexing entry points: a whole script (one lexer pass, then per-line words)
 * and one command's text (minicli's Compile view of a line).
 */
import type { IToken } from 'chevrotain';
import { lineLexer, NewLine, scriptLexer } from './lexer.js';
import { parseTokens } from './parser.js';
import { buildLine, type LexedLine } from './cst-to-ast.js';

/** A source line with its text and lexed form. */
export interface SourceLine {
  readonly text: string;
  readonly lexed: LexedLine;
}

/**
 * Lexes a script. Lines follow Go's bufio.Scanner: split on LF, one trailing CR
 * dropped, no extra empty line after a final LF.
 */
export function lexScript(text: string): SourceLine[] {
  if (text === '') return [];
  // Data after the last LF is a final line, even a lone CR (then an empty line).
  const finalLine = !text.endsWith('\n');
  // A CR at the very end of the file is dropped like the one before an LF.
  if (text.endsWith('\r')) text = text.slice(0, -1);
  const { tokens } = scriptLexer.tokenize(text);
  // One lexer pass over the whole text; then each line's tokens are parsed on
  // their own, so that its CST is garbage as soon as the line is built (a
  // whole-script CST of 100,000 lines would survive to the old generation).
  const out: SourceLine[] = [];
  let start = 0;
  let first = 0;
  for (let k = 0; k <= tokens.length; k++) {
    const t = tokens[k];
    if (t !== undefined && t.tokenType !== NewLine) continue;
    const end = t ? t.startOffset : text.length;
    const lineText = text.slice(start, end);
    if (!t && out.length > 0 && lineText === '' && !finalLine) break;
    const cst = parseTokens(first === k ? EMPTY : tokens.slice(first, k), 'line');
    out.push({ text: lineText, lexed: buildLine(cst, start) });
    if (!t) break;
    start = t.startOffset + t.image.length;
    first = k + 1;
  }
  return out;
}

const EMPTY: IToken[] = [];

/** Lexes one line as the script lexer would (for incremental re-parsing). */
export function lexLine(text: string): LexedLine {
  const lines = lexScript(text);
  return lines[0]?.lexed ?? { words: [], comment: null, error: null };
}

/** Lexes a command's text as minicli's Compile does: LF is white space. */
export function lexCommandText(text: string): LexedLine {
  const { tokens } = lineLexer.tokenize(text);
  return buildLine(parseTokens(tokens, 'line'), 0);
}
