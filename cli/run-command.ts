/**
 * `mm run`: runs scripts on one simulated node, on the head of an embedded
 * cluster (`--nodes`), on a running node (`--connect`), or on a minimega
 * daemon over its socket (`--attach`, in `attach-run.ts`). A line that does
 * not parse stops its file with its error (as `read` does); a command that
 * fails prints its error and the file goes on.
 */
import { dirname, resolve } from 'node:path';
import { MAX_LAUNCH_VMS, MAX_LINE_BYTES, MAX_LIST_NAMES, MAX_NODE_VMS, MAX_RANGE } from '../language/index.js';
import { MAX_CLUSTER_NODES } from '../interpreter/cluster.js';
import { MAX_FRAME_BYTES, MAX_HOPS } from '../interpreter/mesh/mesh-protocol.js';
import { runScriptLines } from '../interpreter/script-runner.js';
import { outputPieces, transcriptChunks } from '../interpreter/transcript.js';
import type { CommandSpec } from './command-spec.js';
import { CliError, displayName, readScript, type CliIO } from './cli-io.js';
import { attachOption, ATTACH_NOTES } from './attach-session.js';
import { runAttached } from './attach-run.js';
import { dialectOption, nodeOptions, parseDialect } from './node-options.js';
import { dialectOfScript } from '../language/index.js';
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
    dialect: dialectOption,
  },
  notes: [
    ...ATTACH_NOTES,
    'Limits (a script over one gets an error naming it, never a crash):\n' +
      `  --nodes             at most ${count(MAX_CLUSTER_NODES)} nodes\n` +
      `  a line              at most ${MAX_LINE_BYTES / 1024} KiB (longer: bufio.Scanner: token too long, as minimega)\n` +
      `  one vm launch       at most ${count(MAX_LAUNCH_VMS)} VMs\n` +
      `  one node            at most ${count(MAX_NODE_VMS)} VMs, launched and queued\n` +
      `  a name range        at most ${count(MAX_RANGE)} names (foo[1-N]); a whole list at most ${count(MAX_LIST_NAMES)}\n` +
      `  a host's response   at most ${MAX_FRAME_BYTES / 1024 / 1024} MiB over the mesh; a route at most ${MAX_HOPS} hops`,
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
    // Without --dialect, the first file's `# minimega: 3.1` line chooses the node's dialect.
    const firstText = args.values.dialect === undefined && first !== '-' ? await readScript(io, first) : undefined;
    const dialect = firstText === undefined ? parseDialect(args.values.dialect) : dialectOfScript(firstText).version;
    const target = await openTarget(io, { values: args.values, cwd, dialect });
    const transcript = args.values.transcript === true;
    let failed = false;
    try {
      for (const [index, file] of args.positionals.entries()) {
        const text = index === 0 && firstText !== undefined ? firstText : await readScript(io, file);
        const name = displayName(file);
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

/** 1000000 as 1,000,000. */
function count(n: number): string {
  return n.toLocaleString('en-US');
}

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
