/**
 * `--dialect FILE` on the runtime commands (`mm run`, `mm repl`, `mm node`):
 * the simulator runs only the dialects it knows, so with an imported command
 * set it says which one it simulates, and `mm run` flags the lines whose
 * commands that one does not know before running them (they then fail as
 * unknown commands: nothing is pretended).
 */
import { resolve } from 'node:path';
import { createLanguageService, dialectOf, namesCommandSetFile, type Dialect, type LanguageService } from '../language/index.js';
import type { SocketDialect } from '../interpreter/socket/protocol.js';
import type { CliIO } from './cli-io.js';
import type { OptionSpec } from './command-spec.js';
import { loadCommandSetDialect } from './command-set-file.js';
import { dialectOption, parseDialect } from './node-options.js';

/** The runtime commands' `--dialect`: a version, or a command set file. */
export const runDialectOption: OptionSpec = {
  ...dialectOption,
  value: '2.3|3.1|FILE',
  description: `${dialectOption.description}; a command set file from \`mm catalog import\` (a path ending in .json) runs as its closest built-in dialect (\`mm run\` flags the lines the simulator does not know)`,
};

/** The dialect a run follows, and how its scripts are looked at first. */
export interface RunDialect {
  readonly socket: SocketDialect;
  /** Writes a warning to stderr for every line the imported set knows and the simulator does not. */
  readonly flagUnknown: (text: string, name: string) => void;
}

/** Reads `--dialect` of `mm COMMAND`: a version as before; a command set file announces what is simulated. */
export function runDialect(value: unknown, io: CliIO, command = 'run'): RunDialect {
  const path = typeof value === 'string' && namesCommandSetFile(value) ? resolve(io.cwd, value) : undefined;
  if (path === undefined) return { socket: parseDialect(value), flagUnknown: () => {} };
  const set = loadCommandSetDialect(path, '--dialect: ');
  // The node runs the built-in dialect nearest to the set: its commands and its socket protocol.
  const socket = (set.imported?.nearest ?? set).version;
  const simulator = createLanguageService(dialectOf(socket));
  const what = set.imported ? `${set.name}, imported from ${value}` : `${value}, the built-in ${set.name} dialect`;
  io.stderr(`mm ${command}: ${what}: simulating minimega ${simulator.dialect.name}\n`);
  if (set.imported === undefined && set === simulator.dialect) return { socket, flagUnknown: () => {} };
  const own = createLanguageService(set);
  const whose = set.imported ? 'in the imported command set' : `a minimega ${set.name} command`;
  return { socket, flagUnknown: (text, name) => flagLines(own, simulator, whose, text, name, io) };
}

function flagLines(own: LanguageService, simulator: LanguageService, whose: string, text: string, name: string, io: CliIO): void {
  const mine = own.parseScript(text, { valueChecks: false }).script.lines;
  const theirs = simulator.parseScript(text, { valueChecks: false }).script.lines;
  const d: Dialect = simulator.dialect;
  mine.forEach((line, i) => {
    if (line.status !== 'command' || theirs[i]?.status !== 'error') return;
    const at = line.command!.range.start;
    io.stderr(
      `${name}:${i + 1}:${at.character + 1}: warning: \`${line.command!.pattern}\` is ${whose}, but the simulator (minimega ${d.name}) does not know it\n`,
    );
  });
}
