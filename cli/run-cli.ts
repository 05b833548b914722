/**
 * The testable CLI: parses argv against the command descriptors and runs
 * one. Usage and I/O problems exit with status 2.
 */
import type { CommandSpec, ParsedArgs } from './command-spec.js';
import { CliError, type CliIO } from './cli-io.js';
import { closestName, OptionError, parseOptions } from './parse-options.js';
import type { CommandTable } from './command-table.js';
import { VERSION } from '../language/index.js';

/** Runs `mm ARGV...` with the commands of `commands` (`allCommands`: every one); resolves to the exit status. */
export async function runCli(argv: readonly string[], io: CliIO, commands: CommandTable): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? rest[0] : undefined;
    const cmd = topic ? await commands.load(topic) : undefined;
    if (topic && !cmd) {
      io.stderr(`${unknownCommand(topic, commands)}\n`);
      return 2;
    }
    io.stdout(cmd ? commandHelp(cmd) : mainHelp(await commands.loadAll()));
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === 'version') {
    io.stdout(`mm ${VERSION} (minimega 2.3 and 3.1 dialects)\n`);
    return 0;
  }
  const cmd = await commands.load(name);
  if (!cmd) {
    io.stderr(`${unknownCommand(name, commands)}\n\n${mainHelp(await commands.loadAll())}`);
    return 2;
  }
  let parsed: ParsedArgs;
  try {
    parsed = parseOptions(rest, cmd.options);
  } catch (e) {
    if (!(e instanceof OptionError)) throw e;
    io.stderr(`mm ${cmd.name}: ${e.message} (see mm help ${cmd.name})\n`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout(commandHelp(cmd));
    return 0;
  }
  try {
    return await cmd.run(parsed, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`mm ${cmd.name}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

/** The error for a command name mm does not have, with the closest one it has when one is close (`mm chek`). */
function unknownCommand(name: string, commands: CommandTable): string {
  const best = closestName(name, Object.keys(commands.loaders));
  return `mm: unknown command '${name}'${best ? ` (did you mean '${best}'?)` : ''}`;
}

function mainHelp(commands: readonly CommandSpec[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'mm: tools for minimega scripts (2.3 and 3.1)',
    '',
    'usage: mm COMMAND [OPTIONS] [ARGS]',
    '',
    'commands:',
    ...lines,
    '',
    'options:',
    '  --version  print the version of mm (also: mm version)',
    '  --help     print this help (also: mm help)',
    '',
    "Run 'mm help COMMAND' or 'mm COMMAND --help' for a command's options and examples.",
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
  const examples = cmd.examples?.length ? ['examples:', ...cmd.examples.map((e) => `  ${e}`), ''] : [];
  return [`usage: mm ${cmd.name} ${cmd.usage}`, '', cmd.summary, '', ...(opts.length ? ['options:', ...opts, ''] : []), ...notes, ...examples].join('\n');
}
