/**
 * `mm node`: a long-running simulated node on the WebSocket mesh and/or on
 * minimega's local socket. On the mesh it listens (127.0.0.1 unless told
 * otherwise; beyond loopback only with a shared secret), keeps links to its
 * `--peer`s, answers other nodes and serves clients (`mm run --connect`); on
 * the socket it serves minimega's own clients. It stops cleanly on
 * SIGINT/SIGTERM or `quit`.
 */
import { createNode, type SimNode } from '../interpreter/sim-node.js';
import { attachMesh } from '../interpreter/node-inbox.js';
import type { Mesh } from '../interpreter/mesh/node-mesh.js';
import { createSecretAuth } from '../interpreter/mesh/secret.js';
import { createWsTransport } from '../interpreter/mesh/ws.js';
import type { CommandSpec } from './command-spec.js';
import { CliError, type CliIO } from './cli-io.js';
import { dialectOption, filesOptions, nodeName, nodeOptions, parseDialect } from './node-options.js';
import type { NodeSocket } from '../interpreter/socket/node-socket.js';
import { serveSocket, socketOptions, socketPathOption } from './socket-options.js';
import { readSecret } from './targets-remote.js';

/** Parses `HOST:PORT`, `[V6]:PORT` or `PORT`. */
export function parseListen(v: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]*)):(\d+)$/.exec(v) ?? /^()()(\d+)$/.exec(v);
  const port = m ? Number(m[3]) : NaN;
  if (!m || !Number.isInteger(port) || port > 65535) throw new CliError(`--listen: expected HOST:PORT, not ${JSON.stringify(v)}`);
  return { host: m[1] || m[2] || '127.0.0.1', port };
}

/** Whether listening on `host` stays on this machine. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export const nodeCommand: CommandSpec = {
  name: 'node',
  usage:
    '[--name NAME] [--listen HOST:PORT] [--peer HOST:PORT]... [--secret-file FILE] [--socket[=PATH] [--force]] [--dialect 2.3|3.1] [--allow-shell] [--files-dir HOSTDIR] [--files-path PATH]',
  summary: 'run a long-lived simulated node that joins other nodes over WebSocket and/or serves minimega\'s local socket',
  options: {
    ...nodeOptions,
    listen: {
      type: 'string',
      value: 'HOST:PORT',
      description: 'where to listen for other nodes and --connect clients (port 0 picks a free one); with --socket and no --listen, no network port is opened',
      default: '127.0.0.1:9000',
    },
    peer: { type: 'string', multiple: true, value: 'HOST:PORT', description: 'a node to stay linked to (dialled again if the link drops); repeatable' },
    'secret-file': { type: 'string', value: 'FILE', description: 'file holding the shared secret every node and client must prove (required beyond loopback)' },
    ...socketOptions,
    dialect: dialectOption,
  },
  notes: [
    'With --socket the node also listens on a Unix socket as a minimega daemon does (mode 0600 in a\ndirectory only you can write; a missing one is created with mode 0700; a pid file PATH.pid\nsits next to it; both are removed when the node stops). It refuses to start when PATH exists\nunless --force. For example, `mm node --name mm1 --socket=/tmp/mm1/` in one terminal, then\n`minimega -base /tmp/mm1 -e vm info` or `mm run --attach=/tmp/mm1 x.mm` in another.',
  ],
  async run(args, io) {
    const socketPath = socketPathOption(args.values, io.cwd, args.positionals);
    const dialect = parseDialect(args.values.dialect);
    const listen = args.values.listen;
    // A socket-only node opens no network port.
    const wantsMesh = typeof listen === 'string' || socketPath === undefined;
    const peers = (args.values.peer as string[] | undefined) ?? [];
    if (!wantsMesh && (peers.length > 0 || args.values['secret-file'] !== undefined)) {
      throw new CliError(`--${peers.length > 0 ? 'peer' : 'secret-file'} needs --listen (a node with only --socket opens no network port)`);
    }
    const node = createNode({
      name: nodeName(args.values.name),
      allowShell: args.values['allow-shell'] === true,
      cwd: io.cwd,
      files: filesOptions(args.values, io.cwd),
      dialect,
    });
    const log = (line: string): void => io.stderr(`mm node ${node.name}: ${line}\n`);
    let stop: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    // Before anything is ready: a signal right after the ready line must still stop the node cleanly.
    const onSignal = (): void => stop();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    let mesh: { mesh: Mesh; address: string } | undefined;
    let socket: NodeSocket | undefined;
    try {
      if (wantsMesh) mesh = await startMesh(io, node, typeof listen === 'string' ? listen : '127.0.0.1:9000', args.values['secret-file'], log, () => stop());
      if (socketPath) socket = await serveSocket(node, { path: socketPath, force: args.values.force === true, dialect, log, onQuit: () => stop() });
      if (mesh) {
        // Ready means: listening, and every --peer tried once (failures are retried in the background).
        await Promise.all(peers.map((p) => mesh!.mesh.keep(p)));
        io.stdout(`listening on ${mesh.address}\n`);
      }
      if (socket) io.stdout(`listening on unix:${socket.path}\n`);
      await stopped;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await socket?.close();
      await mesh?.mesh.close();
    }
    return 0;
  },
};

/** Starts the node's WebSocket mesh on `listen`. */
async function startMesh(
  io: CliIO,
  node: SimNode,
  listen: string,
  secretFile: unknown,
  log: (line: string) => void,
  onQuit: () => void,
): Promise<{ mesh: Mesh; address: string }> {
  const { host, port } = parseListen(listen);
  if (!isLoopback(host) && typeof secretFile !== 'string') {
    throw new CliError(`refusing to listen on ${host} without --secret-file (anyone who can reach it could run commands)`);
  }
  const auth = typeof secretFile === 'string' ? createSecretAuth(readSecret(io, secretFile)) : undefined;
  const transport = createWsTransport({ host, port });
  const mesh = attachMesh(node, { transport, ...(auth ? { auth } : {}), port, log, onQuit });
  try {
    return { mesh, address: await mesh.listen() };
  } catch (e) {
    await mesh.close();
    throw new CliError(`cannot listen on ${host}:${port}: ${(e as Error).message}`);
  }
}
