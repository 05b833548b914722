/**
 * Where `mm run` and `mm minitest` (and later `mm repl`) send their lines: a fresh
 * simulated node, the head of an embedded cluster (`--nodes`), or a running
 * node (`--connect`, like `minimega -attach`). Each gives the line's outcome
 * and the node state rendering needs, so every front end prints the same way.
 */
import { createEmbeddedCluster, defaultNodeNames, MAX_CLUSTER_NODES } from '../interpreter/cluster.js';
import { connectClient, type RemoteNode } from '../interpreter/mesh/mesh-client.js';
import { createWsTransport } from '../interpreter/mesh/ws.js';
import { createNode, type SimNode } from '../interpreter/sim-node.js';
import type { RuntimeDialectName } from '../interpreter/runtime-dialects.js';
import { createDefaultFlags, type Flags } from '../interpreter/contracts/responses.js';
import type { LineOutcome } from '../interpreter/contracts/delivery.js';
import { runLine } from '../interpreter/session.js';
import { createClusterNames, createNodeNames } from '../interpreter/node-names.js';
import type { NameSource } from '../language/index.js';
import type { RenderView } from '../interpreter/transcript.js';
import type { OptionSpec } from './command-spec.js';
import { CliError, type CliIO } from './cli-io.js';
import { filesOptions, nodeName } from './node-options.js';
import { isNodeName } from '../interpreter/script-hosts.js';
import { loadClientAuth } from './mesh-credentials.js';
import { createRemoteNames } from './remote-names.js';

/** How long `--connect` waits for a node that is not listening yet (it may be starting). */
const CONNECT_WAIT_SECONDS = 15;

/** Options for the cluster and remote targets. */
export const targetOptions: Record<string, OptionSpec> = {
  nodes: {
    type: 'string',
    value: 'N|NAMES',
    description: `run on an embedded cluster of N nodes (n1..nN) or of the named nodes (at most ${MAX_CLUSTER_NODES}; up to 4 fully meshed, more with 3 links each); the script runs on the first`,
  },
  connect: {
    type: 'string',
    value: 'URL',
    description: 'run on a running `mm node` (ws://HOST:PORT) instead of a simulated one; a node that is still starting is waited for (--wait)',
  },
  wait: {
    type: 'string',
    value: 'SECONDS',
    description: 'with --connect: how long to wait for a node that does not listen yet (0: not at all)',
    default: String(CONNECT_WAIT_SECONDS),
  },
  keys: { type: 'string', value: 'DIR', description: "the mesh's keys directory, for its secret (with --connect)" },
  'secret-file': { type: 'string', value: 'FILE', description: "file holding the mesh's shared secret (with --connect; instead of --keys)" },
};

/** Something lines run on. */
export interface LineTarget {
  run(line: string): Promise<LineOutcome>;
  /** What rendering reads: the node's output flags as they are after the last line. */
  readonly view: RenderView;
  /** The node itself, when it runs in this process. */
  readonly node?: SimNode;
  /** The names of the simulated nodes, when they run in this process (a cluster's, the head first). */
  readonly nodes?: readonly string[];
  /** The simulated nodes themselves, when they run in this process (what `--format json` reports). */
  readonly simNodes?: readonly SimNode[];
  /** The names completion offers (a cluster's, seen from its head; a remote node's). */
  readonly names?: NameSource;
  /** For a remote node: asks it for its names again if a line ran since (before completing). */
  refreshNames?(): Promise<void>;
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
  /** Lines are typed at a prompt (the dialect's prompt alias expansion applies), not read from a file. */
  readonly typed?: boolean;
}

/** Opens the target the options ask for: --connect, --nodes, or one simulated node. */
export async function openTarget(io: CliIO, { values, cwd, dialect, typed = false }: TargetSettings): Promise<LineTarget> {
  const connect = values.connect;
  const nodes = values.nodes;
  if (typeof connect === 'string') {
    parseConnectUrl(connect);
    for (const o of ['nodes', 'name', 'allow-shell', 'files-dir', 'files-path', 'dialect'] as const) {
      if (values[o] !== undefined && values[o] !== false) throw new CliError(`--${o} cannot be used with --connect (the node has its own)`);
    }
    return remoteTarget(await connectRemote(io, connect, values, parseWait(values.wait)));
  }
  for (const o of ['keys', 'secret-file', 'wait'] as const) if (values[o] !== undefined) throw new CliError(`--${o} needs --connect`);
  const allowShell = values['allow-shell'] === true;
  const files = filesOptions(values, io.cwd);
  if (typeof nodes === 'string') {
    if (values.name !== undefined) throw new CliError('--name cannot be used with --nodes (name the nodes in --nodes)');
    const cluster = createEmbeddedCluster(parseNodes(nodes), { allowShell, cwd, files, ...(dialect ? { dialect } : {}) });
    const head = cluster.nodes[0]!;
    return {
      run: (line) => runLine(head, line, 'local', typed),
      view: head,
      node: head,
      nodes: cluster.nodes.map((n) => n.name),
      simNodes: cluster.nodes,
      names: createClusterNames(head, cluster.nodes),
      stopped: () => head.quitRequested,
      namespace: () => head.activeNamespace,
      close: () => cluster.close(),
    };
  }
  const node = createNode({ name: nodeName(values.name), allowShell, cwd, files, ...(dialect ? { dialect } : {}) });
  return {
    run: (line) => runLine(node, line, 'local', typed),
    view: node,
    node,
    nodes: [node.name],
    simNodes: [node],
    names: createNodeNames(node),
    stopped: () => node.quitRequested,
    namespace: () => node.activeNamespace,
    close: async () => undefined,
  };
}

