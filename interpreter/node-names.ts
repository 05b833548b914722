/** Names a running node knows, for completion (the REPL's, and its socket clients'). */
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
