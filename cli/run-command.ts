/**
 * `mm run`: runs scripts on one simulated node, on the head of an embedded
 * cluster (`--nodes`), on a running node (`--connect`), or on a minimega
 * daemon over its socket (`--attach`, in `attach-run.ts`). A line that does
 * not parse stops its file with its error (as `read` does); a command that
 * fails prints its error and the file goes on.
 */
import { dirname, resolve } from 'node:path';
import {
  createLanguageService,
  dialectOf,
  directiveNamesFile,
  groupThousands,
  MAX_LAUNCH_VMS,
  MAX_LINE_BYTES,
  MAX_LIST_NAMES,
  MAX_NODE_VMS,
  MAX_RANGE,
  readDialectDirective,
  splitLines,
} from '../language/index.js';
import { MAX_CLUSTER_NODES } from '../interpreter/cluster.js';
import { MAX_FRAME_BYTES, MAX_HOPS } from '../interpreter/mesh/mesh-protocol.js';
import type { ReadLocation } from '../interpreter/contracts/responses.js';
import type { LineOutcome } from '../interpreter/contracts/delivery.js';
import { runScriptLines } from '../interpreter/script-runner.js';
import { outputPieces, transcriptChunks } from '../interpreter/transcript.js';
import type { CommandSpec } from './command-spec.js';
import { CliError, displayName, escapeControls, readScript, type CliIO } from './cli-io.js';
import { attachOption, ATTACH_NOTES } from './attach-session.js';
import { runAttached } from './attach-run.js';
import { nodeOptions } from './node-options.js';
import { runDialect, runDialectOption } from './imported-simulation.js';
import { openTarget, targetOptions } from './targets-remote.js';
import { placementReport } from '../interpreter/placement-report.js';
import { printRunJson, RUN_FORMAT_NOTES, runFormatOption, type RunError, wantsJson } from './run-placement.js';
import { createHostHint } from './host-hint.js';

