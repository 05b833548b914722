/**
 * Command-line options, parsed against a command's option specs with the
 * CLI's own messages (`unknown option --bogus`, `--nodes needs a value`).
 * As getopt does, a string option takes the next argument as its value
 * even when it starts with `-` (`--nodes -1` is then refused by the
 * option's own check, with a message saying why).
 */
import type { OptionSpec, ParsedArgs } from './command-spec.js';

/** A problem with the options; the caller adds the command's name and the help hint. */
export class OptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OptionError';
  }
}

/** `-h` and `--help`, which every command takes. */
const HELP: OptionSpec = { type: 'boolean', short: 'h', description: 'print this help' };

/** Parses `args` against `options` (and `--help`). */
export function parseOptions(args: readonly string[], options: Readonly<Record<string, OptionSpec>>): ParsedArgs {
  const specs: Record<string, OptionSpec> = { ...options, help: HELP };
  const shorts = new Map(Object.entries(specs).flatMap(([k, o]) => (o.short ? [[o.short, k] as const] : [])));
  const values: Record<string, string | boolean | string[] | undefined> = {};
  const positionals: string[] = [];
  const set = (name: string, spec: OptionSpec, value: string | boolean): void => {
    if (spec.multiple) {
      const list = (values[name] as string[] | undefined) ?? [];
      list.push(value as string);
      values[name] = list;
      return;
    }
    if (values[name] !== undefined) throw new OptionError(`--${name} is given more than once`);
    values[name] = value;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (a === '-' || !a.startsWith('-')) {
      positionals.push(a);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      inline = eq < 0 ? undefined : a.slice(eq + 1);
    } else {
      const long = shorts.get(a.slice(1));
      if (a.length !== 2 || long === undefined) throw new OptionError(`unknown option ${a}`);
      name = long;
    }
    const spec = specs[name];
    if (!spec) throw new OptionError(`unknown option --${name}${closest(name, Object.keys(specs))}`);
    if (spec.type === 'boolean') {
      if (inline !== undefined) throw new OptionError(`--${name} takes no value (given ${JSON.stringify(inline)})`);
      set(name, spec, true);
      continue;
    }
    if (inline !== undefined) set(name, spec, inline);
    else if (spec.optionalValue) set(name, spec, '');
    else if (i + 1 < args.length) set(name, spec, args[++i]!);
    else throw new OptionError(`--${name} needs a value (${spec.value ?? 'VALUE'})`);
  }
  return { values, positionals };
}

/** ` (did you mean --x?)` for a mistyped option, when one is close. */
function closest(name: string, known: readonly string[]): string {
  const best = closestName(name, known);
  return best ? ` (did you mean --${best}?)` : '';
}

/**
 * The name of `known` closest to a mistyped `name` (an option, a command),
 * or undefined when none is close: within a third of its length in edits,
 * and at least two.
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const k of known) {
    const d = editDistance(name, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  // Option names are short: the plain two-row table is enough.
  let prev = Array.from({ length: b.length + 1 }, (_v, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}
