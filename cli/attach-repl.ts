/**
 * `mm repl --attach`: an interactive prompt on a minimega daemon, like
 * `minimega -attach`, with `mm`'s line editing, history and completion.
 * Each line is checked by `mm`'s language before it is sent; output is
 * printed as `-attach` prints it. `disconnect` or Ctrl-D leaves; `quit`,
 * which stops the daemon, must be typed twice in a row at a terminal, as
 * `-attach` asks.
 */
import { createLanguageService } from '../language/index.js';
import type { AsyncCompleter, Completer } from 'node:readline';
import type { SocketClient } from '../interpreter/socket/socket-client.js';
import { DaemonClosedError } from '../interpreter/socket/socket-client.js';
import { frameOutput } from '../interpreter/socket/frame-printing.js';
import type { ParsedArgs } from './command-spec.js';
import { CliError, type CliIO } from './cli-io.js';
import { attachTarget, openAttach, socketHint, type AttachSession } from './attach-session.js';
import { createCompleter, openReadline } from './repl-readline.js';

/** The prompt of `minimega -attach`: the socket it is attached to. */
export function attachPrompt(path: string): string {
  return `minimega:${path}$ `;
}

/**
 * Completion over the socket: the daemon's whole-line candidates when it
 * gives some (3.1), else `mm`'s own (where the dialect's language compiles
 * lines). readline gets them as words for the last word of the line.
 */
export function createAttachCompleter(session: AttachSession): AsyncCompleter {
  const local: Completer | undefined = session.language.compiles ? createCompleter(createLanguageService()) : undefined;
  return (line, callback) => {
    session.client.suggest(line).then(
      (daemon) => {
        if (daemon && daemon.length > 0) return callback(null, asWords(line, daemon));
        callback(null, local ? (local(line) as [string[], string]) : [[], line]);
      },
      // A failed request shows up on the next command; completion just offers nothing.
      () => callback(null, [[], line]),
    );
  };
}

/** Whole-line candidates as readline's words after the line's last space. */
function asWords(line: string, candidates: readonly string[]): [string[], string] {
  const start = line.search(/\S*$/);
  const prefix = line.slice(0, start);
  if (!candidates.every((c) => c.startsWith(prefix))) return [[...candidates], line];
  return [candidates.map((c) => c.slice(start)), line.slice(start)];
}

const CAUTION = "CAUTION: calling 'quit' will cause the minimega daemon to exit";

/** Runs the attached REPL; resolves to the exit status. */
export async function replAttached(io: CliIO, args: ParsedArgs): Promise<number> {
  if (args.positionals.length > 0) throw new CliError(`unexpected argument ${args.positionals[0]}${socketHint(args, io.cwd)}`);
  const session = await openAttach(attachTarget(io, args.values), (f) => printFrame(io, f));
  const { client } = session;
  const line = openReadline(io, createAttachCompleter(session), attachPrompt(client.path));
  if (line.interactive) {
    io.stdout(`${CAUTION}\nuse 'disconnect' or ^d to exit just the minimega command line\n\n`);
  }
  const checker = session.language.createChecker();
  let quitAsked = false;
  try {
    line.prompt(attachPrompt(client.path));
    for await (const text of line.rl) {
      line.remember(text);
      const trimmed = text.trim();
      if (trimmed === 'disconnect') break;
      if (line.interactive && trimmed === 'quit' && !quitAsked) {
        quitAsked = true;
        io.stdout(`${CAUTION}\nIf you really want to stop the minimega daemon, enter 'quit' again\n`);
        line.prompt(attachPrompt(client.path));
        continue;
      }
      quitAsked = false;
      const check = checker.check(text);
      if (check.kind === 'invalid') io.stderr(`${check.error}\n`);
      if (check.kind === 'send') {
        if (!(await send(io, client, check.text, check.quits))) break;
        check.sent();
        if (check.quits) break;
      }
      line.prompt(attachPrompt(client.path));
    }
  } finally {
    line.rl.close();
    client.close();
  }
  if (line.interactive) io.stdout('\n');
  return 0;
}

function printFrame(io: CliIO, frame: Parameters<typeof frameOutput>[0]): void {
  const { stdout, stderr } = frameOutput(frame);
  if (stdout !== '') io.stdout(stdout);
  if (stderr !== '') io.stderr(stderr);
}

/** Sends one line and prints its frames; false when the session is over (the daemon closed). */
async function send(io: CliIO, client: SocketClient, text: string, quits: boolean): Promise<boolean> {
  try {
    await client.command(text, (f) => printFrame(io, f));
    return true;
  } catch (e) {
    // After `quit` the daemon closing is the answer.
    if (!(quits && e instanceof DaemonClosedError)) io.stderr(`${(e as Error).message}\n`);
    return false;
  }
}
