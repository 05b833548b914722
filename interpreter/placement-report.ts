/**
 * Where a run left its VMs, as data: each node's VMs (name, namespace,
 * state) and each namespace's launch queue and scheduler runs. `mm run
 * --format json` prints it and the VS Code extension draws it (one column
 * per node); both read it from the nodes of the run after the script ended.
 * Building it is linear in the nodes, namespaces and VMs.
 */
import type { NamespaceRecord } from './namespace-state.js';
import type { Namespace31 } from './runtime-31/namespace-31.js';
import type { SimNode } from './sim-node.js';
import type { VmState } from './vm-model.js';

/** One VM where it landed. */
export interface PlacedVm {
  readonly name: string;
  /** Its namespace ("" for a VM launched outside one, 2.3). */
  readonly namespace: string;
  readonly state: VmState;
}

/** One node and its VMs, in launch order. */
export interface NodePlacement {
  readonly host: string;
  readonly vms: readonly PlacedVm[];
}

/** What waits in one node's launch queue of a namespace (queued with `vm launch TYPE NAMES`, not launched yet). */
export interface QueuedVms {
  /** The node holding the queue (the one the queueing `vm launch` ran on). */
  readonly host: string;
  /** VMs waiting, unnamed ones (3.1 `vm launch kvm 3`) included. */
  readonly vms: number;
  /** The names of the named ones, in queue order. */
  readonly names: readonly string[];
}

/** One scheduler run (`vm launch` with no arguments, 3.1's `ns schedule`), as `namespace` lists it. */
export interface ScheduleStatus {
  /** The node that ran it. */
  readonly host: string;
  /** ISO 8601 times. */
  readonly start: string;
  readonly end: string | null;
  readonly state: 'running' | 'completed';
  readonly launched: number;
  readonly failures: number;
  readonly total: number;
  readonly hosts: number;
}

/** One namespace: its hosts, its queue and its scheduler runs. */
export interface NamespaceStatus {
  readonly name: string;
  /** The hosts the namespace schedules on, as the first node that has it records them. */
  readonly hosts: readonly string[];
  /** Non-empty queues only. */
  readonly queued: readonly QueuedVms[];
  readonly schedules: readonly ScheduleStatus[];
}

/** Where a run's VMs are: the nodes in the cluster's order (the head first), the namespaces by name. */
export interface PlacementReport {
  readonly nodes: readonly NodePlacement[];
  readonly namespaces: readonly NamespaceStatus[];
}

/** Reads the report from the nodes of a run (`nodes[0]` is the node the script ran on). */
export function placementReport(nodes: readonly SimNode[]): PlacementReport {
  const spaces = new Map<string, { hosts: readonly string[]; queued: QueuedVms[]; schedules: ScheduleStatus[] }>();
  for (const node of nodes) {
    for (const record of node.namespaces.values()) {
      let space = spaces.get(record.name);
      if (!space) spaces.set(record.name, (space = { hosts: [...record.hosts].sort(), queued: [], schedules: [] }));
      const queued = queuedOf(node.name, record);
      if (queued.vms > 0) space.queued.push(queued);
      for (const s of record.schedules) {
        space.schedules.push({
          host: node.name,
          start: s.start.toISOString(),
          end: s.end ? s.end.toISOString() : null,
          state: s.state,
          launched: s.launched,
          failures: s.failures,
          total: s.total,
          hosts: s.hosts,
        });
      }
    }
  }
  return {
    nodes: nodes.map((n) => ({
      host: n.name,
      // Ids only grow, so the table's order is the launch order.
      vms: [...n.vms.values()].map((vm) => ({ name: vm.name, namespace: vm.namespace, state: vm.state })),
    })),
    namespaces: [...spaces].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, s]) => ({ name, ...s })),
  };
}

/** A record's queue: 2.3 keeps it in `queue`, 3.1 in `queue31` (its own entries, with unnamed VMs as ""). */
function queuedOf(host: string, record: NamespaceRecord): QueuedVms {
  const entries = [...record.queue.peek(), ...((record as Partial<Namespace31>).queue31 ?? [])];
  let vms = 0;
  const names: string[] = [];
  for (const e of entries) {
    vms += e.names.length;
    for (const n of e.names) if (n !== '') names.push(n);
  }
  return { host, vms, names };
}
