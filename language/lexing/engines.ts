/**
 * Chevrotain's two lexers and the line grammar, each built when first used:
 * building one takes milliseconds, which a command that never lexes (`mm
 * help`, a language server before its first document) or never lexes a
 * command's text on its own (`mm check`: the script lexer's words serve
 * Compile) should not pay at start-up. Once built they keep nothing between
 * uses, so one set serves the whole process.
 */
import { Lexer } from 'chevrotain';
import { LineGrammar } from './grammar.js';
import { lexerConfig, lineTokens, scriptTokens } from './tokens.js';

/** The lexers and the grammar, built on first use. */
export class LexingEngines {
  private script: Lexer | undefined;
  private command: Lexer | undefined;
  private lines: LineGrammar | undefined;

  /** Lexes a whole script (commands separated by NewLine tokens). */
  get scriptLexer(): Lexer {
    return (this.script ??= new Lexer(scriptTokens, lexerConfig));
  }

  /** Lexes one command's text as minicli's Compile does. */
  get lineLexer(): Lexer {
    return (this.command ??= new Lexer(lineTokens, lexerConfig));
  }

  /** Glues tokens into lexed lines. */
  get grammar(): LineGrammar {
    return (this.lines ??= new LineGrammar());
  }
}
