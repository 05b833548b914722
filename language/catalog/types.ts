/**
 * Types of the command catalogs: every handler of a minimega dialect (2.3,
 * 3.1) as data. A dialect's catalog is the one source for the matcher, the
 * interpreter's dispatch, completion, hover, signature help, the TextMate
 * grammar and the docs. Fields marked "3.1 catalog" are only set there.
 */

import type { PrecompiledItem } from './precompiled-items.js';

/** How a handler behaves when a namespace is active (`categoryMeaning` in reference.ts; docs/commands.md). */
export type Category = 'local' | 'broadcast' | 'vmtarget' | 'special';

/**
 * What values an argument takes, where the catalog knows it. Drives the
 * value checks (warnings) and completion hints; `text` means anything goes.
 */
export type ArgDomain =
  | 'text'
  | 'int'
  /** An integer above the command's `min` argument (`vlans range <min> <max>`). */
  | 'rangeEnd'
  | 'uint'
  | 'float'
  | 'duration'
  | 'vmTarget'
  | 'vmNames'
  | 'vmName'
  | 'netspec'
  | 'vlan'
  | 'hosts'
  | 'filter'
  | 'columns'
  | 'alias'
  | 'path'
  | 'command'
  | 'namespace'
  | 'tapName'
  | 'bridge'
  | 'configName'
  | 'mac'
  | 'ip'
  /** 3.1: one disk, `path[,interface][,cache]` (`vm config disks`). */
  | 'diskspec'
  /** 3.1: one bond, `index,index,...,mode[,lacp][,no-lacp-fallback][,qinq][,name]` (`vm config bonds`). */
  | 'bondspec'
  /** 3.1: a named pipe of the plumber; `ns//name` names another namespace's pipe. */
  | 'pipe'
  /** One host name of the cluster (not a list); `localhost` may stand for this node. */
  | 'hostName';

/** Documentation and domain of one argument key of a handler. */
export interface ArgSpec {
  /** One line, shown in completion items and signature help. */
  readonly summary: string;
  /** Longer text: values, defaults, an example. Plain text with code in backticks. */
  readonly doc?: string;
  readonly domain?: ArgDomain;
  /**
   * When minimega refuses a bad value of the domain: `when-set`, the command
   * itself fails (the value check is an error); `at-launch`, the command takes
   * it and launching a VM with it fails later (a warning that says so).
   * Absent: a warning.
   */
  readonly rejected?: 'when-set' | 'at-launch';
  /**
   * For a `hosts` argument of a command that both adds and removes hosts: the
   * word that makes it add them (`add-host` of 2.3's `nsmod`, `add-hosts` of
   * 3.1's `ns`). The names of such an argument are the cluster's hosts the
   * script relies on.
   */
  readonly addedBy?: string;
}

/**
 * What a 3.1 handler changed compared with minimega 2.3, for hover and the
 * cross-dialect hints (3.1 catalog). The kinds follow `changesFrom23` of the
 * 3.1 research catalog, plus one of our own:
 * - `added`: 2.3 had no handler with these patterns;
 * - `changed`: the 2.3 handler `from` had other patterns or another category
 *   (renamed fields and argument keys included);
 * - `behaviour`: same patterns and category as the 2.3 handler `from`, but
 *   the command acts or prints differently (as minimega 3.1 runs it).
 */
export interface HandlerChange {
  readonly kind: 'added' | 'changed' | 'behaviour';
  /** Id of the corresponding handler in the 2.3 catalog; set for `changed` and `behaviour`. */
  readonly from?: string;
  /** In our own words, one or two sentences: what a 2.3 user must know. */
  readonly note: string;
}

/**
 * Spellings that a dialect still accepts but whose authors replaced them
 * (3.1 catalog): completion can rank them last and hover can point to `use`.
 */
export interface DeprecatedForm {
  /** The handler's patterns that are the old spelling (all of them when the whole handler is). */
  readonly patterns: readonly string[];
  /** The command to write instead, e.g. `vm save`. */
  readonly use: string;
}

/** A 2.3 handler that 3.1 no longer has (3.1 catalog), for the cross-dialect hints. */
export interface RemovedHandler {
  /** Its id in the 2.3 catalog, e.g. `nsmod`. */
  readonly id: string;
  /** In our own words: what became of it and what to use in 3.1. */
  readonly note: string;
}

/** The kind of value a `vm config` field holds (3.1 catalog). */
export type VmConfigType =
  | 'string'
  | 'uint'
  | 'int'
  | 'bool'
  /** A list of words, shown as `[a b]`. */
  | 'strings'
  /** Keys to values, shown as a JSON object or as `key -> value` lines. */
  | 'map'
  | 'networks'
  | 'bonds'
  | 'disks'
  /** `vm config qemu-override`'s text replacements. */
  | 'overrides';

/**
 * What minimega checks when a `vm config` field is set (3.1 catalog):
 * `uint`/`int` parse errors, `choice` (only the pattern's words), `path`
 * (relative paths are joined to the files directory, a missing file only
 * warns), the QEMU `cpu` and `machine` lists, the `schedule`/`colocate`
 * exclusion and host check, the spec parsers, or `none`.
 */
export type VmConfigCheck = 'none' | 'uint' | 'int' | 'choice' | 'path' | 'cpu' | 'machine' | 'schedule' | 'colocate' | 'netspec' | 'bondspec' | 'diskspec';

