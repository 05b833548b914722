/** `mm parse`: how each line was understood, one JSON object per line. */
import { describeLine } from '../language/index.js';
import type { CommandSpec } from './command-spec.js';
import { CliError, readScript } from './cli-io.js';
import { dialectFlag, ScriptLanguages, scriptDialectOption } from './dialect-choice.js';

export const parseCommand: CommandSpec = {
  name: 'parse',
  usage: '[--dialect 2.3|3.1] FILE',
  summary: 'print how each line is matched (pattern, arguments, nested command) as JSON lines',
  options: { dialect: scriptDialectOption },
  async run(args, io) {
    if (args.positionals.length !== 1) throw new CliError('parse needs exactly one FILE (or - for stdin)');
    const languages = new ScriptLanguages(dialectFlag(args.values.dialect, io.cwd), io.cwd);
    const text = await readScript(io, args.positionals[0]!);
    const { script } = languages.for(text, args.positionals[0]!).parseScript(text, { valueChecks: false });
    const out: string[] = [];
    for (const line of script.lines) out.push(JSON.stringify(describeLine(line)));
    io.stdout(out.length ? out.join('\n') + '\n' : '');
    return 0;
  },
};
