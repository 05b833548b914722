/**
 * Cross-dialect help: a line that matches no command in a script's dialect
 * but is a command of another dialect (`vm top` in a 2.3 file) gets an error
 * that says so, with the directive that would make it valid as data for an
 * editor's quick fix.
 */
import type { Command } from './ast.js';
import { Codes } from './codes.js';
import type { AliasTable, LineCompiler, NoMatch } from './compile-result.js';
import type { Dialect } from './dialect.js';
import { directiveLine } from './dialect-directive.js';
import { createDiagnostic, type Diagnostic } from './diagnostic.js';
import type { LexedLine } from './lexing/lexed-line.js';

/** The other dialects' compilers, made when a line first fails. */
export class OtherDialects {
  private compilers: (readonly [Dialect, LineCompiler])[] | undefined;

  constructor(
    private readonly own: Dialect,
    private readonly all: readonly Dialect[],
  ) {}

  /**
   * The error for a line that matched nothing in the own dialect: the
   * cross-dialect one when another dialect makes a command of it, else
   * undefined.
   */
  diagnose(r: NoMatch, text: string, line: number, aliases: AliasTable, lexed: LexedLine): Diagnostic | undefined {
    this.compilers ??= this.all.filter((d) => d !== this.own).map((d) => [d, d.createCompiler()] as const);
    for (const [dialect, compiler] of this.compilers) {
      const other = compiler.compileLine(text, line, aliases, lexed);
      if (other.kind !== 'command') continue;
      const name = commandName(other.command);
      const message = `${r.error} (\`${name}\` is a minimega ${dialect.version} command; this file is checked as ${this.own.version})`;
      return createDiagnostic(Codes.otherDialect, 'error', message, r.range, {
        minicli: r.error,
        dialect: dialect.version,
        directive: directiveLine(dialect),
      });
    }
    return undefined;
  }
}

/** A command's name: its pattern's leading keywords (`vm top`, `ns`). */
function commandName(c: Command): string {
  const out: string[] = [];
  for (const item of c.items) {
    if (item.type !== 'literal') break;
    out.push(item.text);
  }
  return out.length > 0 ? out.join(' ') : c.handler.id;
}
