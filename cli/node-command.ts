/**
 * `mm node`: a long-running simulated node on the WebSocket mesh and/or on
 * minimega's local socket. On the mesh every client and peer must prove the
 * mesh's secret, and peers their own key (`--keys DIR`, docs/security.md);
 * `--insecure` turns that off, on loopback only, and says so. It listens
 * (127.0.0.1 unless told otherwise), keeps links to its `--peer`s, answers
 * other nodes and serves clients (`mm run --connect`); on the socket (which
 * only its owner can reach) it serves minimega's own clients. It stops
 * cleanly on SIGINT/SIGTERM or `quit`.
 */
import { createNode, type SimNode } from '../interpreter/sim-node.js';
import { attachMesh } from '../interpreter/node-inbox.js';
import { MAX_AUTH_FAILURES, type Mesh } from '../interpreter/mesh/node-mesh.js';
import { createWsTransport } from '../interpreter/mesh/ws.js';
import type { CommandSpec } from './command-spec.js';
import { CliError, type CliIO } from './cli-io.js';
import { filesOptions, nodeName, nodeOptions } from './node-options.js';
import { runDialect, runDialectOption } from './imported-simulation.js';
import type { NodeSocket } from '../interpreter/socket/node-socket.js';
import { serveSocket, socketOptions, socketPathOption } from './socket-options.js';
import { loadNodeCredentials, type NodeCredentials } from './mesh-credentials.js';

/** Parses `HOST:PORT`, `[V6]:PORT` or `PORT`. */
export function parseListen(v: string, option = '--listen'): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]*)):(\d+)$/.exec(v) ?? /^()()(\d+)$/.exec(v);
  const port = m ? Number(m[3]) : NaN;
  if (!m || !Number.isInteger(port) || port > 65535) throw new CliError(`${option}: expected HOST:PORT, not ${JSON.stringify(v)}`);
  return { host: m[1] || m[2] || '127.0.0.1', port };
}

