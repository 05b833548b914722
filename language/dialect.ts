/**
 * A dialect of minimega's command language: its catalog and its way of
 * compiling a line (Compile and matcher). A language service is made for one
 * dialect; what differs between dialects lives behind this interface, not in
 * checks spread through the code.
 */
import { catalog23, type Catalog } from './catalog/index.js';
import { catalog31 } from './catalog/catalog-3.1.js';
import { Codes, type Code } from './codes.js';
import type { AliasTable, CompilerOptions, LineCompiler } from './compile-result.js';
import { Compiler23 } from './compile.js';
import { Compiler31, expandAliases31 } from './compile-3.1.js';

/** The minimega versions `mm` speaks. */
export type DialectVersion = '2.3' | '3.1';

/** One dialect: a catalog and a maker of compilers over it. */
export interface Dialect {
  /** The minimega version it follows (an imported command set: the version whose matching rules it uses). */
  readonly version: DialectVersion;
  /** How messages name it: the version, or what an imported command set came from. */
  readonly name: string;
  readonly catalog: Catalog;
  /** A compiler for this dialect (each remembers what it learns as lines come, so each service makes its own). */
  createCompiler(options?: CompilerOptions): LineCompiler;
  /** A compiler with this dialect's minicli rules over another catalog (an imported command set's). */
  compilerOver(catalog: Catalog, options?: CompilerOptions): LineCompiler;
  /** Set when the command set was read from a minimega binary (`mm catalog import`). */
  readonly imported?: ImportedOrigin;
  /**
   * What the interactive prompt and the command socket do to a line before
   * Compile (3.1 expands an alias on the first word there; 2.3's Compile
   * expands aliases itself, everywhere, so it leaves the line alone).
   */
  expandPromptAliases(line: string, aliases: AliasTable): string;
  /**
   * The script-level checks that apply (by code). Those about namespaces and
   * the launch queue replay 2.3's model (no namespace by default, `nsmod`);
   * 3.1 is always in a namespace and launches at once unless queueing is on.
   */
  readonly scriptChecks: readonly Code[];
}

/** Where an imported command set came from and which built-in dialect stands in for what it lacks. */
export interface ImportedOrigin {
  /** The release `minimega -version` named, or undefined when unknown. */
  readonly minimegaVersion: string | undefined;
  /** The built-in dialect whose facts (categories, value checks, roles) fill in handlers with the same patterns. */
  readonly nearest: Dialect;
}

/** minimega 2.3: its catalog, minicli's Compile and closest match. */
export const dialect23: Dialect = {
  version: '2.3',
  name: '2.3',
  catalog: catalog23,
  createCompiler: (options) => new Compiler23(catalog23, options),
  compilerOver: (catalog, options) => new Compiler23(catalog, options),
  expandPromptAliases: (line) => line,
  scriptChecks: [
    Codes.launchWithoutQueue,
    Codes.nsmodWithoutNamespace,
    Codes.namespaceWithoutHosts,
    Codes.duplicateLaunch,
    Codes.readMissingFile,
    Codes.queueNeverLaunched,
    Codes.queuedNotLaunched,
    Codes.unknownDialect,
  ],
};

/** minimega 3.1: its catalog, minicli 3.1's Compile and pattern trie. */
export const dialect31: Dialect = {
  version: '3.1',
  name: '3.1',
  catalog: catalog31,
  createCompiler: (options) => new Compiler31(catalog31, options),
  compilerOver: (catalog, options) => new Compiler31(catalog, options),
  expandPromptAliases: expandAliases31,
  scriptChecks: [Codes.duplicateLaunch, Codes.readMissingFile, Codes.unknownDialect],
};

/** Every dialect, the default (2.3) first. */
export const dialects: readonly Dialect[] = [dialect23, dialect31];

/** The dialect of a version string (`2.3`, `3.1`), or undefined. */
export function dialectOf(version: string): Dialect | undefined {
  return dialects.find((d) => d.version === version);
}
