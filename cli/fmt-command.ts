/** `mm fmt`: write scripts in one canonical form (the language server's document formatting). */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatLines } from '../language/index.js';
import type { CommandSpec } from './command-spec.js';
import { CliError, displayName, readScript } from './cli-io.js';
import { dialectFlag, ScriptLanguages, scriptDialectOption } from './dialect-choice.js';
import { tuneJitForInput } from './jit-batch.js';

export const fmtCommand: CommandSpec = {
  name: 'fmt',
  usage: '[--write | --check] [--dialect 2.3|3.1] FILE...',
  summary: 'format scripts: one space between words, command words in full, no indentation or trailing blanks, comments kept (- reads stdin)',
  options: {
    write: { type: 'boolean', description: 'rewrite the files in place instead of printing them' },
    check: { type: 'boolean', description: 'print the names of files that are not formatted and exit 1 if any' },
    dialect: scriptDialectOption,
  },
  examples: ['mm fmt lab.mm', 'mm fmt --write *.mm', 'mm fmt --check scripts/*.mm'],
  notes: [
    'A line is rewritten only when it matches a command and still matches the same command afterwards; lines with errors only lose their leading and trailing blanks.',
  ],
  async run(args, io) {
    const files = args.positionals;
    if (files.length === 0) throw new CliError('fmt needs at least one FILE (or - for stdin)');
    if (args.values.write && args.values.check) throw new CliError('--write and --check exclude each other');
    if (args.values.write && files.includes('-')) throw new CliError('--write cannot rewrite stdin');
    const languages = new ScriptLanguages(dialectFlag(args.values.dialect, io.cwd), io.cwd);
    let unformatted = 0;
    // Input read so far, until it is long enough to tune V8 for (once).
    let chars = 0;
    let tuned = false;
    for (const file of files) {
      const text = await readScript(io, file);
      if (!tuned) tuned = tuneJitForInput((chars += text.length));
      const language = languages.for(text, file);
      const { script } = language.parseScript(text, { valueChecks: false });
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      let formatted = formatLines(script.lines, (t) => language.compileLine(t, 0), eol);
      // The parsed script has no line after a final line break: keep the break.
      if (/\r?\n$/.test(text) && !formatted.endsWith(eol)) formatted += eol;
      if (args.values.check) {
        if (formatted !== text) {
          unformatted++;
          io.stdout(`${displayName(file)}\n`);
        }
      } else if (args.values.write) {
        if (formatted !== text) writeFileSync(resolve(io.cwd, file), formatted);
      } else io.stdout(formatted);
    }
    return unformatted > 0 ? 1 : 0;
  },
};
