/** `mm parse`: how each line was understood, one JSON object per line. */
import { lineSlices } from '../language/index.js';
import type { CommandSpec } from './command-spec.js';
import { CliError, outputParts, readScript } from './cli-io.js';
import { dialectFlag, ScriptLanguages, scriptDialectOption } from './dialect-choice.js';
import { tuneJitForInput } from './jit-batch.js';

/** Lines described at a time: a slice is written and let go before the next is described. */
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
    tuneJitForInput(text.length);
    const language = languages.for(text, args.positionals[0]!);
    // `.alias` lines take effect for the lines after them, across slices.
    const aliases = new Map<string, string>();
    // Described in slices and written as it is made, waiting for a slow
    // reader: neither the described lines nor the output (about 9 times the
    // script) are ever held whole. The language describes a repeated text once.
    const out = outputParts(io);
    let rejected = false;
    for (const texts of lineSlices(text, SLICE_LINES)) {
      const described = language.describeLines(texts, aliases);
      for (let k = 0; k < described.length; k++) {
        const d = described[k]!;
        rejected ||= !d.ok;
        if (out.line(d.json)) await io.stdoutDrained?.();
      }
    }
    out.flush();
    // As a compiler: a line minicli rejects fails the command (the JSON still shows every line).
    return rejected ? 1 : 0;
  },
};
