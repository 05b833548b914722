/**
 * `mm node`: a long-running simulated node on the WebSocket mesh. Every
 * client and peer must prove the mesh's secret, and peers their own key
 * (`--keys DIR`, docs/security.md); `--insecure` turns that off, on loopback
 * only, and says so. It listens (127.0.0.1 unless told otherwise), keeps
 * links to its `--peer`s, answers other nodes and serves clients (`mm run
 * --connect`), and stops cleanly on SIGINT/SIGTERM or `quit`.
 */
import { createNode } from '../interpreter/sim-node.js';
import { attachMesh } from '../interpreter/node-inbox.js';
import { createWsTransport } from '../interpreter/mesh/ws.js';
import type { CommandSpec } from './command-spec.js';
import { CliError, type CliIO } from './cli-io.js';
import { loadNodeCredentials, type NodeCredentials } from './mesh-credentials.js';
import { filesOptions, nodeName, nodeOptions } from './node-options.js';

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
  usage: '--name NAME (--keys DIR | --insecure) [--listen HOST:PORT] [--peer HOST:PORT]... [--allow-shell] [--files-dir HOSTDIR] [--files-path PATH]',
  summary: 'run a long-lived simulated node that joins other nodes over WebSocket',
  options: {
    ...nodeOptions,
    listen: { type: 'string', value: 'HOST:PORT', description: 'where to listen (port 0 picks a free one)', default: '127.0.0.1:9000' },
    peer: { type: 'string', multiple: true, value: 'HOST:PORT', description: 'a node to stay linked to (dialled again if the link drops); repeatable' },
    keys: { type: 'string', value: 'DIR', description: 'the mesh\'s keys directory (`mm keys DIR NAME...`): its secret, this node\'s key NAME.key and the trust file' },
    insecure: { type: 'boolean', description: 'no secret and no keys: any local user may run commands here and join as any node (loopback only)' },
  },
  async run(args, io) {
    if (args.positionals.length > 0) throw new CliError(`unexpected argument ${args.positionals[0]}`);
    const { host, port } = parseListen(typeof args.values.listen === 'string' ? args.values.listen : '127.0.0.1:9000');
    const name = nodeName(args.values.name);
    const credentials = nodeCredentials(io, args.values, name, host);
    const node = createNode({ name, allowShell: args.values['allow-shell'] === true, cwd: io.cwd, files: filesOptions(args.values, io.cwd) });
    const log = (line: string): void => io.stderr(`mm node ${node.name}: ${line}\n`);
    if (!credentials) log(INSECURE_WARNING);
    let stop: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const transport = createWsTransport({ host, port });
    const mesh = attachMesh(node, { transport, ...credentials, port, log, onQuit: () => stop() });
    let address: string;
    try {
      address = await mesh.listen();
    } catch (e) {
      await mesh.close();
      throw new CliError(`cannot listen on ${host}:${port}: ${(e as Error).message}`);
    }
    const peers = (args.values.peer as string[] | undefined) ?? [];
    // Ready means: listening, and every --peer tried once (failures are retried in the background).
    await Promise.all(peers.map((p) => mesh.keep(p)));
    const onSignal = (): void => stop();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    io.stdout(`listening on ${address}\n`);
    await stopped;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await mesh.close();
    return 0;
  },
};

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
