/**
 * Lexing entry points: a whole script (one lexer pass, then per-line words)
 * and one command's text (minicli's Compile view of a line).
 */
import type { CstNode, IToken } from 'chevrotain';
import { lineLexer, scriptLexer } from './lexer.js';
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
  // A CR at the very end of the file is dropped like the one before an LF.
  if (text.endsWith('\r')) text = text.slice(0, -1);
  if (text === '') return [];
  const { tokens } = scriptLexer.tokenize(text);
  const cst = parseTokens(tokens, 'script');
  const lineNodes = cst.children.line as CstNode[];
  const newlines = (cst.children.NewLine as IToken[] | undefined) ?? [];
  const out: SourceLine[] = [];
  let start = 0;
  for (let i = 0; i < lineNodes.length; i++) {
    const nl = newlines[i];
    const end = nl ? nl.startOffset : text.length;
    const lineText = text.slice(start, end);
    if (!nl && i > 0 && lineText === '' && text.endsWith('\n')) break;
    out.push({ text: lineText, lexed: buildLine(lineNodes[i]!, start) });
    start = nl ? nl.startOffset + nl.image.length : text.length;
  }
  return out;
}

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
