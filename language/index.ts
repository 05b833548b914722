/**
 * The language's public surface: what the runtime, the language server, the
 * CLI, the grammar generator and the benchmarks may use. Everything else in
 * `language/` is an internal module (tests may reach in). The layers below,
 * bottom up:
 *
 * - values and text: `text.ts` (Go string semantics), `ranges.ts`,
 *   `netspec.ts`, `filter.ts`, `patterns.ts`, `limits.ts`, `positions.ts`,
 *   `codes.ts`, `diagnostic.ts`, `ast.ts` (the `Line` interface semantic
 *   code asks);
 * - `lexing/` (characters to tokens to lexed lines), `catalog/` (one per
 *   dialect), `matching/` and `compile.ts` (minicli 2.3's matcher and
 *   Compile), `dialect.ts`;
 * - semantics: `built-line.ts`, `aliases.ts` (and `alias-map.ts`), `validation/`, `replay.ts`,
 *   `names.ts`, `name-sites.ts`, `launched-names.ts`, `describe.ts`,
 *   `suggest.ts`;
 * - `incremental/`: what is remembered to go faster (lines by text,
 *   templates by shape, lines built when read, relocation, compiled texts);
 * - `parse.ts`, the front door of parsing, and `service.ts`, the object that
 *   owns all that is remembered.
 */

// The service: one per server, node (or cluster) and CLI command.
export { createLanguageService, type LanguageService } from './service.js';
export { dialect23, dialect31, dialectOf, dialects, type Dialect, type DialectVersion } from './dialect.js';
export type { ImportedOrigin } from './dialect.js';
// Command sets read from a minimega binary (`minimega -cli`, cli-json.md).
export { cliItems, MAX_DUMP_BYTES, readCliDump, type CliHandler, type CliItem } from './imported/cli-dump.js';
export { readVersionLine, rulesOfVersion, type VersionLine } from './imported/version-rules.js';
export { COMMAND_SET_FORMAT, createCommandSet, readCommandSet, writeCommandSet, type CommandSet, type ImportOptions } from './imported/command-set.js';
export { renderImportedReference } from './imported/imported-reference.js';
export { checkedImportedDialect, createImportedDialect, type ImportedDialectResult } from './imported/imported-dialect.js';
export { dialectOfScript, directiveLine, directiveNamesFile, namesCommandSetFile, readDialectDirective, type DialectDirective } from './dialect-directive.js';
export { DialectServices } from './dialect-services.js';
export type { LinesOptions, ParsedScript, ParseOptions } from './parse.js';
export { VERSION } from './version.js';

// The AST and diagnostics.
export type { Command, CommandArgs, Comment, CommentCommand, Line, Script, Word, ChainReader } from './ast.js';
export { chainStartsWith, commandAt, commandChain, isCommand, subcommandOf } from './ast.js';
export { lineRange, type Position, type Range } from './positions.js';
export { createDiagnostic, diagnosticOnLine, type Diagnostic, type Severity } from './diagnostic.js';
export { Codes, type Code } from './codes.js';
export type { AliasTable, CompileResult, MatchFailure } from './compile-result.js';
export { applyAliasCommands, changesAliases, parseAliasDefinition } from './aliases.js';
export { describeLine, type LineView } from './describe.js';
export type { DescribedLine } from './incremental/line-descriptions.js';
export { formatLine } from './format.js';

// The catalog (minimega 2.3's) and pattern syntax.
export { catalog23, compiledHandlers, handlers, type Catalog, type CompiledHandler, type CompiledPattern } from './catalog/index.js';
export type { ArgDomain, ArgSpec, Category, HandlerRole, HandlerSpec, ImportedHandler, VmConfigParamSpec } from './catalog/types.js';
export { vmConfigParams31 } from './catalog/catalog-3.1.js';
export { renderCommandReference } from './catalog/reference.js';
export { renderPattern, type PatternItem } from './patterns.js';

// Lexing on its own (help texts, benchmarks).
export { lexCommandText, lexLine, lexScript, type SourceLine } from './lexing/lex.js';

// Names, script checks, suggestions.
export {
  buildNameIndexFromFacts,
  createNameIndex,
  pickDefinitions,
  replaySteps,
  type CommandFact,
  type CommandVisit,
  type LineFacts,
  type LineSite,
  type LineStep,
  type NameIndex,
  type NameKind,
  type NameSite,
  type NamespaceStep,
  type ScriptLines,
} from './names.js';
export type { CheckedLines, ScriptCheckOptions } from './validation/script-checks.js';
export type { ChecksMemo } from './validation/checks-state.js';
export { orderDiagnostics, placeInOrder, visitInOrder, type OwnProblems } from './placement.js';
// What the runtime's handlers share with the static checks: the namespace rule, launch refusals.
export { launchCountError, vmNameError } from './validation/checkers.js';
export { leavesActive, namespaceStepKind, type StepKind } from './replay.js';
export type { CandidateKind, CompletionCandidate, CompletionOptions, CompletionResult, NameSource, SignatureMatch } from './suggest.js';
export { NAME_KIND_LABELS } from './suggest.js';

// minimega's value semantics, shared with the runtime.
export {
  atoiError,
  codePointLength,
  goAtoi,
  goLeadingSpaceLength,
  goParseInt32,
  goParseUint,
  goQuote,
  goTrimSpace,
  groupThousands,
  isBareWord,
  isGoSpace,
  lineSlices,
  quoteAlways,
  quoteWord,
  splitLines,
} from './text.js';
export { compareBytes, listCount, listError, splitList, unsplitList, type SplitResult } from './ranges.js';
export { DEFAULT_BRIDGE, DEFAULT_DRIVER, isMac, NIC_DRIVERS, netspecMacError, parseNetspec, type Netspec, type NetspecResult } from './netspec.js';
export { filterMatches, isFilter, parseFilter, type Filter } from './filter.js';

// Sizes every front end holds input to, and the alias table that stays linear with many aliases.
export {
  exceedsLineLimit,
  LINE_TOO_LONG,
  launchTooLarge,
  MAX_LAUNCH_VMS,
  MAX_LINE_BYTES,
  MAX_LIST_NAMES,
  MAX_NODE_VMS,
  MAX_RANGE,
} from './limits.js';
export { AliasMap } from './alias-map.js';