/** One `vm config` field of a dialect: type, default and validation (3.1 catalog). */
export interface VmConfigParamSpec {
  /** The field as typed after `vm config`, e.g. `serial-ports`. */
  readonly name: string;
  /** The VM types that use it; `android` fields configure the host-side emulator. */
  readonly appliesTo: 'all' | 'kvm' | 'container' | 'android';
  readonly type: VmConfigType;
  /**
   * The value in a fresh config, in Go's notation as `vm config` prints it:
   * the empty string for empty text, `[]` / `[a b]` for lists, `{}` for maps.
   */
  readonly default: string;
  /** Id of the handler that shows and sets the field. */
  readonly handler: string;
  /** The words after `clear vm config` that reset it (`state` and `migrate` both reset `state`). */
  readonly clear: readonly string[];
  readonly check: VmConfigCheck;
  /** What happens to a value when it is set, in our own words. */
  readonly validation: string;
}

/**
 * What a handler means to the code that follows a script's state across
 * commands (the runtime and the static replay): the one place where such code
 * learns which handler switches namespaces or launches VMs, so that it asks
 * the role and never compares handler ids. Handlers no such code singles out
 * have none.
 * - `namespace`: `namespace [name]` switches to a namespace, `namespace <name>
 *   (command)` runs one command in it;
 * - `leave-namespace`: `clear namespace`, which leaves the namespace it clears;
 * - `namespace-hosts`: changes the active namespace's hosts (`nsmod`);
 * - `launch`: launches or queues VMs (`vm launch`), or starts the queue;
 * - `flush`: forgets VMs that are no longer running (`vm flush`);
 * - `read`: runs the commands of a file;
 * - `write`: writes the history to a file (that a later `read` may run);
 * - `alias`, `unalias`: define and remove the aliases later lines compile with;
 * - `vlan-alias`: its `alias` argument names VLAN aliases (`vlans`);
 * - `tap`: creates and names host taps;
 * - `config`: shows, saves and restores whole VM configs (`vm config`);
 * - `quit`: stops the node;
 * - `mesh-send`: sends a command to other nodes;
 * - `vm-command`: acts on existing VMs by name (`vm start`, `vm stop`,
 *   `vm kill`), answering `vm not found` for one that does not exist.
 */
export type HandlerRole =
  | 'namespace'
  | 'leave-namespace'
  | 'namespace-hosts'
  | 'launch'
  | 'flush'
  | 'read'
  | 'write'
  | 'alias'
  | 'unalias'
  | 'vlan-alias'
  | 'tap'
  | 'config'
  | 'quit'
  | 'mesh-send'
  | 'vm-command';

/** One handler as registered by minimega, in registration order. */
export interface HandlerSpec {
  /** Stable id, e.g. `vm config net`; unique within the catalog. */
  readonly id: string;
  /** The source family the handler belongs to (`vm`, `vmconfig`, `builtin`, ...). */
  readonly group: string;
  readonly category: Category;
  /** What code that follows a script's state asks of it (see `HandlerRole`); absent for most handlers. */
  readonly role?: HandlerRole;
  /**
   * For a `special` handler: what it does when a namespace is active, one
   * sentence in our own words (hover and signature help show it).
   */
  readonly namespaceBehaviour?: string;
  /** Exact minicli pattern strings, in registration order. */
  readonly patterns: readonly string[];
  /** One line in our own words, no trailing period: `help`'s short help, completion detail. */
  readonly summary: string;
  /**
   * The long help: paragraphs separated by blank lines, plain text that reads
   * well in a terminal and renders as Markdown (code in backticks, `- ` lists,
   * examples indented by four spaces; no headings or tables). Covers the forms,
   * values and defaults, namespace behaviour, an example and known quirks.
   */
  readonly doc: string;
  /** Per argument key (the first word inside the brackets, or a choice option). */
  readonly args: Readonly<Record<string, ArgSpec>>;
  /** Known quirks worth telling the user about, one sentence each (also told in `doc`). */
  readonly quirks?: readonly string[];
  /** 3.1 catalog: what differs from minimega 2.3; absent when nothing a user sees changed. */
  readonly since23?: HandlerChange;
  /** 3.1 catalog: patterns that are an old spelling of another command. */
  readonly deprecated?: DeprecatedForm;
  /** An imported command set's handler: the binary's own help and where the other facts came from. */
  readonly imported?: ImportedHandler;
}

/**
 * What `minimega -cli` said of a handler, and whether a built-in dialect had
 * a handler with the same patterns to lend its facts (category, roles,
 * argument domains, our own help). Without one, the category is `local` as
 * the dump spec says, but unknown, and nothing else is known.
 */
export interface ImportedHandler {
  /** minimega's own short help (may be empty). */
  readonly helpShort: string;
  /** minimega's own long help (may be empty). */
  readonly helpLong: string;
  /** The built-in dialect that lent its facts (`3.1`), or undefined when none has these patterns. */
  readonly factsFrom: string | undefined;
}

/** What compiling one handler's patterns gives, as plain data (`precompileHandlers`): its shared prefix and each pattern's items. */
export type PrecompiledHandler = readonly [sharedPrefix: string, patterns: readonly (readonly PrecompiledItem[])[]];
