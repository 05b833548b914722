/**
 * Link state, as minimega's meshage keeps it: every node
 * announces its direct neighbours; the effective topology keeps only links
 * both ends announce, restricted to the part reachable from this node; routes
 * are BFS shortest paths (neighbours visited in sorted order, so every node
 * computes the same paths from the same announcements).
 *
 * What other nodes announce is untrusted: an announcement must be signed by
 * its origin (`identity.ts`), its sequence number may not run far ahead of
 * the clock, and the number of origins and of links held is capped
 * (docs/security.md). The effective topology is computed only when asked,
 * by one walk from this node that never looks at unreachable announcements.
 *
 * The announcements live in an `LsaTable`: each node of a network has its
 * own, filled by flooding; the nodes of an embedded cluster share one, so a
 * change is one write that every node sees, with nothing encoded or sent.
 */
import { lsaSigningText, openIdentity, type NodeIdentity } from './identity.js';
import { MAX_MESH_NODES, type Lsa } from './mesh-protocol.js';

/** Most neighbour entries held over all announcements (a full mesh of 1,000 nodes holds 999,000). */
export const MAX_LINK_ENTRIES = 2_000_000;
/**
 * How far (ms) a sequence number may run ahead of this node's clock.
 * Sequence numbers start from the clock; this keeps them far below 2^53,
 * so a node re-asserting its own state never runs out of numbers.
 */
export const MAX_SEQ_AHEAD = 2 ** 40;

/** What became of an announcement. */
export type MergeResult = 'new' | 'old' | 'stale-self' | 'refused';

interface Held {
  readonly lsa: Lsa;
  readonly neighbours: ReadonlySet<string>;
}

interface Computed {
  readonly graph: Map<string, string[]>;
  readonly next: Map<string, string>;
  readonly edges: Map<string, string[]>;
}

/**
 * Announcements by origin, and a version that changes with every write (the
 * link states reading the table recompute their topology when it moved).
 */
export class LsaTable {
  private readonly held = new Map<string, Held>();
  private readonly listeners = new Set<() => void>();
  /** Neighbour entries over all announcements. */
  private count = 0;
  private changes = 0;
  /** Agreed links by node, as walks asked for them since the last change (link states sharing the table share them). */
  private agreedLinks = new Map<string, string[]>();

  get version(): number {
    return this.changes;
  }

  get size(): number {
    return this.held.size;
  }

  get entries(): number {
    return this.count;
  }

  get(origin: string): Held | undefined {
    return this.held.get(origin);
  }

  values(): IterableIterator<Held> {
    return this.held.values();
  }

  /** Holds `lsa` as its origin's announcement and tells every listener. */
  hold(lsa: Lsa): void {
    this.count += lsa.neighbours.length - (this.held.get(lsa.origin)?.neighbours.size ?? 0);
    this.held.set(lsa.origin, { lsa, neighbours: new Set(lsa.neighbours) });
    this.changes++;
    if (this.agreedLinks.size > 0) this.agreedLinks = new Map();
    for (const f of this.listeners) f();
  }

  /**
   * The neighbours `n` announces that announce it too (`n` must be held).
   * Each node's list is worked out once per change; `stats.visited` counts
   * the links looked at when it is.
   */
  agreed(n: string, stats: { visited: number }): string[] {
    let out = this.agreedLinks.get(n);
    if (out) return out;
    out = [];
    for (const m of this.held.get(n)!.lsa.neighbours) {
      stats.visited++;
      if (m !== n && this.held.get(m)?.neighbours.has(n)) out.push(m);
    }
    this.agreedLinks.set(n, out);
    return out;
  }

  /** Calls `f` after every change, until the returned function is called. */
  subscribe(f: () => void): () => void {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }
}

export class LinkState {
  private cache: (Computed & { readonly version: number }) | undefined;
  /** Work done, for tests that assert growth: topologies computed, and nodes plus links they visited. */
  readonly stats = { computed: 0, visited: 0 };

  constructor(
    readonly self: string,
    private readonly now: () => number,
    private readonly identity: NodeIdentity = openIdentity,
    readonly instance = '',
    private readonly lsas = new LsaTable(),
  ) {
    this.lsas.hold(this.signed(0, []));
  }

  /** This node's own announcement. */
  own(): Lsa {
    return this.lsas.get(this.self)!.lsa;
  }

  /**
   * Replaces this node's neighbour list. Sequence numbers start from the
   * clock so a restarted node's announcements beat its old ones.
   */
  setNeighbours(neighbours: Iterable<string>, atLeast = 0): Lsa {
    const seq = Math.max(this.own().seq + 1, this.now(), atLeast + 1);
    const lsa = this.signed(seq, [...neighbours].sort());
    this.lsas.hold(lsa);
    return lsa;
  }

