/**
 * A language service: parsing, compiling, checking and suggesting for one
 * dialect, with everything remembered between calls (parsed lines,
 * templates, compiled texts, line facts, the matcher's trie) held by the
 * service, not by modules. A language server makes one; so does a node (or
 * a cluster, for its nodes), and each CLI command that reads scripts.
 */
import type { Line } from './ast.js';
import type { AliasTable } from './aliases.js';
import { LineBuilder } from './built-line.js';
import type { CompileResult } from './compile-result.js';
import { dialect23, dialects, type Dialect } from './dialect.js';
import { OtherDialects } from './dialect-hint.js';
import type { Diagnostic } from './diagnostic.js';
import { CompileCache } from './incremental/compile-cache.js';
import { LineDescriptions, type DescribedLine } from './incremental/line-descriptions.js';
import { LineStore } from './incremental/line-store.js';
import type { LexedLine } from './lexing/lexed-line.js';
import { buildNameIndex, LineFactsTable, type LineFacts, type NameIndex, type ScriptLines } from './names.js';
import { parseLines, parseScript, type LinesOptions, type ParsedScript, type ParseOptions } from './parse.js';
import { Suggestions, type CompletionOptions, type CompletionResult, type NameSource, type SignatureMatch } from './suggest.js';
import { passedByScriptChecks, ScriptChecks, type CheckedLines, type ScriptCheckOptions } from './validation/script-checks.js';
import type { ChecksMemo } from './validation/checks-state.js';
import { ValueChecks } from './validation/values.js';

/** Everything the language offers, over one dialect, with its own memory. Methods may be taken off the object. */
export interface LanguageService {
  readonly dialect: Dialect;
  /** Parses a whole script (lines numbered from 0). */
  parseScript(text: string, options?: ParseOptions): ParsedScript;
  /** Parses consecutive lines, `.alias` lines taking effect for the lines after them (`aliases` is updated in place). */
  parseLines(texts: readonly string[], aliases: Map<string, string>, options?: LinesOptions): Line[];
  /**
   * `mm parse`'s JSON of consecutive lines (describe.ts's view), `.alias`
   * lines taking effect for the lines after them (`aliases` is updated in place).
   */
  describeLines(texts: readonly string[], aliases: Map<string, string>): DescribedLine[];
  /** One lexed line built with nothing remembered (what every other way of parsing a line must equal). */
  buildLine(text: string, line: number, lexed: LexedLine, aliases: AliasTable, valueChecks?: boolean): Line;
  /** minicli's Compile of one line at line number `line`, nothing remembered. */
  compileLine(text: string, line: number, aliases?: AliasTable): CompileResult;
  /** minicli's Compile of a line to run (line-0 ranges), remembered per text and alias table. */
  compile(text: string, aliases?: AliasTable): CompileResult;
  /** The names and followed commands of one line (kept per parsed line). */
  lineFacts(line: Line): LineFacts;
  /** Every name a script mentions. */
  nameIndex(script: ScriptLines): NameIndex;
  /** The script-level checks; diagnostics in line order. */
  checkScript(script: ScriptLines, options?: ScriptCheckOptions): Diagnostic[];
  /** The script-level checks over lines (`lines[i]` is line i, whatever line number its nodes hold). */
  checkLines(lines: readonly Line[], options?: ScriptCheckOptions): Diagnostic[];
  /**
   * `checkLines` of a document checked before (`previous`: the memo of that
   * run), resuming the replay where the lines start to differ; returns the
   * diagnostics and the memo for the next run. An editor's long documents.
   */
  recheckLines(lines: readonly Line[], options?: ScriptCheckOptions, previous?: ChecksMemo): CheckedLines;
  /** Whether the script-level checks pass over a line (replacing one such line by another changes none of their diagnostics). */
  passedByChecks(line: Line): boolean;
  /**
   * `checkLines`' diagnostics of a script after `delta` lines that the checks
   * pass over were inserted (negative: deleted) before line `at`, all the
   * lines removed being passed over too: the same as checking it again.
   */
  shiftChecks(diagnostics: readonly Diagnostic[], at: number, delta: number): readonly Diagnostic[];
  /** Completion candidates at a cursor in one line. */
  complete(text: string, offset: number, names?: NameSource, options?: CompletionOptions): CompletionResult;
  /** The patterns still possible at a cursor in one line, for signature help. */
  signaturesAt(text: string, offset: number): SignatureMatch[];
  /** Forgets every parsed line, template, compiled text and described line (benchmarks measure the cold path with it). */
  clearCaches(): void;
}

/** Creates a language service for a dialect (minimega 2.3 by default). */
export function createLanguageService(dialect: Dialect = dialect23): LanguageService {
  const compiler = dialect.createCompiler();
  const builder = new LineBuilder(compiler, new ValueChecks(), new OtherDialects(dialect, compiler, dialects));
  const store = new LineStore(builder, dialect.catalog, () => dialects.filter((d) => d !== dialect).map((d) => d.catalog));
  const compiled = new CompileCache(compiler, store);
  const descriptions = new LineDescriptions(store);
  const facts = new LineFactsTable();
  const checks = new ScriptChecks(dialect.scriptChecks);
  const suggestions = new Suggestions(dialect.catalog);
  return {
    dialect,
    parseScript: (text, options) => parseScript(store, text, options),
    parseLines: (texts, aliases, options) => parseLines(store, texts, aliases, options),
    describeLines: (texts, aliases) => descriptions.describe(texts, aliases),
    buildLine: (text, line, lexed, aliases, valueChecks) => builder.build(text, line, lexed, aliases, valueChecks),
    compileLine: (text, line, aliases) => compiler.compileLine(text, line, aliases),
    compile: (text, aliases) => compiled.compile(text, aliases),
    lineFacts: (line) => facts.of(line),
    nameIndex: (script) => buildNameIndex(script, facts),
    checkScript: (script, options) => checks.checkScript(script, options),
    checkLines: (lines, options) => checks.checkLines(lines, options),
    recheckLines: (lines, options, previous) => checks.recheckLines(lines, options, previous),
    passedByChecks: passedByScriptChecks,
    shiftChecks: (diagnostics, at, delta) => checks.shift(diagnostics, at, delta),
    complete: (text, offset, names, options) => suggestions.complete(text, offset, names, options),
    signaturesAt: (text, offset) => suggestions.signaturesAt(text, offset),
    clearCaches() {
      store.clear();
      compiled.clear();
      descriptions.clear();
    },
  };
}