/** Whether listening on `host` stays on this machine. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export const nodeCommand: CommandSpec = {
  name: 'node',
  usage:
    '[--name NAME] (--keys DIR | --insecure) [--listen HOST:PORT] [--peer HOST:PORT]... [--socket[=PATH] [--force]] [--dialect 2.3|3.1] [--allow-shell] [--files-dir HOSTDIR] [--files-path PATH]',
  summary: "run a long-lived simulated node that joins other nodes over WebSocket and/or serves minimega's local socket",
  options: {
    ...nodeOptions,
    listen: {
      type: 'string',
      value: 'HOST:PORT',
      description: 'where to listen for other nodes and --connect clients (port 0 picks a free one); with --socket and no --listen, no network port is opened',
      default: '127.0.0.1:9000',
    },
    peer: { type: 'string', multiple: true, value: 'HOST:PORT', description: 'a node to stay linked to (dialled again if the link drops); repeatable' },
    keys: {
      type: 'string',
      value: 'DIR',
      description: "the mesh's keys directory (`mm keys DIR NAME...`): its secret, this node's key NAME.key and the trust file",
    },
    insecure: { type: 'boolean', description: 'no secret and no keys: any local user may run commands here and join as any node (loopback only)' },
    ...socketOptions,
    dialect: runDialectOption,
  },
  examples: [
    'mm keys mesh n1 n2',
    'mm node --name n1 --keys mesh --listen 127.0.0.1:9001',
    'mm node --name n2 --keys mesh --listen 127.0.0.1:9002 --peer 127.0.0.1:9001',
    'mm node --name mm1 --socket=/tmp/mm1/',
    'mm node --insecure --listen 127.0.0.1:0   # loopback only, any local user may connect',
  ],
  notes: [
    'The node stops on SIGINT or SIGTERM, or when a client sends `quit`\n(`echo quit | mm run --connect ws://HOST:PORT --keys DIR -`).',
    'With --socket the node also listens on a Unix socket as a minimega daemon does (mode 0600 in a\ndirectory only you can write; a missing one is created with mode 0700; a pid file PATH.pid\nsits next to it; both are removed when the node stops). It refuses to start when PATH exists\nunless --force. For example, `mm node --name mm1 --socket=/tmp/mm1/` in one terminal, then\n`minimega -base /tmp/mm1 -e vm info` or `mm run --attach=/tmp/mm1 x.mm` in another.',
  ],
  async run(args, io) {
    const socketPath = socketPathOption(args.values, io.cwd, args.positionals);
    const dialect = runDialect(args.values.dialect, io, 'node').socket;
    const listen = args.values.listen;
    // A socket-only node opens no network port.
    const wantsMesh = typeof listen === 'string' || socketPath === undefined;
    const peers = (args.values.peer as string[] | undefined) ?? [];
    for (const p of peers) {
      const { port } = parseListen(p.replace(/^wss?:\/\//, ''), '--peer');
      if (port === 0) throw new CliError(`--peer: a node's port, not 0, in ${JSON.stringify(p)}`);
    }
    const meshOnly = ['peer', 'keys', 'insecure'].find((o) => (o === 'peer' ? peers.length > 0 : args.values[o] !== undefined));
    if (!wantsMesh && meshOnly) throw new CliError(`--${meshOnly} needs --listen (a node with only --socket opens no network port)`);
    const node = createNode({
      name: nodeName(args.values.name),
      allowShell: args.values['allow-shell'] === true,
      cwd: io.cwd,
      files: filesOptions(args.values, io.cwd),
      dialect,
    });
    const log = (line: string): void => io.stderr(`mm node ${node.name}: ${line}\n`);
    let stopNow: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => (stopNow = resolve));
    let stopping = false;
    let status = 0;
    // Whoever stops the node (a signal, `quit` from a client or the socket), it says so: closing links takes a moment.
    const stop = (why: string, exitStatus = 0): void => {
      if (stopping) return;
      stopping = true;
      status = exitStatus;
      log(`${why}: stopping (closing the links to peers and clients, the listener and the socket)`);
      stopNow();
    };
    // Before anything is ready: a signal right after the ready line must still stop the node cleanly.
    const onSignal = (signal: NodeJS.Signals): void => stop(signal);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    let mesh: { mesh: Mesh; address: string } | undefined;
    let socket: NodeSocket | undefined;
    try {
      const giveUp = (address: string): void => stop(`cannot join ${address}: authentication refused ${MAX_AUTH_FAILURES} times in a row`, 1);
      if (wantsMesh) mesh = await startMesh(io, node, typeof listen === 'string' ? listen : '127.0.0.1:9000', args.values, log, () => stop('quit'), giveUp);
      if (socketPath)
        socket = await serveSocket(node, { path: socketPath, force: args.values.force === true, dialect, log, onQuit: () => stop('quit (on the socket)') });
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
    log(status === 0 ? 'stopped' : `stopped (exit status ${status}: check that every node uses the same keys directory, docs/security.md)`);
    return status;
  },
};

/** Starts the node's WebSocket mesh on `listen`, with `--keys` (or `--insecure`) from `values`. */
async function startMesh(
  io: CliIO,
  node: SimNode,
  listen: string,
  values: Readonly<Record<string, unknown>>,
  log: (line: string) => void,
  onQuit: () => void,
  onGiveUp: (address: string) => void,
): Promise<{ mesh: Mesh; address: string }> {
  const { host, port } = parseListen(listen);
  const credentials = nodeCredentials(io, values, node.name, host);
  if (!credentials) log(INSECURE_WARNING);
  const transport = createWsTransport({ host, port });
  const mesh = attachMesh(node, { transport, ...credentials, port, log, onQuit, onGiveUp });
  try {
    return { mesh, address: await mesh.listen() };
  } catch (e) {
    await mesh.close();
    throw new CliError(`cannot listen on ${host}:${port}: ${(e as Error).message}`);
  }
}

/** What `--insecure` allows, said when the node starts. */
export const INSECURE_WARNING =
  'insecure: no secret and no keys, so any user of this machine can run commands on this node ' +
  '(read and write its files directory, and run programs if --allow-shell is set) and join its mesh under any node name';

/** `--keys DIR`, or nothing with `--insecure` (loopback only); one of them is required. */
function nodeCredentials(io: CliIO, values: Readonly<Record<string, unknown>>, name: string, host: string): NodeCredentials | undefined {
  const keys = values.keys;
  const insecure = values.insecure === true;
  if (typeof keys === 'string' && insecure) throw new CliError('--keys and --insecure cannot be used together');
  if (typeof keys === 'string') return loadNodeCredentials(io, keys, name);
  if (!insecure) {
    throw new CliError('a node needs --keys DIR (make one with `mm keys DIR NAME...`), or --insecure to let any local user in (see docs/security.md)');
  }
  if (!isLoopback(host)) throw new CliError(`refusing to listen on ${host} with --insecure (anyone who can reach it could run commands); use --keys DIR`);
  return undefined;
}
