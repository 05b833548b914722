/** `mm parse`: how each line was understood, one JSON object per line. */
import { describeLine, splitLines, type Line } from '../language/index.js';
import type { CommandSpec } from './command-spec.js';
import { CliError, readScript } from './cli-io.js';
import { dialectFlag, ScriptLanguages, scriptDialectOption } from './dialect-choice.js';

/** Characters of JSON lines written at a time. */
const PIECE_CHARS = 64 * 1024;
/** Lines parsed at a time: a slice is described and let go before the next is parsed. */
const SLICE_LINES = 4096;

export const parseCommand: CommandSpec = {
  name: 'parse',
  usage: '[--dialect 2.3|3.1] FILE',
  summary: 'print how each line is matched (pattern, arguments, nested command) as JSON lines',
  options: { dialect: scriptDialectOption },
  notes: ['Exit status: 0 when every line compiles, 1 when any line is rejected ("ok": false), 2 on a\nusage or I/O error.'],
  examples: ['mm parse lab.mm', 'mm parse --dialect 3.1 lab.mm', "echo 'vm config net a,b 100' | mm parse -"],
  async run(args, io) {
    if (args.positionals.length !== 1) throw new CliError('parse needs exactly one FILE (or - for stdin)');
    const languages = new ScriptLanguages(dialectFlag(args.values.dialect, io.cwd), io.cwd);
    const text = await readScript(io, args.positionals[0]!);
    const language = languages.for(text, args.positionals[0]!);
    const texts = splitLines(text);
    // `.alias` lines take effect for the lines after them, across slices.
    const aliases = new Map<string, string>();
    // Parsed in slices and written in pieces as it is made, waiting for a
    // slow reader: neither the parsed lines nor the output (about 9 times
    // the script) are ever held whole.
    // A line is immutable and the language shares the Line of a text it has parsed before
    // (unnumbered): a repeated line's JSON is made once. Weak: it lives as long as the line.
    const described = new WeakMap<Line, { json: string; ok: boolean }>();
    let piece = '';
    let rejected = false;
    for (let at = 0; at < texts.length; at += SLICE_LINES) {
      for (const line of language.parseLines(texts.slice(at, at + SLICE_LINES), aliases, { valueChecks: false, numbered: false })) {
        let d = described.get(line);
        if (!d) {
          const view = describeLine(line);
          d = { json: `${JSON.stringify(view)}\n`, ok: view.ok };
          described.set(line, d);
        }
        rejected ||= !d.ok;
        piece += d.json;
        if (piece.length < PIECE_CHARS) continue;
        io.stdout(piece);
        piece = '';
        await io.stdoutDrained?.();
      }
    }
    if (piece !== '') io.stdout(piece);
    // As a compiler: a line minicli rejects fails the command (the JSON still shows every line).
    return rejected ? 1 : 0;
  },
};
