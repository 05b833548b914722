/**
 * Where `mm run`, `mm repl` and `mm minitest` send their lines: a fresh
 * simulated node, the head of an embedded cluster (`--nodes`), or a running
 * node (`--connect`, like `minimega -attach`; target-connect.ts). Each gives
 * the line's outcome and the node state rendering needs, so every front end
 * prints the same way.
 */
import { createEmbeddedCluster, defaultNodeNames, MAX_CLUSTER_NODES } from '../interpreter/cluster.js';
import { createNode } from '../interpreter/sim-node.js';
import type { RuntimeDialectName } from '../interpreter/runtime-dialects.js';
import { runLine } from '../interpreter/session.js';
import { createClusterNames, createNodeNames } from '../interpreter/node-names.js';
import type { OptionSpec } from './command-spec.js';
import { CliError, type CliIO } from './cli-io.js';
import { filesOptions, nodeName } from './node-options.js';
import { isNodeName } from '../interpreter/script-hosts.js';
import type { LineTarget } from './line-target.js';

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
    // Loaded only here: the WebSocket client and Node's network and crypto modules it needs are
    // 10-20 ms of start-up that a script run on a simulated node never uses.
    const { connectTarget } = await import('./target-connect.js');
    return connectTarget(io, connect, values, parseWait(values.wait));
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

/** --wait: whole seconds from 0 to 3600 (default CONNECT_WAIT_SECONDS). */
function parseWait(v: unknown): number {
  if (v === undefined) return CONNECT_WAIT_SECONDS;
  if (typeof v !== 'string' || !/^\d{1,4}$/.test(v) || Number(v) > 3600)
    throw new CliError(`--wait must be whole seconds from 0 to 3600, not ${JSON.stringify(v)}`);
  return Number(v);
}
