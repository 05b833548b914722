/** `mm catalog import`: read the command set of the user's own minimega binary into a command set file. */
import { resolve } from 'node:path';
import type { CommandSpec } from './command-spec.js';
import { CliError, type CliIO } from './cli-io.js';
import { loadCommandSetDialect } from './command-set-file.js';
import { renderImportedReference } from '../language/index.js';
import { ImportError, importCommandSet, summary } from '../server/command-set-import.js';

const DEFAULT_OUTPUT = 'minimega-commands.json';
const DEFAULT_TIMEOUT_S = 10;
const MAX_TIMEOUT_S = 600;

export const catalogCommand: CommandSpec = {
  name: 'catalog',
  usage: 'import [--output FILE] [--no-builtin] [--timeout SECONDS] (PATH-TO-MINIMEGA | --json FILE) | reference FILE',
  summary: 'import the command set of your own minimega binary (its `-cli` output) for check, parse and the editor',
  options: {
    json: { type: 'string', value: 'FILE', description: 'read a saved `minimega -cli` output instead of running a binary (the version is then unknown)' },
    output: { type: 'string', short: 'o', value: 'FILE', description: 'the command set file to write', default: DEFAULT_OUTPUT },
    'no-builtin': { type: 'boolean', description: 'keep the imported set even when it equals a built-in dialect' },
    timeout: { type: 'string', value: 'SECONDS', description: 'how long each run of the binary may take', default: String(DEFAULT_TIMEOUT_S) },
  },
  notes: [
    'Runs exactly `PATH -cli` and then `PATH -version`: no shell, no other argument, standard input\n' +
      'closed, in an empty temporary directory, killed after the timeout. minimega prints its command\n' +
      'list and exits without starting. Use the file with `--dialect FILE` or a first line\n' +
      '`# minimega: FILE` (relative to the script). `mm catalog reference FILE` prints the command\n' +
      "reference of an imported set as Markdown, with the binary's own help texts.",
  ],
  examples: [
    'mm catalog import /usr/local/bin/minimega',
    'mm catalog import --json cli.json --output site-commands.json',
    'mm check --dialect site-commands.json lab.mm',
    'mm catalog reference site-commands.json > commands.md',
  ],
  async run(args, io) {
    const [sub, ...rest] = args.positionals;
    if (sub === 'reference') return printReference(rest, io);
    if (sub !== 'import')
      throw new CliError(
        sub === undefined ? 'catalog needs a subcommand: import or reference' : `unknown catalog subcommand '${sub}' (there are: import, reference)`,
      );
    const json = args.values.json as string | undefined;
    if (json === undefined ? rest.length !== 1 : rest.length !== 0) throw new CliError('catalog import needs exactly one PATH-TO-MINIMEGA, or --json FILE');
    const noBuiltin = args.values['no-builtin'] === true;
    const timeoutMs = parseTimeout(args.values.timeout) * 1000;
    const outputName = (args.values.output as string | undefined) ?? DEFAULT_OUTPUT;
    // `--dialect` and the first line take a path ending in .json as a command set file.
    if (!outputName.endsWith('.json')) throw new CliError(`--output must end in .json, not ${JSON.stringify(outputName)}`);
    const output = resolve(io.cwd, outputName);
    try {
      // Paths are made absolute: spawn would look a bare name up on PATH, and the user named a file.
      const r = await importCommandSet({
        ...(json !== undefined ? { json: resolve(io.cwd, json) } : { binary: resolve(io.cwd, rest[0]!) }),
        output,
        noBuiltin,
        timeoutMs,
      });
      for (const n of r.notes) io.stderr(`mm catalog: note: ${n}\n`);
      io.stdout(summary(r.set, json ?? rest[0]!, outputName));
    } catch (e) {
      if (e instanceof ImportError) throw new CliError(e.message);
      throw e;
    }
    return 0;
  },
};

/** `mm catalog reference FILE`. */
function printReference(rest: readonly string[], io: CliIO): number {
  if (rest.length !== 1) throw new CliError('catalog reference needs exactly one command set FILE');
  const dialect = loadCommandSetDialect(resolve(io.cwd, rest[0]!));
  if (!dialect.imported) {
    io.stdout(
      `${rest[0]} stands for the built-in minimega ${dialect.name} dialect; its reference is docs/commands.md (or the editor's Show Command Reference).\n`,
    );
    return 0;
  }
  io.stdout(renderImportedReference(dialect));
  return 0;
}

function parseTimeout(v: unknown): number {
  if (v === undefined) return DEFAULT_TIMEOUT_S;
  const n = Number(v);
  if (typeof v !== 'string' || !/^\d+(\.\d+)?$/.test(v) || n <= 0 || n > MAX_TIMEOUT_S)
    throw new CliError(`--timeout must be a number of seconds above 0 and at most ${MAX_TIMEOUT_S}, not ${JSON.stringify(v)}`);
  return n;
}
