/**
 * An embedded cluster: several simulated nodes in one process, linked over
 * the in-memory transport as a real cluster of that size would be (sparse:
 * `clusterLinks`), so a user (or a test) sees where VMs land without
 * starting processes (`mm run --nodes N`). The nodes share one link-state
 * table: a link that comes or goes is one write every node sees.
 */
import { createLanguageService, dialectOf } from '../language/index.js';
import { DEFAULT_RUNTIME_DIALECT } from './runtime-dialects.js';
import { createNode, type NodeOptions, type SimNode } from './sim-node.js';
import { createMemoryNetwork } from './mesh/memory.js';
import type { Mesh } from './mesh/node-mesh.js';
import { LsaTable } from './mesh/topology.js';
import type { Link } from './mesh/transport.js';
import { attachMesh } from './node-inbox.js';
import { shuffle } from './random.js';

/** Most nodes an embedded cluster holds (`mm run --nodes`): 1,000 nodes run 100,000 VMs in seconds. */
export const MAX_CLUSTER_NODES = 1000;
/** Most links a node of a larger cluster has (ring and chord); clusters of one node more than this are fully meshed. */
export const CLUSTER_DEGREE = 3;

/** Options every node of the cluster shares. */
export type ClusterNodeOptions = Omit<NodeOptions, 'name' | 'mesh' | 'seed'>;

export interface EmbeddedCluster {
  /** The nodes, in the order the names were given. */
  readonly nodes: SimNode[];
  /** Each node's mesh (for tests: hang up links, close a node as if killed). */
  readonly meshes: Mesh[];
  /** Stops every node's mesh. */
  close(): Promise<void>;
}

/**
 * Creates nodes named `names`, linked as `clusterLinks` says. The links and
 * link state are set up synchronously, so the cluster is complete when this
 * returns.
 */
export function createEmbeddedCluster(names: readonly string[], options: ClusterNodeOptions = {}): EmbeddedCluster {
  if (names.length > MAX_CLUSTER_NODES) throw new Error(`an embedded cluster holds at most ${MAX_CLUSTER_NODES} nodes, not ${names.length}`);
  const seen = new Set<string>();
  for (const n of names) {
    if (n === '' || n === 'all' || n === 'localhost') throw new Error(`invalid node name: ${JSON.stringify(n)}`);
    if (seen.has(n)) throw new Error(`duplicate node name: ${n}`);
    seen.add(n);
  }
  const network = createMemoryNetwork();
  const sharedLinks = new LsaTable();
  // One process: the nodes compile the same lines (fan-out), so they share what is remembered.
  const language = options.language ?? createLanguageService(dialectOf(options.dialect ?? DEFAULT_RUNTIME_DIALECT));
  const nodes = names.map((name) => createNode({ ...options, name, language }));
  const meshes = nodes.map((node) => attachMesh(node, { transport: network.transport(node.name), sharedLinks }));
  const links: (readonly [Link, string])[][] = names.map(() => []);
  for (const [i, j] of clusterLinks(names.length)) {
    // Nodes of one process trust each other: messages travel unencoded.
    const [a, b] = network.pair(names[i]!, names[j]!, true);
    links[i]!.push([a, names[j]!]);
    links[j]!.push([b, names[i]!]);
  }
  for (const [i, m] of meshes.entries()) m.adopt(links[i]!);
  for (const m of meshes) void m.listen();
  return {
    nodes,
    meshes,
    async close() {
      await Promise.all(meshes.map((m) => m.close()));
    },
  };
}

/**
 * The links of a cluster of `count` nodes, as index pairs. Up to
 * CLUSTER_DEGREE + 1 nodes every pair is linked. Larger clusters are linked
 * as minimega's nodes link themselves with `-degree 3` (each node dials
 * random peers until it has three): a ring, so the cluster stays connected,
 * and one chord per node to a partner picked by a fixed seeded shuffle, so
 * any two nodes are a few hops apart (8 on average, at most 13, for 1,000 nodes) and a node's
 * links do not grow with the cluster.
 */
export function clusterLinks(count: number): [number, number][] {
  const out: [number, number][] = [];
  if (count <= CLUSTER_DEGREE + 1) {
    for (let i = 0; i < count; i++) for (let j = i + 1; j < count; j++) out.push([i, j]);
    return out;
  }
  for (let i = 0; i < count; i++) out.push(i + 1 < count ? [i, i + 1] : [0, i]);
  const order = Array.from({ length: count }, (_, i) => i);
  shuffle(order, `mm cluster ${count}`);
  for (let k = 0; k + 1 < count; k += 2) {
    const [a, b] = [Math.min(order[k]!, order[k + 1]!), Math.max(order[k]!, order[k + 1]!)];
    // Ring neighbours are linked already.
    if (b - a !== 1 && !(a === 0 && b === count - 1)) out.push([a, b]);
  }
  return out;
}

/** `n1`..`nN`. */
export function defaultNodeNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `n${i + 1}`);
}