export const runCommand: CommandSpec = {
  name: 'run',
  usage:
    '[--name NAME] [--transcript | --format text|json] [--allow-shell] [--files-dir HOSTDIR] [--files-path PATH] [--dialect 2.3|3.1|FILE] [--nodes N|NAMES | --connect URL [--keys DIR | --secret-file FILE] | --attach[=SOCKET]] FILE...',
  summary: 'run scripts on a simulated minimega node, or on a real one with --attach (- reads stdin)',
  options: {
    ...nodeOptions,
    transcript: { type: 'boolean', description: "print minitest's transcript format (## line, E: error, output) to stdout" },
    ...targetOptions,
    attach: attachOption,
    dialect: runDialectOption,
    format: runFormatOption,
  },
  examples: [
    'mm run --name mm1 lab.mm',
    'mm run --nodes 4 examples/cluster.mm',
    'mm run --transcript lab.mm > lab.got',
    'mm run --nodes 4 --format json examples/cluster.mm | jq .nodes',
    'mm run --connect ws://127.0.0.1:9001 --keys mesh lab.mm',
    'mm run --attach lab.mm',
  ],
  notes: [
    ...ATTACH_NOTES,
    ...RUN_FORMAT_NOTES,
    'Limits (a script over one gets an error naming it, never a crash):\n' +
      `  --nodes             at most ${groupThousands(MAX_CLUSTER_NODES)} nodes\n` +
      `  a line              at most ${MAX_LINE_BYTES / 1024} KiB (longer: bufio.Scanner: token too long, as minimega)\n` +
      `  one vm launch       at most ${groupThousands(MAX_LAUNCH_VMS)} VMs\n` +
      `  one node            at most ${groupThousands(MAX_NODE_VMS)} VMs, launched and queued\n` +
      `  a name range        at most ${groupThousands(MAX_RANGE)} names (foo[1-N]); a whole list at most ${groupThousands(MAX_LIST_NAMES)}\n` +
      `  a host's response   at most ${MAX_FRAME_BYTES / 1024 / 1024} MiB over the mesh; a route at most ${MAX_HOPS} hops`,
    'Exit status: 0 when every command succeeded; 1 when a command failed or a line did not compile\n' +
      '(its file stops there); 2 for a usage error, or with --attach when the socket cannot be reached,\n' +
      'speaks the other dialect, or closes the connection. minimega -e differs: it exits 0 even when\n' +
      'commands fail, and 1 only when it cannot connect or (2.3) when its own copy of the commands\n' +
      'rejects the line or the daemon disconnects.',
  ],
  async run(args, io) {
    if (args.positionals.length === 0) throw new CliError('run needs at least one FILE (or - for stdin)');
    const json = wantsJson(args.values);
    if (args.values.attach !== undefined) return runAttached(io, args);
    const first = args.positionals[0]!;
    const cwd = first === '-' ? io.cwd : dirname(resolve(io.cwd, first));
    // Without --dialect, the first file's `# minimega: X` line chooses the node's dialect (a
    // command set file it names is relative to the script). A file that cannot be read is
    // reported where the files are run, after the options are checked.
    const firstText = args.values.dialect === undefined && first !== '-' ? await readScript(io, first).catch(() => undefined) : undefined;
    const directive = firstText === undefined ? undefined : readDialectDirective(firstText);
    const fromDirective = directive && (directive.dialect?.version ?? (directiveNamesFile(directive) ? resolve(cwd, directive.version) : undefined));
    const dialect = runDialect(args.values.dialect ?? fromDirective, io);
    const target = await openTarget(io, { values: args.values, cwd, dialect: dialect.socket });
    const transcript = args.values.transcript === true;
    // A script's control characters never drive the terminal that shows an error about them.
    const forStderr = io.stderrIsTTY ? escapeControls : (s: string): string => s;
    // Only a node of this process has names the script could need to match (not --connect).
    const hostHint = target.nodes && createHostHint(target.nodes, dialect.socket);
    let failed = false;
    const errors: RunError[] = [];
    try {
      for (const [index, file] of args.positionals.entries()) {
        const text = index === 0 && firstText !== undefined ? firstText : await readScript(io, file);
        const name = displayName(file);
        dialect.flagUnknown(text, name);
        // Output is written as it is rendered, in chunks: a big table is
        // never held whole (docs/performance.md, Runtime).
        const print = (i: number, line: string, outcome: LineOutcome): Promise<void> | undefined => {
          if (transcript) return drain(transcriptChunks(target.view, line, outcome), (chunk) => toStdout(io, chunk));
          const printed = drain(outputPieces(target.view, outcome), (piece) => {
            if (piece.kind === 'text') return json ? undefined : toStdout(io, piece.text);
            if (json) errors.push({ file: piece.at?.file ?? name, line: piece.at ? piece.at.line + 1 : i + 1, message: piece.text });
            io.stderr(`${errorPlace(name, i, piece.at)}: E: ${forStderr(piece.text)}\n`);
            return undefined;
          });
          // A remote node sends minicli's error alone: the hint is worked out here.
          if (outcome.kind === 'compileError') {
            const hint = outcome.hint ?? localHint(line, dialect.socket);
            io.stderr(stopNote(name, i, text, hint === undefined ? undefined : forStderr(hint)));
          }
          return printed;
        };
        const fileFailed = await runScriptLines(target, text, (i, line, outcome) => {
          const printed = print(i, line, outcome);
          // After minimega's error, our own line on how to name the simulated nodes.
          const hint = hostHint?.(outcome, text);
          if (hint === undefined) return printed;
          const put = (): void => io.stderr(`${name}:${i + 1}: hint: ${forStderr(hint)}\n`);
          return printed === undefined ? put() : printed.then(put);
        });
        failed ||= fileFailed;
      }
      if (json && target.simNodes) await printRunJson(io, failed ? 1 : 0, errors, placementReport(target.simNodes));
    } finally {
      await target.close();
    }
    return failed ? 1 : 0;
  },
};

/** Where an error happened: `FILE:LINE`, or `READFILE:LINE (read from FILE:LINE)` for a line of a file `read` ran. */
function errorPlace(name: string, i: number, at: ReadLocation | undefined): string {
  return at ? `${at.file}:${at.line + 1} (read from ${name}:${i + 1})` : `${name}:${i + 1}`;
}

/**
 * What `mm run` adds when a line does not compile: the hint `mm check` gives
 * (what was expected, a did-you-mean), and that the rest of the file was not
 * run, as minimega's `read` stops there.
 */
function stopNote(name: string, i: number, text: string, hint: string | undefined): string {
  const rest = splitLines(text)
    .slice(i + 1)
    .filter((l) => l.trim() !== '').length;
  const skipped = rest === 0 ? 'it was the last line' : `the ${rest === 1 ? 'line' : `${rest} lines`} after it ${rest === 1 ? 'was' : 'were'} not run`;
  return `${hint ? `${name}:${i + 1}: ${hint}\n` : ''}${name}: stopped at line ${i + 1}, which does not compile: ${skipped}\n`;
}

/** The hint `mm`'s own language (in the run's dialect) gives for a line that does not compile (without the node's aliases). */
function localHint(line: string, dialect: string): string | undefined {
  const r = createLanguageService(dialectOf(dialect)).compile(line);
  return r.kind === 'noMatch' ? r.hint : undefined;
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
