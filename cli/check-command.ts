/**
 * `mm check`: lint scripts without running them and print every problem.
 * A line `mm run` rejects whatever the node's state is an error; what only
 * might fail is a warning (`--strict` makes warnings fail too). Files are
 * read and walked by `check-files.ts`, `read` is followed by
 * `check-reads.ts`, and problems printed by `check-report.ts`.
 */
import { dirname, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import type { CommandSpec } from './command-spec.js';
import { CliError, escapeControls, type CliIO } from './cli-io.js';
import { expandCheckArgs, readCheckSource } from './check-files.js';
import { followReads } from './check-reads.js';
import { parseForCheck, scriptProblems } from './check-script.js';
import { countFound, placedPart, printJson, printText, scriptPart, type ReportPart } from './check-report.js';
import { choosePalette, type ColorChoice } from './excerpt.js';
import { dialectFlag, ScriptLanguages, scriptDialectOption } from './dialect-choice.js';
import { tuneJitForInput } from './jit-batch.js';

export const checkCommand: CommandSpec = {
  name: 'check',
  usage: '[--format text|json] [--strict] [--color auto|always|never] [--dialect 2.3|3.1] FILE|DIR...',
  summary: 'check scripts for syntax, argument and script-level problems without running them (- reads stdin)',
  options: {
    format: { type: 'string', value: 'text|json', description: 'output format', default: 'text' },
    strict: { type: 'boolean', description: 'warnings fail too (exit 1), for CI' },
    dialect: scriptDialectOption,
    color: {
      type: 'string',
      value: 'auto|always|never',
      description: 'colour the text output (auto: on a terminal, unless NO_COLOR is set)',
      default: 'auto',
    },
  },
  notes: [
    'A DIR argument stands for every *.mm file under it. Files a script reads (`read FILE`) are\n' +
      "checked too, with paths relative to the script's folder as mm run takes them; their problems\n" +
      'are reported at their own file and line. Binary files are refused with one error.',
    'Exit status: 0 when there are no errors (and, with --strict, no warnings); 1 when there are;\n' +
      '2 when an argument cannot be read (a missing file, binary data) or on a usage error: every\n' +
      'other file is still checked.',
  ],
  examples: [
    'mm check lab.mm',
    'mm check --strict scripts/',
    'mm check --dialect 3.1 lab.mm',
    'mm check --format json lab.mm | jq .',
    'cat lab.mm | mm check -',
  ],
  async run(args, io) {
    const format = (args.values.format as string | undefined) ?? 'text';
    if (format !== 'text' && format !== 'json') throw new CliError(`--format must be text or json, not ${format}`);
    const color = (args.values.color as string | undefined) ?? 'auto';
    if (color !== 'auto' && color !== 'always' && color !== 'never') throw new CliError(`--color must be auto, always or never, not ${color}`);
    if (args.positionals.length === 0) throw new CliError('check needs at least one FILE or DIR (or - for stdin)');
    const { sources, problems } = expandCheckArgs(io, args.positionals);
    const found = await checkSources(io, sources, problems, new ScriptLanguages(dialectFlag(args.values.dialect, io.cwd), io.cwd));
    const counts = countFound(found, sources.length);
    if (format === 'json') printJson(io, found);
    else printText(io, found, counts, choosePalette(color as ColorChoice, io.stdoutIsTTY === true, io.env ?? {}));
    for (const p of problems) io.stderr(`mm check: ${escapeControls(p)}\n`);
    if (problems.length > 0) return 2;
    return counts.errors > 0 || (args.values.strict === true && counts.warnings > 0) ? 1 : 0;
  },
};

/** Checks every source (and the files they read); sources that cannot be read add to `problems`. */
async function checkSources(
  io: CliIO,
  sources: ReturnType<typeof expandCheckArgs>['sources'],
  problems: string[],
  languages: ScriptLanguages,
): Promise<ReportPart[]> {
  const found: ReportPart[] = [];
  // A file given (or found) as an argument is checked as itself, not again as a read file.
  const seen = new Set(sources.flatMap((s) => (s.path ? [s.path] : [])));
  // Input read so far, until it is long enough to tune V8 for (once).
  let chars = 0;
  let tuned = false;
  for (const source of sources) {
    const input = await readCheckSource(io, source);
    if (input.kind === 'refused') {
      problems.push(input.problem);
      continue;
    }
    if (!tuned) tuned = tuneJitForInput((chars += input.text.length));
    // Each file in its own dialect (--dialect, else its first line); files it reads follow it.
    const language = languages.for(input.text, source.path ?? '-', source.name);
    const script = parseForCheck(language, input.text);
    // `read` paths are relative to the script's folder (stdin: the working directory), as in `mm run`.
    const dir = source.path ? dirname(source.path) : io.cwd;
    const fileExists = (p: string): boolean => existsSync(resolve(dir, p));
    const after = language.checkLines(script.lines, { fileExists });
    found.push(scriptPart(source.name, scriptProblems(script, input.diagnostics, after)));
    found.push(placedPart(followReads(language, script.lines, { name: source.name, dir, seen })));
  }
  return found;
}
