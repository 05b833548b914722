/**
 * Help for lines that match no command, where the reason is the dialect:
 * - an alias used in a 3.1 file (minimega 3.1 expands aliases at its prompt
 *   and socket only, so the line works when sent, not when the file is
 *   `read`): a warning that says so;
 * - a line another dialect accepts (`vm top` in a 2.3 file): an error that
 *   says so, with the directive that would make it valid as data for an
 *   editor's quick fix. It names the command when the file's dialect has no
 *   such command, else the form the other dialect matched; an abbreviation
 *   that is ambiguous in the file's dialect keeps its own explanation (the
 *   dialects decide abbreviations differently, and spelling out is the fix).
 */
import type { Command } from './ast.js';
import { Codes } from './codes.js';
import type { AliasTable, LineCompiler, NoMatch } from './compile-result.js';
import type { Dialect } from './dialect.js';
import { directiveLine } from './dialect-directive.js';
import { createDiagnostic, type Diagnostic } from './diagnostic.js';
import type { LexedLine } from './lexing/lexed-line.js';
import { leadingLiterals } from './matching/candidates.js';
import { GO_SPACE_RE, goTrimSpace } from './text.js';

/** The other dialects' compilers, made when a line first fails. */
export class OtherDialects {
  private compilers: (readonly [Dialect, LineCompiler])[] | undefined;
  /** Every run of leading keywords a pattern of the own dialect starts with (`vm`, `vm info`, ...). */
  private ownNames: ReadonlySet<string> | undefined;

  constructor(
    private readonly own: Dialect,
    private readonly ownCompiler: LineCompiler,
    private readonly all: readonly Dialect[],
  ) {}

  /**
   * The diagnostic for a line that matched nothing in the own dialect, when
   * the dialect is the reason (see above); else undefined.
   */
  diagnose(r: NoMatch, text: string, line: number, aliases: AliasTable, lexed: LexedLine): Diagnostic | undefined {
    if (aliases.size > 0) {
      const trimmed = goTrimSpace(text);
      const expanded = this.own.expandPromptAliases(trimmed, aliases);
      if (expanded !== trimmed && this.ownCompiler.compileLine(expanded, line).kind === 'command') {
        const name = trimmed.split(GO_SPACE_RE, 1)[0]!;
        const message = `${r.error} when the file is read (minimega ${this.own.version} expands the alias \`${name}\` only at its prompt and on its socket)`;
        return createDiagnostic(Codes.aliasInFile, 'warning', message, r.range, { minicli: r.error, expansion: expanded });
      }
    }
    if (r.failure === 'ambiguous') return undefined;
    // Only whether the line is a command there counts: no explanation of a line it rejects too.
    this.compilers ??= this.all.filter((d) => d !== this.own).map((d) => [d, d.createCompiler({ explain: false })] as const);
    for (const [dialect, compiler] of this.compilers) {
      const other = compiler.compileLine(text, line, aliases, lexed);
      if (other.kind !== 'command') continue;
      const name = commandName(other.command);
      this.ownNames ??= leadingNames(this.own);
      const what = this.ownNames.has(name)
        ? `valid in minimega ${dialect.version} as \`${other.command.pattern}\``
        : `\`${name}\` is a minimega ${dialect.version} command`;
      const message = `${r.error} (${what}; this file is checked as ${this.own.name})`;
      return createDiagnostic(Codes.otherDialect, 'error', message, r.range, {
        minicli: r.error,
        dialect: dialect.version,
        directive: directiveLine(dialect),
      });
    }
    return undefined;
  }
}

/** Every run of leading keywords that a pattern of `dialect` starts with. */
function leadingNames(dialect: Dialect): Set<string> {
  const out = new Set<string>();
  for (const h of dialect.catalog.handlers) {
    for (const p of h.patterns) {
      let name = '';
      for (const item of p.items) {
        if (item.type !== 'literal') break;
        name = name === '' ? item.text : `${name} ${item.text}`;
        out.add(name);
      }
    }
  }
  return out;
}

/** A command's name: its pattern's leading keywords (`vm top`, `ns`). */
function commandName(c: Command): string {
  const out = leadingLiterals(c);
  return out.length > 0 ? out.join(' ') : c.handler.id;
}
