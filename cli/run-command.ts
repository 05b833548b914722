/**
 * `mm run`: runs scripts on one simulated node, on the head of an embedded
 * cluster (`--nodes`), on a running node (`--connect`), or on a minimega
 * daemon over its socket (`--attach`, in `attach-run.ts`). A line that does
 * not parse stops its file with its error (as `read` does); a command that
 * fails prints its error and the file goes on.
 */
import { dirname, resolve } from 'node:path';
import { runScriptLines } from '../interpreter/script-runner.js';
import { outputPieces, transcriptChunks } from '../interpreter/transcript.js';
import type { CommandSpec } from './command-spec.js';
import { CliError, displayName, readScript, type CliIO } from './cli-io.js';
import { attachOption, ATTACH_NOTES } from './attach-session.js';
import { runAttached } from './attach-run.js';
import { nodeOptions } from './node-options.js';
import { runDialect, runDialectOption } from './imported-simulation.js';
import { openTarget, targetOptions } from './targets-remote.js';

export const runCommand: CommandSpec = {
  name: 'run',
  usage:
    '[--name NAME] [--transcript] [--allow-shell] [--files-dir HOSTDIR] [--files-path PATH] [--dialect 2.3|3.1] [--nodes N|NAMES | --connect URL [--keys DIR | --secret-file FILE] | --attach[=SOCKET]] FILE...',
  summary: 'run scripts on a simulated minimega node, or on a real one with --attach (- reads stdin)',
  options: {
    ...nodeOptions,
    transcript: { type: 'boolean', description: "print minitest's transcript format (## line, E: error, output) to stdout" },
    ...targetOptions,
    attach: attachOption,
    dialect: runDialectOption,
  },
  notes: [
    ...ATTACH_NOTES,
    'Exit status: 0 when every command succeeded; 1 when a command failed or a line did not compile\n' +
      '(its file stops there); 2 for a usage error, or with --attach when the socket cannot be reached,\n' +
      'speaks the other dialect, or closes the connection. minimega -e differs: it exits 0 even when\n' +
      'commands fail, and 1 only when it cannot connect or (2.3) when its own copy of the commands\n' +
      'rejects the line or the daemon disconnects.',
  ],
  async run(args, io) {
    if (args.positionals.length === 0) throw new CliError('run needs at least one FILE (or - for stdin)');
    if (args.values.attach !== undefined) return runAttached(io, args);
    const first = args.positionals[0]!;
    const cwd = first === '-' ? io.cwd : dirname(resolve(io.cwd, first));
    const dialect = runDialect(args.values.dialect, io);
    const target = await openTarget(io, { values: args.values, cwd, dialect: dialect.socket });
    const transcript = args.values.transcript === true;
    let failed = false;
    try {
      for (const file of args.positionals) {
        const text = await readScript(io, file);
        const name = displayName(file);
        dialect.flagUnknown(text, name);
        // Output is written as it is rendered, in chunks: a big table is
        // never held whole (docs/performance.md, Runtime).
        const fileFailed = await runScriptLines(target, text, (i, line, outcome) => {
          if (transcript) return drain(transcriptChunks(target.view, line, outcome), (chunk) => toStdout(io, chunk));
          return drain(outputPieces(target.view, outcome), (piece) => {
            if (piece.kind === 'text') return toStdout(io, piece.text);
            io.stderr(`${name}:${i + 1}: E: ${piece.text}\n`);
            return undefined;
          });
        });
        failed ||= fileFailed;
      }
    } finally {
      await target.close();
    }
    return failed ? 1 : 0;
  },
};

/** Writes to stdout; a promise when the reader must catch up first. */
function toStdout(io: CliIO, text: string): Promise<void> | undefined {
  io.stdout(text);
  return io.stdoutDrained?.();
}

/**
 * Hands every item to `put`, waiting whenever `put` returns a promise.
 * Returns a promise only if it had to wait, so that the lines of a script
 * whose output keeps up cost no extra turn of the event loop.
 */
function drain<T>(items: Iterator<T>, put: (item: T) => Promise<void> | undefined): Promise<void> | undefined {
  for (let r = items.next(); r.done !== true; r = items.next()) {
    const wait = put(r.value);
    if (wait !== undefined) return wait.then(() => drain(items, put));
  }
  return undefined;
}
