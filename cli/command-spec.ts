/** How CLI subcommands are declared: data plus a run function. */
import type { CliIO } from './cli-io.js';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
  /**
   * A string option whose value may be left out: `--attach` alone means its
   * default (the value is then ""), `--attach=PATH` gives one. Only the
   * `=` form takes a value, so a path is never mistaken for the next argument.
   */
  readonly optionalValue?: boolean;
  /** Placeholder shown in help, e.g. `NAME`. */
  readonly value?: string;
  readonly description: string;
  readonly default?: string | boolean;
}

export interface CommandSpec {
  readonly name: string;
  /** Usage line after `mm NAME`, e.g. `[--format text|json] FILE...`. */
  readonly usage: string;
  readonly summary: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Paragraphs printed after the options in `--help` (already wrapped). */
  readonly notes?: readonly string[];
  /** Command lines shown under "examples:" in `--help`. */
  readonly examples: readonly string[];
  /** Runs the command; resolves to the exit status. */
  readonly run: (args: ParsedArgs, io: CliIO) => Promise<number>;
}

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
  readonly positionals: readonly string[];
}
