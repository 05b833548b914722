/**
 * Types of the command catalog: every minimega 2.3 handler as data.
 * The catalog is the one source for the matcher, the interpreter's dispatch,
 * completion, hover, signature help, the TextMate grammar and the docs.
 */

/** How a handler behaves when a namespace is active (see docs/namespaces.md). */
export type Category = 'local' | 'broadcast' | 'vmtarget' | 'special';

/**
 * What values an argument takes, where the catalog knows it. Drives the
 * value checks (warnings) and completion hints; `text` means anything goes.
 */
export type ArgDomain =
  | 'text'
  | 'int'
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
  | 'ip';

/** Documentation and domain of one argument key of a handler. */
export interface ArgSpec {
  /** One line, shown in completion items and signature help. */
  readonly summary: string;
  /** Longer text: values, defaults, an example. Plain text with code in backticks. */
  readonly doc?: string;
  readonly domain?: ArgDomain;
}

/** One handler as registered by minimega 2.3, in registration order. */
export interface HandlerSpec {
  /** Stable id, e.g. `vm config net`; unique within the catalog. */
  readonly id: string;
  /** The source family the handler belongs to (`vm`, `vmconfig`, `builtin`, ...). */
  readonly group: string;
  readonly category: Category;
  /** Exact minicli pattern strings, in registration order. */
  readonly patterns: readonly string[];
  /** One line in our own words, no trailing period: `help`'s short help, completion detail. */
  readonly summary: string;
  /**
   * The long help: paragraphs separated by blank lines, plain text that reads
   * well in a terminal and renders as Markdown (code in backticks, `- ` lists,
   * examples indented by four spaces; no headings or tables). Covers the forms,
   * values and defaults, namespace behaviour, an example and known 2.3 quirks.
   */
  readonly doc: string;
  /** Per argument key (the first word inside the brackets, or a choice option). */
  readonly args: Readonly<Record<string, ArgSpec>>;
  /** Whether the simulator models the command's effect (decision 12). */
  readonly simulated: boolean;
  /** Known 2.3 quirks worth telling the user about, one sentence each (also told in `doc`). */
  readonly quirks?: readonly string[];
}
