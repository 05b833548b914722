/**
 * Requests this node is waiting on. Each one ends exactly once: with the
 * reply, with `timed out waiting for <host>` when `mesh timeout` expires, or
 * with `lost connection to <host>` as soon as the route it travels (out and
 * back) loses a link or the host leaves the mesh (decision 4).
 */
import { createError, type Response } from '../contracts/responses.js';
import type { Clock } from './transport.js';

interface Pending {
  readonly host: string;
  /** Links (`a\0b`, names sorted) on the request's path and the reply's. */
  readonly edges: readonly string[];
  readonly done: (r: Response) => void;
}

export class Requests {
  private readonly pending = new Map<string, Pending>();
  private counter = 0;

  constructor(
    private readonly self: string,
    private readonly clock: Clock,
  ) {}

  /**
   * Registers a request to `host`, travelling over `edges` (`topology.ts`
   * `routeEdges`), and returns its id and the promise of its answer.
   * `timeoutSeconds` <= 0 means no timeout (2.3's default).
   */
  open(host: string, edges: readonly string[], timeoutSeconds: number): { id: string; answer: Promise<Response> } {
    const id = `${this.self}#${++this.counter}`;
    const answer = new Promise<Response>((resolve) => {
      let cancel: (() => void) | undefined;
      const done = (r: Response): void => {
        if (!this.pending.delete(id)) return;
        cancel?.();
        resolve(r);
      };
      this.pending.set(id, { host, edges, done });
      if (timeoutSeconds > 0) {
        cancel = longTimeout(this.clock, () => done(createError(host, `timed out waiting for ${host}`)), timeoutSeconds * 1000);
      }
    });
    return { id, answer };
  }

  /** Ends a request with its reply (unknown ids, e.g. late replies, are ignored). */
  answer(id: string, response: Response): void {
    this.pending.get(id)?.done(response);
  }

  /** Ends a request with an error attributed to its host. */
  fail(id: string, error: string): void {
    const p = this.pending.get(id);
    p?.done(createError(p.host, error));
  }

  /** After a topology change: fails every request whose host or path is gone. */
  check(reachable: (host: string) => boolean, hasEdge: (key: string) => boolean): void {
    for (const [id, p] of [...this.pending]) {
      if (!reachable(p.host) || !p.edges.every(hasEdge)) this.fail(id, `lost connection to ${p.host}`);
    }
  }

  /** Fails everything (the mesh is closing). */
  failAll(): void {
    for (const [id, p] of [...this.pending]) this.fail(id, `lost connection to ${p.host}`);
  }

  get size(): number {
    return this.pending.size;
  }
}

/** The longest delay a Node timer takes (a longer one fires after 1 ms, with a warning). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Calls `f` after `ms`, however long (`mesh timeout` takes any int64 of
 * seconds): delays past Node's timer limit are waited for in steps.
 * Returns a function that cancels it.
 */
export function longTimeout(clock: Clock, f: () => void, ms: number): () => void {
  let timer: unknown;
  const arm = (left: number): void => {
    timer = left > MAX_TIMER_MS ? clock.setTimeout(() => arm(left - MAX_TIMER_MS), MAX_TIMER_MS) : clock.setTimeout(f, left);
  };
  arm(ms);
  return () => clock.clearTimeout(timer);
}
