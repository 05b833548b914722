/**
 * `--socket`: serve a simulated node on minimega's local socket, so that
 * minimega's own clients (`minimega -e`, `-attach`, minitest, miniweb, the
 * Python bindings) and `mm run --attach` drive it. Shared by `mm node` and
 * `mm repl`.
 */
import { createNodeInbox } from '../interpreter/node-inbox.js';
import type { SimNode } from '../interpreter/sim-node.js';
import { serveNodeSocket, type NodeSocket } from '../interpreter/socket/node-socket.js';
import { SOCKET_PROTOCOLS, type SocketDialect } from '../interpreter/socket/protocol.js';
import { resolveSocketPath, SocketPathError } from '../interpreter/socket/socket-file.js';
import type { OptionSpec } from './command-spec.js';
import { CliError } from './cli-io.js';

export const socketOptions: Record<string, OptionSpec> = {
  socket: {
    type: 'string',
    optionalValue: true,
    value: 'PATH',
    description:
      "serve the node on minimega's local socket at PATH (a directory D means D/minimega, as minimega's -base; alone: /tmp/minimega/minimega), for minimega -e/-attach, minitest, the Python bindings and mm run --attach",
  },
  force: { type: 'boolean', description: 'with --socket: replace a socket file that already exists (as minimega -force)' },
};

/** The socket path --socket asks for, or undefined; checks --force. */
export function socketPathOption(values: Readonly<Record<string, unknown>>, cwd: string, positionals: readonly string[]): string | undefined {
  const socket = values.socket;
  if (positionals.length > 0) {
    const hint = socket === '' ? ` (to give --socket a path, write --socket=${positionals[0]})` : '';
    throw new CliError(`unexpected argument ${positionals[0]}${hint}`);
  }
  if (typeof socket !== 'string') {
    if (values.force === true) throw new CliError('--force needs --socket');
    return undefined;
  }
  return resolveSocketPath(socket, cwd);
}

export interface ServeSocketSettings {
  readonly path: string;
  readonly force: boolean;
  readonly dialect: SocketDialect;
  readonly log: (line: string) => void;
  readonly onQuit: () => void;
}

/** Serves `node` on its socket; a path that cannot be used is a CliError. */
export async function serveSocket(node: SimNode, s: ServeSocketSettings): Promise<NodeSocket> {
  try {
    return await serveNodeSocket({
      path: s.path,
      force: s.force,
      protocol: SOCKET_PROTOCOLS[s.dialect],
      inbox: createNodeInbox(node),
      host: node.name,
      log: s.log,
      onQuit: s.onQuit,
    });
  } catch (e) {
    if (e instanceof SocketPathError) throw new CliError(e.message);
    throw new CliError(`cannot listen on ${s.path}: ${(e as Error).message}`);
  }
}
