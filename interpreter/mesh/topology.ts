/**
 * Link state, as minimega's meshage keeps it: every node
 * announces its direct neighbours; the effective topology keeps only links
 * both ends announce, restricted to the part reachable from this node; routes
 * are BFS shortest paths (neighbours visited in sorted order, so every node
 * computes the same paths from the same announcements).
 */
import type { Lsa } from './protocol.js';

export class LinkState {
  private readonly lsas = new Map<string, Lsa>();
  private cache: { graph: Map<string, string[]>; next: Map<string, string>; edges: Map<string, string[]> } | undefined;

  constructor(
    readonly self: string,
    private readonly now: () => number,
  ) {
    this.lsas.set(self, { origin: self, seq: 0, neighbours: [] });
  }

  /** This node's own announcement. */
  own(): Lsa {
    return this.lsas.get(this.self)!;
  }

  /**
   * Replaces this node's neighbour list. Sequence numbers start from the
   * clock so a restarted node's announcements beat its old ones.
   */
  setNeighbours(neighbours: Iterable<string>, atLeast = 0): Lsa {
    const old = this.own();
    const lsa: Lsa = { origin: this.self, seq: Math.max(old.seq + 1, this.now(), atLeast + 1), neighbours: [...neighbours].sort() };
    this.lsas.set(this.self, lsa);
    this.cache = undefined;
    return lsa;
  }

  /**
   * Takes an announcement if it is newer than the one held. An old
   * announcement of our own (from an earlier life) returns 'stale-self' so
   * the caller re-announces with a higher number.
   */
  merge(lsa: Lsa): 'new' | 'old' | 'stale-self' {
    const held = this.lsas.get(lsa.origin);
    if (lsa.origin === this.self) return lsa.seq >= this.own().seq && !sameList(lsa.neighbours, this.own().neighbours) ? 'stale-self' : 'old';
    if (held && held.seq >= lsa.seq) return 'old';
    this.lsas.set(lsa.origin, { origin: lsa.origin, seq: lsa.seq, neighbours: [...lsa.neighbours].sort() });
    this.cache = undefined;
    return 'new';
  }

  /** Every announcement held (sent to a new neighbour). */
  all(): Lsa[] {
    return [...this.lsas.values()];
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

  private compute(): { graph: Map<string, string[]>; next: Map<string, string>; edges: Map<string, string[]> } {
    if (this.cache) return this.cache;
    const agreed = (a: string, b: string): boolean => this.lsas.get(b)?.neighbours.includes(a) ?? false;
    const full = new Map<string, string[]>();
    for (const [n, lsa] of this.lsas) full.set(n, lsa.neighbours.filter((m) => m !== n && agreed(n, m)));
    const graph = new Map<string, string[]>();
    const next = new Map<string, string>();
    if ((full.get(this.self) ?? []).length > 0) {
      const parent = bfs(full, this.self);
      for (const n of parent.keys()) graph.set(n, full.get(n) ?? []);
      for (const n of parent.keys()) {
        if (n === this.self) continue;
        let hop = n;
        while (parent.get(hop) !== this.self) hop = parent.get(hop)!;
        next.set(n, hop);
      }
    }
    this.cache = { graph, next, edges: new Map() };
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
  return a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
}
