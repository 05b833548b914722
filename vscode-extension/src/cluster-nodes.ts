/**
 * The nodes of "Run Script on a Simulated Cluster": a count (`n1`..`nN`) or
 * names, as `mm run --nodes N|NAMES` takes them, typed in the input box or
 * set in `minimega.run.clusterNodes`; and our hint when a run fails with
 * minimega's `unknown host` because no node is named as a host the script
 * adds. Pure (no `vscode` and no simulator import: the simulator's checks are
 * passed in), so it is tested on its own and stays out of activation.
 */

/** A count of nodes named `n1`..`nN`, or the nodes' names. */
export type ClusterNodes = number | readonly string[];

/** The setting that names the cluster's nodes. */
export const CLUSTER_NODES_SETTING = 'minimega.run.clusterNodes';

/** Most nodes the input box takes as a count. */
const MAX_COUNT = 999;

/**
 * Reads `3` or `ccc1,ccc2` (spaces allowed around the names); a string is
 * what is wrong with the text. `isNodeName` is the simulator's rule.
 */
export function parseClusterNodes(text: string, isNodeName: (name: string) => boolean): ClusterNodes | { readonly error: string } {
  const t = text.trim();
  if (/^[0-9]+$/.test(t)) {
    const n = Number(t);
    return n >= 1 && n <= MAX_COUNT ? n : { error: `a number of nodes from 1 to ${MAX_COUNT}, or the nodes' names separated by commas` };
  }
  const names = t.split(',').map((s) => s.trim());
  if (names.length > MAX_COUNT) return { error: `at most ${MAX_COUNT} nodes` };
  const bad = names.find((n) => !isNodeName(n));
  if (bad !== undefined) {
    return { error: `${JSON.stringify(bad)} is not a node name (letters, digits, '.', '_' and '-'; not all or localhost)` };
  }
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) return { error: `${twice} is named twice` };
  return names;
}

/** Whether `parseClusterNodes` found the text wrong. */
export function isNodesError(r: ClusterNodes | { readonly error: string }): r is { readonly error: string } {
  return typeof r === 'object' && !Array.isArray(r);
}

/** What the input box shows: the names separated by commas, or the count. */
export function formatClusterNodes(nodes: ClusterNodes): string {
  return typeof nodes === 'number' ? String(nodes) : nodes.join(',');
}

/** The `mm run` option for the same nodes (`--nodes` takes two names or more; one node is `--name`). */
export function clusterNodesFlag(nodes: ClusterNodes): string {
  if (typeof nodes !== 'number' && nodes.length === 1) return `--name ${nodes[0]}`;
  return `--nodes ${formatClusterNodes(nodes)}`;
}

/**
 * What the cluster run proposes: names set in `minimega.run.clusterNodes`
 * win (the user chose them); else the hosts the script adds; else the
 * setting's count.
 */
export function proposedClusterNodes(setting: ClusterNodes, scriptHosts: readonly string[]): ClusterNodes {
  return typeof setting === 'number' && scriptHosts.length > 0 ? scriptHosts : setting;
}

/**
 * Our line after minimega's `unknown host` error: `note` (what is missing,
 * from the simulator), then how to name the nodes in the editor. `cluster`:
 * the run was on a simulated cluster (else on one node, by Run Script).
 */
export function unknownHostHint(note: string, hosts: readonly string[], cluster: boolean): string {
  const names = hosts.length > 0 ? `"${hosts.join(',')}"` : "the hosts' names separated by commas";
  const fix = cluster
    ? `set ${CLUSTER_NODES_SETTING} to ${names}${hosts.length > 0 ? " (or to a count, and accept the names the cluster run proposes: the script's hosts)" : ''}`
    : `run it with Run Script on a Simulated Cluster, ${hosts.length > 0 ? "which proposes the script's hosts as its nodes" : `with ${CLUSTER_NODES_SETTING} set to ${names}`}`;
  return `${note}: ${fix}`;
}
