/**
 * The Chevrotain parser: a script is lines separated by NewLine tokens, a line
 * is words separated by white space with an optional trailing comment, a word
 * is adjacent parts (bare text, quoted strings, escapes), as minicli's lexer
 * glues `"a"'b'c` into one item. One shared instance, reset through `.input`.
 */
import { CstParser, type CstNode, type IToken } from 'chevrotain';
import {
  allTokens,
  Bare,
  Comment,
  DoubleQuoted,
  Escape,
  NewLine,
  SingleQuoted,
  Unterminated,
  WhiteSpace,
} from './lexer.js';

class MinimegaParser extends CstParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 2, nodeLocationTracking: 'none' });
    this.performSelfAnalysis();
  }

  /** A whole script: lines separated by NewLine. */
  public script = this.RULE('script', () => {
    this.SUBRULE(this.line);
    this.MANY(() => {
      this.CONSUME(NewLine);
      this.SUBRULE2(this.line);
    });
  });

  /** One command line (also the start rule for a single command's text). */
  public line = this.RULE('line', () => {
    this.OPTION(() => this.CONSUME(WhiteSpace));
    this.MANY(() => {
      this.SUBRULE(this.word);
      this.OPTION2(() => this.CONSUME2(WhiteSpace));
    });
    this.OPTION3(() => this.CONSUME(Comment));
  });

  /** Adjacent parts with no white space between them form one item. */
  public word = this.RULE('word', () => {
    this.AT_LEAST_ONE(() => {
      this.OR([
        { ALT: () => this.CONSUME(Bare) },
        { ALT: () => this.CONSUME(DoubleQuoted) },
        { ALT: () => this.CONSUME(SingleQuoted) },
        { ALT: () => this.CONSUME(Unterminated) },
        { ALT: () => this.CONSUME(Escape) },
      ]);
    });
  });
}

/** The single parser instance. */
export const parser = new MinimegaParser();

/** Parses tokens with the given start rule; the grammar accepts every token sequence. */
export function parseTokens(tokens: IToken[], rule: 'script' | 'line'): CstNode {
  parser.input = tokens;
  const cst = rule === 'script' ? parser.script() : parser.line();
  if (parser.errors.length > 0) {
    // Unreachable: every token sequence the lexers produce is a valid script.
    throw new Error(`internal parser error: ${parser.errors[0]!.message}`);
  }
  return cst;
}

/** The CST visitor base class bound to this parser's rules. */
export const BaseVisitor = parser.getBaseCstVisitorConstructorWithDefaults();
