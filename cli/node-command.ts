/**
 * `mm node`: a long-running simulated node on the WebSocket mesh. It listens
 * (127.0.0.1 unless told otherwise; beyond loopback only with a shared
 * secret), keeps links to its `--peer`s, answers other nodes and serves
 * clients (`mm run --connect`), and stops cleanly on SIGINT/SIGTERM or `quit`.
 */
import { createNode } from '../interpreter/sim-node.js';
import { attachMesh } from '../interpreter/node-inbox.js';
import { createSecretAuth } from '../interpreter/mesh/secret.js';
import { createWsTransport } from '../interpreter/mesh/ws.js';
import type { CommandSpec } from './command-spec.js';
import { CliError } from './cli-io.js';
import { filesOptions, nodeName, nodeOptions } from './node-options.js';
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
  usage: '--name NAME [--listen HOST:PORT] [--peer HOST:PORT]... [--secret-file FILE] [--allow-shell] [--files-dir HOSTDIR] [--files-path PATH]',
  summary: 'run a long-lived simulated node that joins other nodes over WebSocket',
  options: {
    ...nodeOptions,
    listen: { type: 'string', value: 'HOST:PORT', description: 'where to listen (port 0 picks a free one)', default: '127.0.0.1:9000' },
    peer: { type: 'string', multiple: true, value: 'HOST:PORT', description: 'a node to stay linked to (dialled again if the link drops); repeatable' },
    'secret-file': { type: 'string', value: 'FILE', description: 'file holding the shared secret every node and client must prove (required beyond loopback)' },
  },
  async run(args, io) {
    if (args.positionals.length > 0) throw new CliError(`unexpected argument ${args.positionals[0]}`);
    const { host, port } = parseListen(typeof args.values.listen === 'string' ? args.values.listen : '127.0.0.1:9000');
    const secretFile = args.values['secret-file'];
    if (!isLoopback(host) && typeof secretFile !== 'string') {
      throw new CliError(`refusing to listen on ${host} without --secret-file (anyone who can reach it could run commands)`);
    }
    const auth = typeof secretFile === 'string' ? createSecretAuth(readSecret(io, secretFile)) : undefined;
    const node = createNode({
      name: nodeName(args.values.name),
      allowShell: args.values['allow-shell'] === true,
      cwd: io.cwd,
      files: filesOptions(args.values, io.cwd),
    });
    const log = (line: string): void => io.stderr(`mm node ${node.name}: ${line}\n`);
    let stop: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const transport = createWsTransport({ host, port });
    const mesh = attachMesh(node, { transport, ...(auth ? { auth } : {}), port, log, onQuit: () => stop() });
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
