import { describe, expect, it } from 'vitest';
import { isNodeName, scriptHosts, unknownHostNote } from '../../interpreter/script-hosts.js';
import {
  CLUSTER_NODES_SETTING,
  clusterNodesFlag,
  formatClusterNodes,
  isNodesError,
  parseClusterNodes,
  proposedClusterNodes,
  unknownHostHint,
} from '../../vscode-extension/src/cluster-nodes.js';

describe("the cluster run's nodes (vscode-extension/src/cluster-nodes.ts)", () => {
  it('reads a count or names separated by commas, as mm run --nodes does', () => {
    expect(parseClusterNodes(' 3 ', isNodeName)).toBe(3);
    expect(parseClusterNodes('ccc1, ccc2,ccc3', isNodeName)).toEqual(['ccc1', 'ccc2', 'ccc3']);
    expect(parseClusterNodes('gpu1', isNodeName)).toEqual(['gpu1']);
    for (const bad of ['0', '1000', 'a,,b', 'a,localhost', 'a b', 'x,x', '']) {
      expect(isNodesError(parseClusterNodes(bad, isNodeName)), bad).toBe(true);
    }
  });

  it("proposes the script's hosts over a count, but names set in the setting win", () => {
    const hosts = scriptHosts('namespace lab\nnsmod add-host ccc[1-4]\n');
    expect(formatClusterNodes(proposedClusterNodes(3, hosts))).toBe('ccc1,ccc2,ccc3,ccc4');
    expect(proposedClusterNodes(3, [])).toBe(3);
    expect(proposedClusterNodes(['a', 'b'], hosts)).toEqual(['a', 'b']);
  });

  it('writes the mm run option of the same nodes', () => {
    expect(clusterNodesFlag(3)).toBe('--nodes 3');
    expect(clusterNodesFlag(['a', 'b'])).toBe('--nodes a,b');
    expect(clusterNodesFlag(['gpu1'])).toBe('--name gpu1');
  });

  it('the hint after unknown host names the setting and the names it needs', () => {
    const hosts = ['ccc1', 'ccc2'];
    const note = unknownHostNote('ccc1', ['n1', 'n2', 'n3'], hosts);
    const cluster = unknownHostHint(note, hosts, true);
    expect(cluster.startsWith(note)).toBe(true);
    expect(cluster).toContain(`${CLUSTER_NODES_SETTING} to "ccc1,ccc2"`);
    expect(unknownHostHint(note, [], true)).toContain(CLUSTER_NODES_SETTING);
    expect(unknownHostHint(note, hosts, false)).toContain('Run Script on a Simulated Cluster');
    expect(unknownHostHint(note, [], false)).toContain(CLUSTER_NODES_SETTING);
  });
});
