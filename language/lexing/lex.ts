/**
 * Lexing's entry points: a whole script (one token pass, one grammar pass),
 * a batch of separate lines (joined so that they too take one pass), one
 * line, and one command's text (minicli's Compile view of a line).
 */
import { LexingEngines } from './engines.js';
import { readLineTokens, readScriptTokens } from './grammar.js';
import type { LexedLine } from './lexed-line.js';

/** The lexers and the grammar, built when first used (they remember nothing between uses). */
const engines = new LexingEngines();

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
  const { lines, newLines } = readScriptTokens(engines.grammar, engines.scriptLexer.tokenize(text).tokens);
  const out: SourceLine[] = [];
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const nl = newLines[i];
    const end = nl ? nl.startOffset : text.length;
    const lineText = text.slice(start, end);
    if (!nl && out.length > 0 && lineText === '' && !finalLine) break;
    out.push({ text: lineText, lexed: lines[i]! });
    if (nl) start = nl.startOffset + nl.image.length;
  }
  return out;
}

const EMPTY_LINE: LexedLine = { words: [], comment: null, error: null };

/** Lexes one line as the script lexer would (for incremental re-parsing). */
export function lexLine(text: string): LexedLine {
  return lexScript(text)[0]?.lexed ?? EMPTY_LINE;
}

/**
 * Lexes separate lines as `lexLine` would each, in one lexer and parser pass
 * when they can be joined with LF (no line holds an LF or ends with a CR,
 * which the LF would turn into a line end).
 */
export function lexLines(texts: readonly string[]): LexedLine[] {
  const out = new Array<LexedLine>(texts.length);
  const joined: number[] = [];
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i]!;
    if (t.includes('\n') || t.endsWith('\r')) out[i] = lexLine(t);
    else joined.push(i);
  }
  if (joined.length > 0) {
    const text = joined.map((i) => texts[i]!).join('\n');
    const { lines } = readScriptTokens(engines.grammar, engines.scriptLexer.tokenize(text).tokens);
    for (let k = 0; k < joined.length; k++) out[joined[k]!] = lines[k]!;
  }
  return out;
}

/** Lexes a command's text as minicli's Compile does: LF is white space. */
export function lexCommandText(text: string): LexedLine {
  return readLineTokens(engines.grammar, engines.lineLexer.tokenize(text).tokens);
}
