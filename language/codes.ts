/**
 * Stable diagnostic codes. Tools, tests and editor settings refer to these
 * strings; never rename one, only add.
 */
export const Codes = {
  /** minicli's lexer rejected the line (quotes, escapes). */
  lexMissingTerminal: 'lex/missing-terminal',
  lexBadEscape: 'lex/unexpected-escape',
  lexMissingEscape: 'lex/expected-escape',
  /** No catalog pattern matches the line. */
  unknownCommand: 'match/unknown-command',
  /** The first words name a command but the rest does not fit any of its patterns. */
  badArguments: 'match/bad-arguments',
  /** An abbreviation matches more than one command. */
  ambiguousCommand: 'match/ambiguous',
  /** The line is no command of the file's dialect but one of another (data: `dialect`, `directive`). */
  otherDialect: 'match/other-dialect',
  /** 3.1: the line only works with an alias expanded, which minimega 3.1 does at its prompt and socket, not in files. */
  aliasInFile: 'match/alias-in-file',
  /** The first line names a command set file (`mm catalog import`) that cannot be read or is not one. */
  commandSetFile: 'dialect/command-set-file',
  /** A line longer than bufio.Scanner's 64 KiB limit. */
  lineTooLong: 'lex/line-too-long',
  /** Argument value checks (runtime would reject the value). */
  valueInteger: 'value/integer',
  /** The end of a range is not above its start. */
  valueRange: 'value/range',
  valueUnsigned: 'value/unsigned',
  valueFloat: 'value/float',
  valueDuration: 'value/duration',
  valueVmNames: 'value/vm-names',
  valueVmTarget: 'value/vm-target',
  valueNetspec: 'value/netspec',
  valueVlan: 'value/vlan',
  valueHosts: 'value/hosts',
  valueFilter: 'value/filter',
  valueAlias: 'value/alias',
  valueColumns: 'value/columns',
  valueNamespace: 'value/namespace',
  /** A value the command takes but that makes `vm launch` fail later (2.3's `vm config memory lots`). */
  launchValue: 'launch/value',
  /** Known 2.3 quirks worth a hint (`clear vm config init` clears initrd, ...). */
  quirk: 'quirk/2.3',
  /** Script-level checks. */
  launchWithoutQueue: 'script/launch-without-queue',
  nsmodWithoutNamespace: 'script/nsmod-without-namespace',
  namespaceWithoutHosts: 'script/namespace-without-hosts',
  duplicateLaunch: 'script/duplicate-launch',
  readMissingFile: 'script/read-missing-file',
  /** VMs queued in a namespace (`vm launch kvm NAMES`) that no later bare `vm launch` starts. */
  queueNeverLaunched: 'script/queue-never-launched',
  /** A VM command names a VM that is queued but not launched yet (minimega answers `vm not found`). */
  queuedNotLaunched: 'script/queued-not-launched',
  /** A `# minimega: X` first line naming a version `mm` does not know (the directive is ignored). */
  unknownDialect: 'script/unknown-dialect',
  /** A `read` in a file that `read` runs: minimega stops that file there. */
  nestedRead: 'script/nested-read',
  /** Bytes that are not UTF-8 (minimega reads bytes; `mm` sees U+FFFD). */
  invalidUtf8: 'input/invalid-utf8',
  /** The language server publishes at most so many problems a document; this one stands for the rest. */
  tooManyProblems: 'input/too-many-problems',
  /** A document longer than the language server parses: its only diagnostic. */
  documentTooLong: 'input/document-too-long',
} as const;

export type Code = (typeof Codes)[keyof typeof Codes];
