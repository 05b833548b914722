/**
 * What the VM placement view shows, worked out from a run's placement
 * report: one column per node with its VMs grouped by namespace, and how
 * much of it is listed by name. A cluster may hold 1,000 nodes and a
 * million VMs, so the columns list at most MAX_LISTED_VMS VMs in all
 * (between MIN_LISTED_PER_NODE and MAX_LISTED_PER_NODE per node, in launch
 * order) and count the rest per namespace and state. Pure (no `vscode`
 * import) and linear in the VMs, so it is tested on its own.
 */
import type { PlacedVm, PlacementReport } from '../../interpreter/placement-report.js';

/** Most VMs the whole view lists by name. */
export const MAX_LISTED_VMS = 2000;
/** Most VMs one column lists by name (a small cluster). */
export const MAX_LISTED_PER_NODE = 100;
/** Fewest VMs one column lists by name (a big cluster: 1,000 nodes list 5 each). */
export const MIN_LISTED_PER_NODE = 5;

/** The VMs of one namespace on one node. */
export interface NamespaceGroup {
  /** "" for VMs launched outside a namespace. */
  readonly namespace: string;
  readonly total: number;
  /** How many are in each state, states in the order first seen. */
  readonly states: readonly (readonly [string, number])[];
  /** The ones listed by name, in launch order. */
  readonly listed: readonly PlacedVm[];
}

/** One node's column. */
export interface NodeColumn {
  readonly host: string;
  readonly total: number;
  readonly groups: readonly NamespaceGroup[];
}

/** What the view lists of a report. */
export interface PlacementModel {
  readonly columns: readonly NodeColumn[];
  readonly vms: number;
  readonly queued: number;
  /** VMs listed by name in each column at most. */
  readonly perNode: number;
}

/** How many VMs a column lists by name when the cluster has `nodes` nodes. */
export function listedPerNode(nodes: number): number {
  return Math.min(MAX_LISTED_PER_NODE, Math.max(MIN_LISTED_PER_NODE, Math.floor(MAX_LISTED_VMS / Math.max(1, nodes))));
}

/** Groups each node's VMs by namespace (in the order the namespaces first appear) and picks those listed. */
export function placementModel(report: PlacementReport): PlacementModel {
  const perNode = listedPerNode(report.nodes.length);
  let vms = 0;
  const columns = report.nodes.map((node): NodeColumn => {
    const groups = new Map<string, { total: number; states: Map<string, number>; listed: PlacedVm[] }>();
    let listed = 0;
    for (const vm of node.vms) {
      let g = groups.get(vm.namespace);
      if (!g) groups.set(vm.namespace, (g = { total: 0, states: new Map(), listed: [] }));
      g.total++;
      g.states.set(vm.state, (g.states.get(vm.state) ?? 0) + 1);
      if (listed < perNode) {
        g.listed.push(vm);
        listed++;
      }
    }
    vms += node.vms.length;
    return {
      host: node.host,
      total: node.vms.length,
      groups: [...groups].map(([namespace, g]) => ({ namespace, total: g.total, states: [...g.states], listed: g.listed })),
    };
  });
  const queued = report.namespaces.reduce((n, s) => n + s.queued.reduce((m, q) => m + q.vms, 0), 0);
  return { columns, vms, queued, perNode };
}