  /**
   * Takes an announcement if it is newer than the one held and genuine.
   * An announcement of our own that we did not make (an earlier life's, or
   * one forged without keys) returns 'stale-self' so the caller re-asserts
   * at once with a higher number.
   */
  merge(lsa: Lsa): MergeResult {
    if (lsa.seq > this.now() + MAX_SEQ_AHEAD) return 'refused';
    if (lsa.origin === this.self) {
      const own = this.own();
      if (lsa.seq < own.seq || (lsa.instance === own.instance && sameList(lsa.neighbours, own.neighbours))) return 'old';
      return this.genuine(lsa) ? 'stale-self' : 'refused';
    }
    const held = this.lsas.get(lsa.origin);
    if (held && held.lsa.seq >= lsa.seq) return 'old';
    if (!held && this.lsas.size >= MAX_MESH_NODES) return 'refused';
    if (this.lsas.entries - (held?.neighbours.size ?? 0) + lsa.neighbours.length > MAX_LINK_ENTRIES) return 'refused';
    if (!this.genuine(lsa)) return 'refused';
    this.lsas.hold({ ...lsa, neighbours: [...lsa.neighbours].sort() });
    return 'new';
  }

  /** Every announcement held (sent to a new neighbour). */
  all(): Lsa[] {
    return [...this.lsas.values()].map((h) => h.lsa);
  }

  /** Effective topology: reachable node to its agreed neighbours; empty when this node has no links. */
  graph(): Map<string, string[]> {
    return this.compute().graph;
  }

  /** The next hop towards `to`, if reachable. */
  nextHop(to: string): string | undefined {
    return this.compute().next.get(to);
  }

  /** Whether a node is reachable (this node counts only when it has links). */
  reachable(node: string): boolean {
    return this.compute().graph.has(node);
  }

  /** The announcement of `origin` held, if any. */
  announcement(origin: string): Lsa | undefined {
    return this.lsas.get(origin)?.lsa;
  }

  /** The process behind `node`'s announcements, if held. */
  instanceOf(node: string): string | undefined {
    return this.lsas.get(node)?.lsa.instance;
  }

  /** The BFS path from `from` to `to` (both included), if any. */
  path(from: string, to: string): string[] | undefined {
    const graph = this.compute().graph;
    if (!graph.has(from) || !graph.has(to)) return undefined;
    const parent = bfs(graph, from);
    if (!parent.has(to)) return undefined;
    const out = [to];
    for (let n = to; n !== from; ) {
      n = parent.get(n)!;
      out.push(n);
    }
    return out.reverse();
  }

  /**
   * The links a request to `host` and its reply travel (`a\0b`, names
   * sorted), remembered until the topology changes.
   */
  routeEdges(host: string): readonly string[] {
    const c = this.compute();
    let e = c.edges.get(host);
    if (!e) {
      const paths = [this.path(this.self, host) ?? [], this.path(host, this.self) ?? []];
      e = [...new Set(paths.flatMap((p) => p.slice(1).map((n, i) => edgeKey(p[i]!, n))))];
      c.edges.set(host, e);
    }
    return e;
  }

  private signed(seq: number, neighbours: string[]): Lsa {
    const body = { origin: this.self, instance: this.instance, seq, neighbours };
    return { ...body, sig: this.identity.sign(lsaSigningText(body)) };
  }

  private genuine(lsa: Lsa): boolean {
    return this.identity.knows(lsa.origin) && this.identity.verify(lsa.origin, lsaSigningText(lsa), lsa.sig);
  }

  /** One BFS from this node over agreed links: only what is reachable is ever looked at. */
  private compute(): Computed {
    if (this.cache?.version === this.lsas.version) return this.cache;
    this.stats.computed++;
    const graph = new Map<string, string[]>();
    const next = new Map<string, string>();
    const agreedOf = (n: string): string[] => this.lsas.agreed(n, this.stats);
    const mine = agreedOf(this.self);
    if (mine.length > 0) {
      graph.set(this.self, mine);
      const queue = [this.self];
      for (let i = 0; i < queue.length; i++) {
        const n = queue[i]!;
        for (const m of graph.get(n)!) {
          if (graph.has(m)) continue;
          graph.set(m, agreedOf(m));
          next.set(m, n === this.self ? m : next.get(n)!);
          queue.push(m);
        }
      }
    }
    this.cache = { graph, next, edges: new Map(), version: this.lsas.version };
    return this.cache;
  }
}

/** An undirected link key. */
export function edgeKey(a: string, b: string): string {
  return a < b ? `${a}\0${b}` : `${b}\0${a}`;
}

/** BFS parents from `root` (root maps to itself), visiting neighbours in sorted order. */
function bfs(graph: Map<string, readonly string[]>, root: string): Map<string, string> {
  const parent = new Map<string, string>([[root, root]]);
  const queue = [root];
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i]!;
    for (const m of graph.get(n) ?? []) {
      if (parent.has(m)) continue;
      parent.set(m, n);
      queue.push(m);
    }
  }
  return parent;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sorted = [...a].sort();
  return sorted.every((x, i) => x === b[i]);
}
