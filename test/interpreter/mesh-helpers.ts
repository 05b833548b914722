/**
 * Helpers for the mesh and cluster suites: in-memory meshes of any shape
 * (linked through the real handshake), transcripts, and waiting on events
 * (one `setImmediate` turn at a time, never a timer).
 */
import { createMemoryNetwork, type MemoryNetwork } from '../../interpreter/mesh/memory.js';
import type { Mesh, MeshOptions } from '../../interpreter/mesh/node-mesh.js';
import { attachMesh } from '../../interpreter/node-inbox.js';
import type { Link, Transport } from '../../interpreter/mesh/transport.js';
import { createNode, type NodeOptions, type SimNode } from '../../interpreter/sim-node.js';
import { runLine } from '../../interpreter/session.js';
import { transcriptOf } from '../../interpreter/transcript.js';

export interface TestMesh {
  readonly nodes: SimNode[];
  readonly meshes: Mesh[];
  readonly network: MemoryNetwork;
  /** Frames each node received, in order (when `record` was asked for). */
  readonly frames: Map<string, string[]>;
  node(name: string): SimNode;
  mesh(name: string): Mesh;
  close(): Promise<void>;
}

/** Waits, one event-loop turn at a time, until `cond` holds (fails after `turns`). */
export async function until(cond: () => boolean, turns = 10_000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (cond()) return;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error('condition not reached');
}

/** A promise with its resolver outside (`resolve()` alone for `void`). */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A transport whose links record every frame they deliver into `log`. */
function recording(t: Transport, log: string[]): Transport {
  const wrap = (l: Link): Link => ({
    remote: l.remote,
    send: (f) => l.send(f),
    close: (r) => l.close(r),
    start: (h) => l.start({ frame: (f) => (log.push(f), h.frame(f)), closed: h.closed }),
  });
  return { ...t, listen: (accept) => t.listen((l) => accept(wrap(l))), dial: async (a) => wrap(await t.dial(a)) };
}

/**
 * Nodes linked along `edges` (default: every pair) through the handshake;
 * resolves once every node sees every other one.
 */
export async function createTestMesh(
  names: readonly string[],
  edges?: readonly (readonly [string, string])[],
  options: { node?: Partial<NodeOptions>; mesh?: Partial<MeshOptions>; meshFor?: (name: string) => Partial<MeshOptions>; record?: boolean } = {},
): Promise<TestMesh> {
  const network = createMemoryNetwork();
  const frames = new Map<string, string[]>();
  const nodes = names.map((name) => createNode({ ...options.node, name }));
  const meshes = nodes.map((n) => {
    const log: string[] = [];
    frames.set(n.name, log);
    const t = network.transport(n.name);
    return attachMesh(n, { ...options.mesh, ...options.meshFor?.(n.name), transport: options.record ? recording(t, log) : t });
  });
  for (const m of meshes) await m.listen();
  const pairs = edges ?? names.flatMap((a, i) => names.slice(i + 1).map((b) => [a, b] as const));
  for (const [a, b] of pairs) await meshes[names.indexOf(a)]!.connect(b);
  await until(() => nodes.every((n) => n.mesh.peers().length === names.length - 1));
  return {
    nodes,
    meshes,
    network,
    frames,
    node: (n) => nodes[names.indexOf(n)]!,
    mesh: (n) => meshes[names.indexOf(n)]!,
    close: async () => {
      await Promise.all(meshes.map((m) => m.close()));
    },
  };
}

/** Runs lines on a node as a front end does (under its command ordering); returns the transcript. */
export async function transcript(node: SimNode, text: string): Promise<string> {
  let out = '';
  for (const line of text.split('\n')) {
    const outcome = await runLine(node, line);
    out += transcriptOf(node, line, outcome);
  }
  return out;
}

/** A transcript as the tests write it: `## line` headers from a template. */
export function lines(...parts: string[]): string {
  return parts.join('\n') + '\n';
}
