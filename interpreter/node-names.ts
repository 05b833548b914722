/** Names a running node (or a cluster) knows, for completion (the REPL's, and its socket clients'). */
import type { NameKind, NameSource } from '../language/index.js';
import type { SimNode } from './sim-node.js';

/** A NameSource reading the node's live state. */
export function createNodeNames(node: SimNode): NameSource {
  return {
    names(kind: NameKind): readonly string[] {
      switch (kind) {
        case 'vm':
          return node.visibleVms().map((v) => v.name);
        case 'namespace':
          return [...node.namespaces.keys()];
        case 'vlan':
          return node.vlans.aliasRows(node.activeNamespace).map((r) => r[1]!);
        case 'tap':
          return [...node.taps.keys()];
        case 'host':
          return [node.name, ...node.mesh.peers()];
        case 'config':
          return [...node.savedConfigs.keys()];
      }
    },
  };
}

/**
 * Names across a cluster whose nodes all run in this process, seen from
 * `head`: inside a namespace its VMs and VLAN aliases live on every node of
 * the cluster (the scheduler spread them), so they are collected from all;
 * outside one, commands act on the head alone. Namespaces and hosts are the
 * union. Sorted, without repeats.
 */
export function createClusterNames(head: SimNode, nodes: readonly SimNode[]): NameSource {
  const own = createNodeNames(head);
  return {
    names(kind: NameKind): readonly string[] {
      const ns = head.activeNamespace;
      const out = new Set(own.names(kind));
      for (const n of nodes) {
        if (n === head) continue;
        if (kind === 'namespace') {
          for (const name of n.namespaces.keys()) out.add(name);
        } else if (kind === 'host') {
          out.add(n.name);
        } else if (ns !== '' && kind === 'vm') {
          for (const vm of n.vms.values()) if (vm.namespace === ns) out.add(vm.name);
        } else if (ns !== '' && kind === 'vlan') {
          for (const r of n.vlans.aliasRows(ns)) out.add(r[1]!);
        }
      }
      return [...out].sort();
    },
  };
}
