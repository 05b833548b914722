/**
 * `mm repl`: an interactive minimega prompt on a simulated node, with line
 * editing, persistent history and tab completion from the language's engine.
 * With stdin not a terminal it reads commands and prints responses. The
 * node may also be served on minimega's socket (`--socket`); `--attach`
 * drives a real minimega daemon instead (`attach-repl.ts`).
 */
import { createLanguageService, dialectOf } from '../language/index.js';
import { renderBatch, renderErrors } from '../interpreter/render/index.js';
import type { AsyncCompleter, Completer } from 'node:readline';
import type { CommandSpec } from './command-spec.js';
import { CliError, type CliIO } from './cli-io.js';
import { attachOption, ATTACH_NOTES } from './attach-session.js';
import { replAttached } from './attach-repl.js';
import { nodeOptions } from './node-options.js';
import { runDialect, runDialectOption } from './imported-simulation.js';
import { createCompleter, openReadline } from './repl-readline.js';
import { serveSocket, socketOptions, socketPathOption } from './socket-options.js';
import type { LineTarget } from './line-target.js';
import { openTarget, targetOptions } from './targets-remote.js';

/** The prompt minimega shows: `minimega$ ` or `minimega[ns]$ `. */
export function promptFor(namespace: string): string {
  return namespace === '' ? 'minimega$ ' : `minimega[${namespace}]$ `;
}

/** Runs a line and prints like minimega's prompt: output to stdout, errors to stderr. */
export async function evalLine(target: LineTarget, line: string, io: CliIO): Promise<void> {
  const outcome = await target.run(line);
  if (outcome.kind === 'compileError') {
    io.stderr(`${outcome.error}\n`);
    return;
  }
  for (const batch of outcome.batches) {
    const text = renderBatch(batch, target.view.flags, target.view.renderStyle);
    if (text !== '') io.stdout(text + '\n');
    const errors = renderErrors(batch);
    if (errors !== '') io.stderr(errors + '\n');
  }
}

export const replCommand: CommandSpec = {
  name: 'repl',
  usage:
    '[--name NAME] [--allow-shell] [--files-dir HOSTDIR] [--files-path PATH] [--nodes N|NAMES] [--socket[=PATH] [--force]] [--dialect 2.3|3.1] [--connect ws://HOST:PORT [--keys DIR | --secret-file F] | --attach[=SOCKET]]',
  summary: 'an interactive minimega prompt on a simulated node (or a running one, with --connect, or a minimega daemon, with --attach)',
  options: {
    ...nodeOptions,
    ...targetOptions,
    nodes: {
      ...targetOptions.nodes!,
      description:
        "a prompt on an embedded cluster of N nodes (n1..nN, N from 1 to 1000) or of the named nodes (a,b,c), fully meshed; the prompt's lines run on the first",
    },
    ...socketOptions,
    attach: attachOption,
    dialect: runDialectOption,
  },
  examples: ['mm repl --name mm1', 'mm repl --nodes 3', 'mm repl --connect ws://127.0.0.1:9001 --keys mesh', 'mm repl --socket=/tmp/mm1/', 'mm repl --attach'],
  notes: [
    'Ctrl-C clears the line being typed; Ctrl-D on an empty line leaves (as minimega).',
    ...ATTACH_NOTES,
    "With --socket the REPL's node is also served on minimega's local socket, as minimega's console\nand its -attach clients share one daemon: flags, aliases, history and the active namespace are\nshared; a client's quit ends the REPL.",
  ],
  async run(args, io) {
    if (args.values.attach !== undefined) return replAttached(io, args);
    const socketPath = socketPathOption(args.values, io.cwd, args.positionals);
    const dialect = runDialect(args.values.dialect, io, 'repl').socket;
    const target = await openTarget(io, { values: args.values, cwd: io.cwd, dialect, typed: true });
    // A running node may be inside a namespace already: an empty line (never recorded) tells which.
    // Asked before the line editor opens: lines typed meanwhile must reach its reader.
    if (!target.node) await target.run('');
    const complete = createCompleter(target.node?.language ?? createLanguageService(dialectOf(dialect)), target.names);
    // A remote node's names are asked of it (again only after a line ran) before completing.
    const refresh = target.refreshNames?.bind(target);
    const completer: AsyncCompleter | Completer = refresh
      ? (text, callback) => void refresh().then(() => callback(null, complete(text) as [string[], string]))
      : complete;
    const line = openReadline(io, completer, promptFor(''));
    let socket: Awaited<ReturnType<typeof serveSocket>> | undefined;
    const onTerm = (): void => line.rl.close();
    try {
      if (socketPath !== undefined) {
        if (!target.node) throw new CliError('--socket serves a node of this process: it cannot be used with --connect');
        const log = (l: string): void => io.stderr(`mm repl: ${l}\n`);
        socket = await serveSocket(target.node, { path: socketPath, force: args.values.force === true, dialect, log, onQuit: () => line.rl.close() });
        // Stopped from outside, the REPL still removes its socket.
        process.once('SIGTERM', onTerm);
        log(`serving the node on unix:${socket.path}`);
      }
      line.prompt(promptFor(target.namespace()));
      for await (const text of line.rl) {
        line.remember(text);
        try {
          await evalLine(target, text, io);
        } catch (e) {
          // A lost connection ends the session; nothing typed so far is lost.
          io.stderr(`${(e as Error).message}\n`);
          break;
        }
        if (target.stopped()) break;
        line.prompt(promptFor(target.namespace()));
      }
    } finally {
      process.off('SIGTERM', onTerm);
      line.rl.close();
      await socket?.close();
      await target.close();
    }
    if (line.interactive) io.stdout('\n');
    return 0;
  },
};
