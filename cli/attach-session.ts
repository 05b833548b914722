/**
 * `--attach[=SOCKET]` on `mm run` and `mm repl`: `mm` as a client of a
 * running minimega (or of an `mm node --socket`) over its local socket.
 * Opening the session checks the options, connects, and makes sure the
 * daemon speaks the dialect `mm` checks lines in.
 */
import { lstatSync } from 'node:fs';
import { resolve } from 'node:path';
import { CLIENT_LANGUAGES, type ClientLanguage } from '../interpreter/socket/client-languages.js';
import { connectSocket, DialectMismatchError, SocketClientError, type SocketClient } from '../interpreter/socket/socket-client.js';
import type { ReadFrame } from '../interpreter/socket/frame-reading.js';
import type { SocketDialect } from '../interpreter/socket/protocol.js';
import { resolveSocketPath } from '../interpreter/socket/socket-file.js';
import type { OptionSpec, ParsedArgs } from './command-spec.js';
import { CliError, type CliIO } from './cli-io.js';
import { parseDialect } from './node-options.js';

export const attachOption: OptionSpec = {
  type: 'string',
  optionalValue: true,
  value: 'SOCKET',
  description:
    'send the lines to a running minimega daemon (or mm node --socket) over its local socket instead of simulating; SOCKET is the socket or its -base directory (alone: /tmp/minimega/minimega)',
};

/** What `--help` says about --attach, for both commands. */
export const ATTACH_NOTES: readonly string[] = [
  "With --attach, every line is first checked by mm's own language (same dialect: --dialect), then\n" +
    "sent; output is printed as minimega -e and -attach print it: the daemon's rendered text on\n" +
    'stdout, errors as `Error (HOST): message` on stderr. A line that does not compile is not sent.',
];

/** Options that belong to a simulated node and make no sense with --attach. */
const NOT_WITH_ATTACH = ['nodes', 'connect', 'secret-file', 'name', 'allow-shell', 'socket', 'force'] as const;

/** An open client session on a daemon. */
export interface AttachSession {
  readonly client: SocketClient;
  readonly language: ClientLanguage;
}

/** Where and how to attach, from the options (checked before anything is read or dialled). */
export interface AttachTarget {
  readonly path: string;
  readonly dialect: SocketDialect;
}

/** Checks the options that go with --attach. */
export function attachTarget(io: CliIO, values: Readonly<Record<string, unknown>>): AttachTarget {
  for (const o of NOT_WITH_ATTACH) {
    if (values[o] !== undefined && values[o] !== false) throw new CliError(`--${o} cannot be used with --attach (the daemon is not simulated here)`);
  }
  return { dialect: parseDialect(values.dialect), path: resolveSocketPath(typeof values.attach === 'string' ? values.attach : '', io.cwd) };
}

/** Connects; every failure is a CliError naming the socket. */
export async function openAttach(target: AttachTarget, onStatus: (frame: ReadFrame) => void): Promise<AttachSession> {
  try {
    return { client: await connectSocket(target.path, target.dialect, { onStatus }), language: CLIENT_LANGUAGES[target.dialect] };
  } catch (e) {
    throw attachError(e);
  }
}

/** For an argument that follows a bare `--attach`: how to give it as the socket. */
export function socketHint(args: ParsedArgs, cwd: string): string {
  const first = args.positionals[0];
  if (args.values.attach !== '' || first === undefined) return '';
  let socket = false;
  try {
    socket = lstatSync(resolve(cwd, first)).isSocket();
  } catch {
    // Not a file at all: no hint.
  }
  return socket ? ` (it is a socket: to attach to it, write --attach=${first})` : '';
}

/** A socket failure as the CLI reports it. */
export function attachError(e: unknown): unknown {
  if (e instanceof DialectMismatchError) return new CliError(`${e.message}: use --dialect ${e.daemon}`);
  if (e instanceof SocketClientError) return new CliError(e.message);
  return e;
}
