/**
 * minicli 3.1's Compile: trim, lexing, the comment test and the trie match
 * (matching-3.1/). Unlike 2.3, Compile expands no alias: only the prompt and
 * the command socket do, on the first word (`expandAliases31`), so a line
 * read from a file means what it says whatever `.alias` lines came before.
 */
import type { Word } from './ast.js';
import type { AliasTable, CompileResult, CompilerOptions, LineCompiler } from './compile-result.js';
import type { Catalog } from './catalog/index.js';
import { isGoSpaceCode, lexedWords, lexesLikeTrimmed, trimLine } from './compile.js';
import { lexCommandText } from './lexing/lex.js';
import type { LexedLine } from './lexing/lexed-line.js';
import { Matcher31 } from './matching-3.1/match.js';
import { lineRange } from './positions.js';
import { goLeadingSpaceLength } from './text.js';

/** minicli 3.1's Compile over one catalog, with its matcher (which learns as lines come). */
export class Compiler31 implements LineCompiler {
  private readonly matcher: Matcher31;

  constructor(
    readonly catalog: Catalog,
    options: CompilerOptions = {},
  ) {
    this.matcher = new Matcher31(catalog, options.explain ?? true);
  }

  compileLine(source: string, line: number, _aliases?: AliasTable, lexed?: LexedLine, given?: Word[]): CompileResult {
    const trimmed = trimLine(source);
    if (trimmed === '') return { kind: 'empty' };
    const lead = trimmed === source ? 0 : goLeadingSpaceLength(source);
    const own = !lexed || !lexesLikeTrimmed(source, trimmed, lead);
    const lx = own ? lexCommandText(trimmed) : lexed;
    const shift = own ? lead : 0;
    const error = lx.error;
    if (error) {
      return { kind: 'lexError', error: error.message, lexError: error, range: lineRange(line, error.start + shift, error.end + shift), original: trimmed };
    }
    const whole = lineRange(line, lead, lead + trimmed.length);
    if (trimmed.startsWith('#')) return { kind: 'comment', original: trimmed, range: whole };
    const words = (own ? undefined : given) ?? lexedWords(lx, line, shift);
    return this.matcher.match(trimmed, words, line, whole);
  }
}

/**
 * minicli 3.1's ExpandAliases, which the prompt and the command socket run
 * before Compile: the line's first part (up to its first white space) must
 * equal an alias name; the expansion replaces it, the rest stays as it is.
 */
export function expandAliases31(line: string, aliases: AliasTable): string {
  if (aliases.size === 0) return line;
  let end = 0;
  while (end < line.length && !isGoSpaceCode(line.charCodeAt(end))) end++;
  const expansion = aliases.get(line.slice(0, end));
  return expansion === undefined ? line : expansion + line.slice(end);
}
