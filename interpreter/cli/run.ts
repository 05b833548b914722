/**
 * `mm run`: runs scripts on one simulated node, on the head of an embedded
 * cluster (`--nodes`), or on a running node (`--connect`). A line that does
 * not parse stops its file with its error (as `read` does); a command that
 * fails prints its error and the file goes on.
 */
import { dirname, resolve } from 'node:path';
import { runScriptLines } from '../script-runner.js';
import { outputsOf, transcriptOf } from '../transcript.js';
import type { CommandSpec } from './command.js';
import { CliError, displayName, readScript } from './io.js';
import { nodeOptions } from './node-options.js';
import { openTarget, targetOptions } from './remote.js';

export const runCommand: CommandSpec = {
  name: 'run',
  usage: '[--name NAME] [--transcript] [--allow-shell] [--nodes N|NAMES | --connect URL [--secret-file FILE]] FILE...',
  summary: 'run scripts on a simulated minimega node (- reads stdin)',
  options: {
    ...nodeOptions,
    transcript: { type: 'boolean', description: 'print minitest\'s transcript format (## line, E: error, output) to stdout' },
    ...targetOptions,
  },
  async run(args, io) {
    if (args.positionals.length === 0) throw new CliError('run needs at least one FILE (or - for stdin)');
    const first = args.positionals[0]!;
    const cwd = first === '-' ? io.cwd : dirname(resolve(io.cwd, first));
    const target = await openTarget(io, { values: args.values, cwd });
    const transcript = args.values.transcript === true;
    let failed = false;
    try {
      for (const file of args.positionals) {
        const text = await readScript(io, file);
        const name = displayName(file);
        const fileFailed = await runScriptLines(target, text, (i, line, outcome) => {
          if (transcript) return io.stdout(transcriptOf(target.view, line, outcome));
          for (const o of outputsOf(target.view, outcome)) {
            if (o.text !== '') io.stdout(o.text + '\n');
            for (const e of o.errors) io.stderr(`${name}:${i + 1}: E: ${e}\n`);
          }
        });
        failed ||= fileFailed;
      }
    } finally {
      await target.close();
    }
    return failed ? 1 : 0;
  },
};
