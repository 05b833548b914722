/**
 * An embedded cluster: several simulated nodes in one process, fully meshed
 * over the in-memory transport, so a user (or a test) sees where VMs land
 * without starting processes (`mm run --nodes N`).
 */
import { createLanguageService, dialectOf } from '../language/index.js';
import { DEFAULT_RUNTIME_DIALECT } from './runtime-dialects.js';
import { createNode, type NodeOptions, type SimNode } from './sim-node.js';
import { createMemoryNetwork } from './mesh/memory.js';
import type { Mesh } from './mesh/node-mesh.js';
import { attachMesh } from './node-inbox.js';

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
 * Creates nodes named `names`, every pair linked. The links and link state
 * are set up synchronously, so the cluster is complete when this returns.
 */
export function createEmbeddedCluster(names: readonly string[], options: ClusterNodeOptions = {}): EmbeddedCluster {
  const seen = new Set<string>();
  for (const n of names) {
    if (n === '' || n === 'all' || n === 'localhost') throw new Error(`invalid node name: ${JSON.stringify(n)}`);
    if (seen.has(n)) throw new Error(`duplicate node name: ${n}`);
    seen.add(n);
  }
  const network = createMemoryNetwork();
  // One process: the nodes compile the same lines (fan-out), so they share what is remembered.
  const language = options.language ?? createLanguageService(dialectOf(options.dialect ?? DEFAULT_RUNTIME_DIALECT));
  const nodes = names.map((name) => createNode({ ...options, name, language }));
  const meshes = nodes.map((node) => attachMesh(node, { transport: network.transport(node.name) }));
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const [a, b] = network.pair(names[i]!, names[j]!);
      meshes[i]!.adopt(a, names[j]!);
      meshes[j]!.adopt(b, names[i]!);
    }
  }
  // Everyone learns everyone's links now rather than when the floods arrive.
  const lsas = meshes.map((m) => m.ownLsa());
  for (const m of meshes) m.learn(lsas);
  for (const m of meshes) void m.listen();
  return {
    nodes,
    meshes,
    async close() {
      await Promise.all(meshes.map((m) => m.close()));
    },
  };
}

/** `n1`..`nN`. */
export function defaultNodeNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `n${i + 1}`);
}
