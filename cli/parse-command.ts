/** `mm parse`: how each line was understood, one JSON object per line. */
import { createLanguageService, describeLine } from '../language/index.js';
import type { CommandSpec } from './command-spec.js';
import { CliError, readScript } from './cli-io.js';

export const parseCommand: CommandSpec = {
  name: 'parse',
  usage: 'FILE',
  summary: 'print how each line is matched (pattern, arguments, nested command) as JSON lines',
  options: {},
  notes: ['Exit status: 0 when every line compiles, 1 when any line is rejected ("ok": false), 2 on a\nusage or I/O error.'],
  examples: ['mm parse lab.mm', "echo 'vm config net a,b 100' | mm parse -"],
  async run(args, io) {
    if (args.positionals.length !== 1) throw new CliError('parse needs exactly one FILE (or - for stdin)');
    const text = await readScript(io, args.positionals[0]!);
    const { script } = createLanguageService().parseScript(text, { valueChecks: false });
    const out: string[] = [];
    let rejected = false;
    for (const line of script.lines) {
      const view = describeLine(line);
      rejected ||= !view.ok;
      out.push(JSON.stringify(view));
    }
    io.stdout(out.length ? out.join('\n') + '\n' : '');
    // As a compiler: a line minicli rejects fails the command (the JSON still shows every line).
    return rejected ? 1 : 0;
  },
};
