/**
 * Where `mm run` and `mm minitest` (and later `mm repl`) send their lines: a fresh
 * simulated node, the head of an embedded cluster (`--nodes`), or a running
 * node (`--connect`, like `minimega -attach`). Each gives the line's outcome
 * and the node state rendering needs, so every front end prints the same way.
 */
import { createEmbeddedCluster, defaultNodeNames } from '../interpreter/cluster.js';
import { connectClient, type RemoteNode } from '../interpreter/mesh/mesh-client.js';
import { createWsTransport } from '../interpreter/mesh/ws.js';
import { createNode, type SimNode } from '../interpreter/sim-node.js';
import type { RuntimeDialectName } from '../interpreter/runtime-dialects.js';
import { createDefaultFlags, type Flags } from '../interpreter/contracts/responses.js';
import type { LineOutcome } from '../interpreter/contracts/delivery.js';
import { runLine } from '../interpreter/session.js';
import type { RenderView } from '../interpreter/transcript.js';
import type { OptionSpec } from './command-spec.js';
import { CliError, type CliIO } from './cli-io.js';
import { filesOptions, nodeName } from './node-options.js';
import { loadClientAuth } from './mesh-credentials.js';

/** Options for the cluster and remote targets. */
export const targetOptions: Record<string, OptionSpec> = {
  nodes: {
    type: 'string',
    value: 'N|NAMES',
    description: 'run on an embedded cluster of N nodes (n1..nN) or of the named nodes, fully meshed; the script runs on the first',
  },
  connect: { type: 'string', value: 'URL', description: 'run on a running `mm node` (ws://HOST:PORT) instead of a simulated one' },
  keys: { type: 'string', value: 'DIR', description: "the mesh's keys directory, for its secret (with --connect)" },
  'secret-file': { type: 'string', value: 'FILE', description: "file holding the mesh's shared secret (with --connect; instead of --keys)" },
};

/** Something lines run on. */
export interface LineTarget {
  run(line: string): Promise<LineOutcome>;
  /** What rendering reads: the node's output flags as they are after the last line. */
  readonly view: RenderView;
  /** The node itself, when it runs in this process (for completion of its names). */
  readonly node?: SimNode;
  /** The node asked to stop (`quit`). */
  stopped(): boolean;
  /** The node's active namespace after the last line (for a prompt). */
  namespace(): string;
  close(): Promise<void>;
}

/** Settings the local targets need. */
export interface TargetSettings {
  readonly values: Readonly<Record<string, unknown>>;
  readonly cwd: string;
  /** The dialect of the nodes created here (default 2.3). */
  readonly dialect?: RuntimeDialectName;
}

/** Opens the target the options ask for: --connect, --nodes, or one simulated node. */
export async function openTarget(io: CliIO, { values, cwd, dialect }: TargetSettings): Promise<LineTarget> {
  const connect = values.connect;
  const nodes = values.nodes;
  if (typeof connect === 'string') {
    for (const o of ['nodes', 'name', 'allow-shell', 'files-dir', 'files-path', 'dialect'] as const) {
      if (values[o] !== undefined && values[o] !== false) throw new CliError(`--${o} cannot be used with --connect (the node has its own)`);
    }
    return remoteTarget(await connectRemote(io, connect, values));
  }
  for (const o of ['keys', 'secret-file'] as const) if (values[o] !== undefined) throw new CliError(`--${o} needs --connect`);
  const allowShell = values['allow-shell'] === true;
  const files = filesOptions(values, io.cwd);
  if (typeof nodes === 'string') {
    if (values.name !== undefined) throw new CliError('--name cannot be used with --nodes (name the nodes in --nodes)');
    const cluster = createEmbeddedCluster(parseNodes(nodes), { allowShell, cwd, files, ...(dialect ? { dialect } : {}) });
    const head = cluster.nodes[0]!;
    return {
      run: (line) => runLine(head, line),
      view: head,
      node: head,
      stopped: () => head.quitRequested,
      namespace: () => head.activeNamespace,
      close: () => cluster.close(),
    };
  }
  const node = createNode({ name: nodeName(values.name), allowShell, cwd, files, ...(dialect ? { dialect } : {}) });
  return {
    run: (line) => runLine(node, line),
    view: node,
    node,
    stopped: () => node.quitRequested,
    namespace: () => node.activeNamespace,
    close: async () => undefined,
  };
}

/** `--nodes 4` or `--nodes a,b,c`. */
export function parseNodes(v: string): string[] {
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    if (n < 1 || n > 1000) throw new CliError(`--nodes must be between 1 and 1000, not ${v}`);
    return defaultNodeNames(n);
  }
  const names = v.split(',').map((s) => s.trim());
  if (names.some((n) => !/^[A-Za-z0-9._-]+$/.test(n)) || names.includes('all') || names.includes('localhost')) {
    throw new CliError(`--nodes: invalid node names ${JSON.stringify(v)}`);
  }
  if (new Set(names).size !== names.length) throw new CliError(`--nodes: duplicate node names in ${JSON.stringify(v)}`);
  return names;
}

/** A connected client and the transport to close after it. */
export interface RemoteConnection {
  readonly node: RemoteNode;
  close(): Promise<void>;
}

/** Connects to a running node as a client, proving the secret of `--keys` or `--secret-file`. */
export async function connectRemote(io: CliIO, url: string, values: Readonly<Record<string, unknown>>): Promise<RemoteConnection> {
  const auth = loadClientAuth(io, values);
  const transport = createWsTransport();
  try {
    const node = await connectClient(transport, url, auth ? { auth } : {});
    return {
      node,
      async close() {
        node.close();
        await transport.close();
      },
    };
  } catch (e) {
    await transport.close();
    throw new CliError(`cannot connect to ${url}: ${(e as Error).message}`);
  }
}

function remoteTarget(conn: RemoteConnection): LineTarget {
  const view = createFlagsView();
  let quit = false;
  let namespace = '';
  return {
    async run(line) {
      let r: Awaited<ReturnType<typeof conn.node.run>>;
      try {
        r = await conn.node.run(line);
      } catch (e) {
        throw new CliError((e as Error).message);
      }
      view.flags = r.flags;
      quit = r.quit;
      namespace = r.namespace;
      return r.outcome;
    },
    view,
    stopped: () => quit,
    namespace: () => namespace,
    close: () => conn.close(),
  };
}

function createFlagsView(): { flags: Flags } {
  return { flags: createDefaultFlags() };
}