/** `--nodes 4` or `--nodes a,b,c`. */
export function parseNodes(v: string): string[] {
  if (/^[+-]?\d+$/.test(v)) {
    const n = Number(v);
    if (!(n >= 1 && n <= MAX_CLUSTER_NODES))
      throw new CliError(`--nodes must be a count from 1 to ${MAX_CLUSTER_NODES} (the embedded cluster's limit) or a list of names (a,b,c), not ${v}`);
    return defaultNodeNames(n);
  }
  const names = v.split(',').map((s) => s.trim());
  if (names.length > MAX_CLUSTER_NODES) throw new CliError(`--nodes names ${names.length} nodes; the embedded cluster's limit is ${MAX_CLUSTER_NODES}`);
  // A single word is more likely a mistyped count than a cluster of one (that is --name).
  if (names.length < 2)
    throw new CliError(`--nodes must be a count from 1 to ${MAX_CLUSTER_NODES} or a list of names (a,b,c), not ${JSON.stringify(v)} (one node: --name)`);
  const bad = names.find((n) => !isNodeName(n));
  if (bad !== undefined)
    throw new CliError(`--nodes: ${JSON.stringify(bad)} is not a node name (letters, digits, '.', '_' and '-', not starting with '-'; not all or localhost)`);
  if (new Set(names).size !== names.length) throw new CliError(`--nodes: duplicate node names in ${JSON.stringify(v)}`);
  return names;
}

/** The URL of --connect: `ws://HOST:PORT` (or `wss://`). */
function parseConnectUrl(v: string): string {
  let url: URL | undefined;
  try {
    url = new URL(v);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'ws:' && url.protocol !== 'wss:') || url.hostname === '') {
    throw new CliError(`--connect must be a node's address, ws://HOST:PORT, not ${JSON.stringify(v)}`);
  }
  return v;
}

/** A connected client and the transport to close after it. */
export interface RemoteConnection {
  readonly node: RemoteNode;
  close(): Promise<void>;
}

/** --wait: whole seconds from 0 to 3600 (default CONNECT_WAIT_SECONDS). */
function parseWait(v: unknown): number {
  if (v === undefined) return CONNECT_WAIT_SECONDS;
  if (typeof v !== 'string' || !/^\d{1,4}$/.test(v) || Number(v) > 3600)
    throw new CliError(`--wait must be whole seconds from 0 to 3600, not ${JSON.stringify(v)}`);
  return Number(v);
}

/** Whether a failed dial means nothing listens there (yet). */
function notListening(e: unknown): boolean {
  return /ECONNREFUSED|ECONNRESET/.test((e as Error).message);
}

/**
 * Connects to a running node as a client, proving the secret of `--keys` or
 * `--secret-file`. A node that is not listening yet (started a moment ago
 * in the background) is waited for, up to CONNECT_WAIT_SECONDS, with a
 * notice on stderr; `waitSeconds` changes that (tests, 0: no wait).
 */
async function connectRemote(io: CliIO, url: string, values: Readonly<Record<string, unknown>>, waitSeconds = CONNECT_WAIT_SECONDS): Promise<RemoteConnection> {
  const auth = loadClientAuth(io, values);
  const transport = createWsTransport();
  const deadline = Date.now() + waitSeconds * 1000;
  let pause = 50;
  let told = false;
  for (;;) {
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
      if (notListening(e) && Date.now() + pause < deadline) {
        if (!told) io.stderr(`mm: nothing listens on ${url} yet; waiting up to ${waitSeconds} s for the node to start\n`);
        told = true;
        await new Promise((r) => setTimeout(r, pause));
        pause = Math.min(pause * 2, 1000);
        continue;
      }
      await transport.close();
      const why = notListening(e) && told ? `nothing listened there within ${waitSeconds} s (is the node started, on that port?)` : (e as Error).message;
      throw new CliError(`cannot connect to ${url}: ${why}`);
    }
  }
}

function remoteTarget(conn: RemoteConnection): LineTarget {
  const view = createFlagsView();
  let quit = false;
  let namespace = '';
  const names = createRemoteNames(async (line) => (await conn.node.run(line)).outcome);
  return {
    names: names.source,
    refreshNames: () => names.refresh(),
    async run(line) {
      names.invalidate();
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
