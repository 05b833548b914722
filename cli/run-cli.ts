/**
 * The testable CLI: parses argv with util.parseArgs against the command
 * descriptors and runs one. Usage and I/O problems exit with status 2.
 */
import { parseArgs } from 'node:util';
import type { CommandSpec, OptionSpec } from './command-spec.js';
import { CliError, type CliIO } from './cli-io.js';
import { loadCommand, loadCommands } from './commands.js';
import { VERSION } from '../language/index.js';

/** Runs `mm ARGV...`; resolves to the exit status. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? rest[0] : undefined;
    const cmd = topic ? await loadCommand(topic) : undefined;
    if (topic && !cmd) {
      io.stderr(`mm: unknown command '${topic}'\n`);
      return 2;
    }
    io.stdout(cmd ? commandHelp(cmd) : mainHelp(await loadCommands()));
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === 'version') {
    io.stdout(`mm ${VERSION} (minimega 2.3 dialect)\n`);
    return 0;
  }
  const cmd = await loadCommand(name);
  if (!cmd) {
    io.stderr(`mm: unknown command '${name}'\n\n${mainHelp(await loadCommands())}`);
    return 2;
  }
  // biome-ignore lint/suspicious/noImplicitAnyLet: the type is parseArgs' own result for these options
  let parsed;
  try {
    parsed = parseArgs({
      args: withOptionalValues(rest, cmd.options),
      options: { ...toParseArgsOptions(cmd.options), help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    io.stderr(`mm ${cmd.name}: ${(e as Error).message}\nusage: mm ${cmd.name} ${cmd.usage}\n`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout(commandHelp(cmd));
    return 0;
  }
  try {
    return await cmd.run({ values: parsed.values, positionals: parsed.positionals }, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`mm ${cmd.name}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

/** `--opt` alone becomes `--opt=` for the options whose value may be left out. */
function withOptionalValues(args: readonly string[], options: Readonly<Record<string, OptionSpec>>): string[] {
  const out: string[] = [];
  for (const [i, a] of args.entries()) {
    // After `--`, everything is a positional argument.
    if (a === '--') return out.concat(args.slice(i));
    out.push(a.startsWith('--') && options[a.slice(2)]?.optionalValue ? `${a}=` : a);
  }
  return out;
}

function toParseArgsOptions(options: Readonly<Record<string, OptionSpec>>) {
  const out: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const [k, o] of Object.entries(options)) {
    out[k] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) };
  }
  return out;
}

function mainHelp(commands: readonly CommandSpec[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'mm: tools for minimega 2.3 scripts',
    '',
    'usage: mm COMMAND [OPTIONS] [ARGS]',
    '',
    'commands:',
    ...lines,
    '',
    "Run 'mm help COMMAND' or 'mm COMMAND --help' for a command's options.",
    '',
  ].join('\n');
}

function commandHelp(cmd: CommandSpec): string {
  const opts = Object.entries(cmd.options).map(([k, o]) => {
    const value = o.optionalValue ? `[=${o.value ?? 'VALUE'}]` : o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : '';
    const flag = `--${k}${value}`;
    const def = o.default !== undefined && o.default !== false ? ` (default: ${String(o.default)})` : '';
    return `  ${flag.padEnd(28)} ${o.description}${def}`;
  });
  const notes = (cmd.notes ?? []).flatMap((n) => [n, '']);
  return [`usage: mm ${cmd.name} ${cmd.usage}`, '', cmd.summary, '', ...(opts.length ? ['options:', ...opts, ''] : []), ...notes].join('\n');
}
