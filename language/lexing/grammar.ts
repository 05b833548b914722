/**
 * Lexing, second stage: tokens to lexed lines, with a Chevrotain grammar. A
 * script is lines separated by NewLine tokens, a line is words separated by
 * white space with an optional trailing comment, a word is adjacent parts
 * (bare text, quoted strings, escapes), as minicli's lexer glues `"a"'b'c`
 * into one item. Actions build lexed lines directly (no CST: the grammar runs
 * once per distinct line of every script and document, and a tree per line
 * cost more than the rest of the work). One shared instance (engines.ts),
 * which keeps nothing between runs. Chevrotain's checks of the grammar are
 * skipped when it is built: they cost every start-up and find nothing once
 * the grammar passes them, which lexer.test.ts checks.
 */
import { EmbeddedActionsParser, type IToken } from 'chevrotain';
import { allTokens, Comment, NewLine, Part } from './tokens.js';
import { commentOf, isLexError, wordOfParts, wordOfToken, type LexedComment, type LexedLine, type LexedWord, type LexError } from './lexed-line.js';

/** Lines of a script, with the offsets where each one ends (its NewLine, or the end of input). */
export interface LexedLines {
  readonly lines: LexedLine[];
  /** Offset of each line's NewLine token; the last line has none. */
  readonly newLines: IToken[];
}

/** The grammar of lines; `validate` runs Chevrotain's checks of it (tests do). */
export class LineGrammar extends EmbeddedActionsParser {
  /** Offset of the current line's first character in the input text. */
  private lineStart = 0;

  constructor(validate = false) {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 1, skipValidations: !validate });
    this.performSelfAnalysis();
  }

  /** A whole script: lines separated by NewLine. */
  public script = this.RULE('script', (): LexedLines => {
    const lines: LexedLine[] = [];
    const newLines: IToken[] = [];
    lines.push(this.SUBRULE(this.line));
    this.MANY(() => {
      const nl = this.CONSUME(NewLine);
      this.ACTION(() => {
        newLines.push(nl);
        this.lineStart = nl.startOffset + nl.image.length;
      });
      lines.push(this.SUBRULE2(this.line));
    });
    return { lines, newLines };
  });

  /** One command line (also the start rule for a single command's text). */
  public line = this.RULE('line', (): LexedLine => {
    const words: LexedWord[] = [];
    let error: LexError | null = null;
    let comment: LexedComment | null = null;
    this.MANY(() => {
      const w = this.SUBRULE(this.word);
      // minicli stops at its first error: later words are not known.
      this.ACTION(() => {
        if (error !== null) return;
        if (isLexError(w)) error = w;
        else words.push(w);
      });
    });
    this.OPTION3(() => {
      const c = this.CONSUME(Comment);
      this.ACTION(() => (comment = commentOf(c, this.lineStart)));
    });
    return { words, comment, error };
  });

  /** Adjacent parts with no white space between them form one item. */
  public word = this.RULE('word', (): LexedWord | LexError => {
    const first = this.CONSUME(Part);
    let parts: IToken[] | null = null;
    let end = first.startOffset + first.image.length;
    // White space is skipped by the lexer: parts touching each other form a word.
    this.MANY({
      GATE: () => this.LA(1).startOffset === end,
      DEF: () => {
        const t = this.CONSUME2(Part);
        this.ACTION(() => {
          (parts ??= [first]).push(t);
          end = t.startOffset + t.image.length;
        });
      },
    });
    return this.ACTION(() => (parts === null ? wordOfToken(first, this.lineStart) : wordOfParts(parts, this.lineStart)));
  });

  /** Runs a start rule over tokens; the grammar accepts every token sequence. */
  run<T>(tokens: IToken[], rule: () => T): T {
    this.input = tokens;
    this.lineStart = 0;
    const r = rule();
    // Let go of the tokens: the next run may be a long while away.
    this.input = [];
    if (this.errors.length > 0) {
      // Unreachable: every token sequence the lexers produce is a valid script.
      throw new Error(`internal parser error: ${this.errors[0]!.message}`);
    }
    return r;
  }
}

/** Parses a script's tokens into lexed lines (offsets relative to each line). */
export function readScriptTokens(grammar: LineGrammar, tokens: IToken[]): LexedLines {
  return grammar.run(tokens, () => grammar.script());
}

/** Parses one command's tokens (offsets relative to the first character of the text). */
export function readLineTokens(grammar: LineGrammar, tokens: IToken[]): LexedLine {
  return grammar.run(tokens, () => grammar.line());
}
