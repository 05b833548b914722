/** `mm catalog import`: read the command set of the user's own minimega binary into a command set file. */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeCommandSet, type CommandSet } from '../language/index.js';
import { describeFsError } from '../interpreter/os-error.js';
import type { CommandSpec } from './command-spec.js';
import { CliError } from './cli-io.js';
import { importFromBinary, importFromJson } from './catalog-import.js';

const DEFAULT_OUTPUT = 'minimega-commands.json';
const DEFAULT_TIMEOUT_S = 10;
const MAX_TIMEOUT_S = 600;

export const catalogCommand: CommandSpec = {
  name: 'catalog',
  usage: 'import [--output FILE] [--no-builtin] [--timeout SECONDS] (PATH-TO-MINIMEGA | --json FILE)',
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
      '`# minimega: FILE` (relative to the script).',
  ],
  async run(args, io) {
    const [sub, ...rest] = args.positionals;
    if (sub !== 'import')
      throw new CliError(sub === undefined ? 'catalog needs a subcommand: import' : `unknown catalog subcommand '${sub}' (there is: import)`);
    const json = args.values.json as string | undefined;
    if (json === undefined ? rest.length !== 1 : rest.length !== 0) throw new CliError('catalog import needs exactly one PATH-TO-MINIMEGA, or --json FILE');
    const noBuiltin = args.values['no-builtin'] === true;
    const timeoutMs = parseTimeout(args.values.timeout) * 1000;
    const outputName = (args.values.output as string | undefined) ?? DEFAULT_OUTPUT;
    // `--dialect` and the first line take a path ending in .json as a command set file.
    if (!outputName.endsWith('.json')) throw new CliError(`--output must end in .json, not ${JSON.stringify(outputName)}`);
    const output = resolve(io.cwd, outputName);
    let set: CommandSet;
    let source: string;
    if (json !== undefined) {
      source = json;
      set = importFromJson(resolve(io.cwd, json), { noBuiltin });
    } else {
      source = rest[0]!;
      // A bare name would be looked up on PATH by spawn; the user named a file.
      const r = await importFromBinary(resolve(io.cwd, source), { noBuiltin, timeoutMs });
      set = r.set;
      for (const n of r.notes) io.stderr(`mm catalog: note: ${n}\n`);
    }
    writeAtomically(output, writeCommandSet(set));
    io.stdout(summary(set, source, outputName));
    return 0;
  },
};

function parseTimeout(v: unknown): number {
  if (v === undefined) return DEFAULT_TIMEOUT_S;
  const n = Number(v);
  if (typeof v !== 'string' || !/^\d+(\.\d+)?$/.test(v) || n <= 0 || n > MAX_TIMEOUT_S)
    throw new CliError(`--timeout must be a number of seconds above 0 and at most ${MAX_TIMEOUT_S}, not ${JSON.stringify(v)}`);
  return n;
}

/** Writes the whole file or nothing: a reader never sees half a command set. */
function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text, { flag: 'wx' });
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new CliError(`cannot write ${path}: ${describeFsError(e)}`);
  }
}

/** What was imported, what decides its matching, and how to use it. */
function summary(set: CommandSet, source: string, output: string): string {
  const patterns = set.handlers.reduce((n, h) => n + h.patterns.length, 0);
  const version = set.minimegaVersion ? `minimega ${set.minimegaVersion}` : 'minimega (version unknown)';
  const rules = set.rules === '3.1' ? 'pattern trie' : 'ordered closest match';
  const why = set.rulesFrom === 'version' ? 'its version' : `the closest built-in dialect, ${set.nearest}`;
  const lines = [
    `wrote ${output}: ${set.handlers.length} handlers (${patterns} patterns) of ${version} from ${source}`,
    `matching: minicli ${set.rules}'s rules (${rules}), chosen by ${why}`,
  ];
  if (set.useBuiltin) {
    lines.push(
      `same patterns in the same order as the built-in ${set.sameAs} dialect: scripts using this file are checked as ${set.sameAs}, with all its facts (--no-builtin keeps the imported set)`,
    );
  } else {
    const same = set.sameAs ? ` (the same patterns as the built-in ${set.sameAs} dialect, kept imported: --no-builtin)` : '';
    lines.push(
      `imported set${same}; categories, value checks and our help come from the built-in ${set.nearest} dialect for handlers with the same patterns, and are unknown for the others`,
    );
  }
  lines.push(`use it: mm check --dialect ${output} FILE..., or a first line \`# minimega: ${output}\` (a path relative to the script)`);
  return lines.join('\n') + '\n';
}
