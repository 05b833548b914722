/**
 * The scheduler (decision 2): a pure function from the launch queue and the
 * namespace's hosts to a placement. Hosts in sorted order (or shuffled by an
 * optional seed); each host gets floor(N/M) or ceil(N/M) VMs, the first N mod M
 * hosts one more; names are assigned in queue order as contiguous slices.
 */
import type { QueueEntry } from './launch-queue.js';
import { shuffle } from './random.js';

/** The share of one queue entry that lands on one host. */
export interface PlacedEntry {
  readonly entry: QueueEntry;
  readonly names: readonly string[];
}

export interface Placement {
  readonly host: string;
  readonly entries: readonly PlacedEntry[];
  /** Number of VMs placed on the host. */
  readonly count: number;
}

/** Computes where every queued VM goes. Hosts that get nothing are omitted. */
export function schedule(queue: readonly QueueEntry[], hosts: readonly string[], seed?: string): Placement[] {
  const order = [...hosts].sort();
  if (seed !== undefined) shuffle(order, seed);
  const total = queue.reduce((n, e) => n + e.names.length, 0);
  const m = order.length;
  if (m === 0 || total === 0) return [];
  const base = Math.floor(total / m);
  const extra = total % m;
  const quotas = order.map((_, i) => base + (i < extra ? 1 : 0));
  const out: Placement[] = [];
  let hostIdx = 0;
  let current: PlacedEntry[] = [];
  let used = 0;
  const closeHost = (): void => {
    if (used > 0) out.push({ host: order[hostIdx]!, entries: current, count: used });
    hostIdx++;
    current = [];
    used = 0;
  };
  for (const entry of queue) {
    let i = 0;
    while (i < entry.names.length) {
      while (used >= quotas[hostIdx]!) closeHost();
      const take = Math.min(quotas[hostIdx]! - used, entry.names.length - i);
      current.push({ entry, names: entry.names.slice(i, i + take) });
      used += take;
      i += take;
    }
  }
  if (used > 0) closeHost();
  return out;
}
