/**
 * minimega 3.1's scheduler as a pure function (runtime-3.1.md §4.1-4.2):
 * least-loaded host first through a binary min-heap, honouring `schedule`
 * (pinning), `colocate` (same host as a named VM) and `coschedule` (at most
 * that many other VMs on the host). Host order is the caller's: the local
 * node first, then the others by name (decision 14).
 */

/** What the scheduler counts per host (the `host` statistics of §4.1). */
export interface HostLoad {
  readonly name: string;
  readonly cpus: number;
  /** Total memory in MB. */
  readonly memTotal: number;
  vms: number;
  cpuCommit: number;
  memCommit: number;
  netCommit: number;
  /** -1 for none, else the smallest `coschedule` of the host's VMs plus one. */
  limit: number;
}

/** What the scheduler reads of a queue entry. */
export interface SchedulerEntry {
  readonly names: readonly string[];
  /** The pinned host ("" when not pinned); `localhost` stands for the local node. */
  readonly schedule: string;
  /** The VM this entry must share a host with ("" when none). */
  readonly colocate: string;
  /** -1 for no limit. */
  readonly coschedule: number;
  readonly vcpus: number;
  readonly memory: number;
  readonly networks: number;
}

/** How hosts are compared: `ns load`. */
export type LoadKey = 'cpucommit' | 'memcommit' | 'netcommit';

export interface ScheduleInput<E extends SchedulerEntry> {
  readonly entries: readonly E[];
  /** Statistics of the hosts that answered, in visiting order. */
  readonly hosts: readonly HostLoad[];
  readonly local: string;
  readonly load: LoadKey;
  /** A copy of `entry` holding only `name` (what lands on a host). */
  readonly oneName: (entry: E, name: string) => E;
}

/** Host name to the entries placed there, in placement order. */
export type Assignment<E> = Map<string, E[]>;

export type ScheduleResult<E> = { readonly ok: true; readonly assignment: Assignment<E> } | { readonly ok: false; readonly error: string };

const isFull = (h: HostLoad): boolean => h.limit !== -1 && h.vms >= h.limit;

/** `less(h1, h2)` by the load key: a host that is not full before a full one, then the lower load. */
export function lessLoaded(load: LoadKey, a: HostLoad, b: HostLoad): boolean {
  const fa = isFull(a);
  const fb = isFull(b);
  if (fa !== fb) return !fa;
  switch (load) {
    case 'cpucommit':
      return a.cpuCommit / a.cpus < b.cpuCommit / b.cpus;
    case 'memcommit':
      return a.memCommit / a.memTotal < b.memCommit / b.memTotal;
    case 'netcommit':
      return a.netCommit < b.netCommit;
  }
}

/** Queue order: pinned first (by host), limited first (smaller first), more colocated first, more names first. */
function compareEntries(a: SchedulerEntry, b: SchedulerEntry, colocated: (e: SchedulerEntry) => number): number {
  if (a.schedule !== '' && b.schedule === '') return -1;
  if (a.schedule === '' && b.schedule !== '') return 1;
  if (a.schedule !== b.schedule) return a.schedule < b.schedule ? -1 : 1;
  if (a.coschedule !== -1 && b.coschedule === -1) return -1;
  if (a.coschedule === -1 && b.coschedule !== -1) return 1;
  if (a.coschedule !== b.coschedule) return a.coschedule < b.coschedule ? -1 : 1;
  const ca = colocated(a);
  const cb = colocated(b);
  if (ca !== cb) return ca > cb ? -1 : 1;
  return b.names.length - a.names.length;
}

class HostHeap {
  readonly items: HostLoad[];
  constructor(
    hosts: readonly HostLoad[],
    private readonly load: LoadKey,
  ) {
    this.items = [...hosts];
    for (let i = Math.floor((this.items.length - 1) / 2); i >= 0; i--) this.siftDown(i);
  }

  /** Go's container/heap down: ties prefer the right child and always swap. */
  siftDown(start: number): void {
    const h = this.items;
    const n = h.length;
    let i = start;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) return;
      if (c + 1 < n && !lessLoaded(this.load, h[c]!, h[c + 1]!)) c++;
      if (lessLoaded(this.load, h[i]!, h[c]!)) return;
      [h[i], h[c]] = [h[c]!, h[i]!];
      i = c;
    }
  }
}

/**
 * Places every queued VM on a host. With one answering host every entry
 * goes there whole and nothing is checked; otherwise the rules of §4.2.
 */
export function schedule31<E extends SchedulerEntry>(input: ScheduleInput<E>): ScheduleResult<E> {
  const { hosts, local } = input;
  if (hosts.length === 0) return { ok: false, error: 'no hosts to schedule VMs on' };
  const assignment: Assignment<E> = new Map();
  if (hosts.length === 1) {
    assignment.set(hosts[0]!.name, [...input.entries]);
    return { ok: true, assignment };
  }
  const known = new Set(hosts.map((h) => h.name));
  const entries: E[] = [];
  // Floating entries by the VM name they follow.
  const floating = new Map<string, E[]>();
  const pinned = new Map<E, string>();
  for (const e of input.entries) {
    const host = e.schedule === 'localhost' ? local : e.schedule;
    if (host !== '' && !known.has(host)) return { ok: false, error: `VM scheduled on unknown host: \`${host}\`` };
    pinned.set(e, host);
    if (e.colocate !== '' && host === '') {
      const l = floating.get(e.colocate);
      if (l) l.push(e);
      else floating.set(e.colocate, [e]);
      continue;
    }
    entries.push(e);
  }
  const counts = new Map<SchedulerEntry, number>();
  for (const e of input.entries)
    counts.set(
      e,
      e.names.reduce((n, name) => n + (floating.get(name)?.length ?? 0), 0),
    );
  const order = [...input.entries].sort((a, b) => compareEntries(a, b, (x) => counts.get(x) ?? 0));
  const loads = hosts.map((h) => ({ ...h }));
  const heap = new HostHeap(loads, input.load);
  const add = (host: HostLoad, name: string, e: E): string | undefined => {
    if (e.coschedule !== -1) {
      const limit = e.coschedule + 1;
      if (host.limit === -1 || limit < host.limit) host.limit = limit;
    }
    host.vms++;
    host.cpuCommit += e.vcpus;
    host.memCommit += e.memory;
    host.netCommit += e.networks;
    const followers = floating.get(name);
    if (followers) {
      floating.delete(name);
      for (const f of followers) {
        for (const n of f.names) {
          const err = add(host, n, f);
          if (err) return err;
        }
      }
    }
    if (host.limit !== -1 && host.vms > host.limit) return `too many VMs scheduled on ${host.name} for coschedule requirement of ${host.limit}`;
    const l = assignment.get(host.name);
    if (l) l.push(input.oneName(e, name));
    else assignment.set(host.name, [input.oneName(e, name)]);
    return undefined;
  };
  for (const e of order) {
    if (e.colocate !== '' && pinned.get(e) === '') continue;
    for (const name of e.names) {
      const host = pinned.get(e) ?? '';
      const index = host === '' ? 0 : heap.items.findIndex((h) => h.name === host);
      const err = add(heap.items[index]!, name, e);
      if (err) return { ok: false, error: err };
      heap.siftDown(index);
    }
  }
  if (floating.size > 0) return { ok: false, error: `nonexistent colocate VMs: [${[...floating.keys()].sort().join(', ')}]` };
  return { ok: true, assignment };
}
