/** `mm fmt`: write scripts in one canonical form (the language server's document formatting). */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AliasMap, formatLine, lineSlices, type LanguageService } from '../language/index.js';
import type { CommandSpec } from './command-spec.js';
import { CliError, displayName, outputParts, readScript } from './cli-io.js';
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
      const chunks = formattedChunks(languages.for(text, file), text);
      if (args.values.check) {
        if (!sameText(chunks, text)) {
          unformatted++;
          io.stdout(`${displayName(file)}\n`);
        }
      } else if (args.values.write) {
        const formatted = [...chunks].join('');
        if (formatted !== text) writeFileSync(resolve(io.cwd, file), formatted);
      } else {
        const out = outputParts(io);
        for (const chunk of chunks) out.part(chunk);
        out.flush();
      }
    }
    return unformatted > 0 ? 1 : 0;
  },
};

/**
 * A script formatted, in pieces whose concatenation is the whole: each
 * formatted line, lines joined by the script's line break (CRLF when it has
 * one anywhere), and a final line break when the script ends with one. The
 * lines are parsed and formatted a slice at a time, so a long script is never
 * held parsed whole (nor its formatted text, unless the caller joins it).
 */
export function* formattedChunks(language: LanguageService, text: string): Generator<string> {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const compile = (t: string) => language.compileLine(t, 0);
  const table = new AliasMap([]);
  let count = 0;
  let last = '';
  for (const slice of lineSlices(text, SLICE_LINES)) {
    const formatted = language.parseLines(slice, table, { numbered: false, lazy: true }).map((line) => formatLine(line, compile));
    yield (count === 0 ? '' : eol) + formatted.join(eol);
    count += formatted.length;
    last = formatted[formatted.length - 1]!;
  }
  // The lines end with the script's last line break (a last blank line is one more line break).
  const endsWithBreak = count >= 2 && last === '';
  if (/\r?\n$/.test(text) && !endsWithBreak) yield eol;
}

/** Lines formatted at a time. */
const SLICE_LINES = 2048;

/** Whether pieces spell `text` exactly. */
function sameText(chunks: Iterable<string>, text: string): boolean {
  let at = 0;
  for (const chunk of chunks) {
    if (!text.startsWith(chunk, at)) return false;
    at += chunk.length;
  }
  return at === text.length;
}
