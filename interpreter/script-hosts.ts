/**
 * The cluster a script expects: the hosts its `nsmod add-host` (2.3) and
 * `ns add-hosts` (3.1) lines add, which a simulated cluster must have as node
 * names for those lines to work, and what to tell the user when a run fails
 * because a node of that name is missing (minimega's ``unknown host: `X` ``).
 * Front ends propose the names (`mm run --nodes`, the extension's cluster
 * run) and add their own way to fix it to `unknownHostNote`.
 */
import { createLanguageService, dialectOfScript, unsplitList, type Dialect } from '../language/index.js';
import { MAX_CLUSTER_NODES } from './cluster.js';

/** A name a node may have: a host-name-like word, not `all` or `localhost` (minimega's words for hosts). */
export function isNodeName(n: string): boolean {
  return /^[A-Za-z0-9._][A-Za-z0-9._-]{0,252}$/.test(n) && n !== 'all' && n !== 'localhost';
}

/**
 * The hosts a script adds to its namespaces, in order of first mention, with
 * ranges expanded as minimega expands them (`ccc[1-4]`: ccc1..ccc4);
 * `localhost` and `all` are not names. Empty when there are none, or more
 * than an embedded cluster holds (MAX_CLUSTER_NODES), or when one of them
 * cannot name a node. Linear in the script: one parse, the language's list
 * limits bound the names.
 */
export function scriptHosts(text: string, dialect: Dialect = dialectOfScript(text)): string[] {
  const language = createLanguageService(dialect);
  const index = language.nameIndex(language.parseScript(text).script);
  // A range left out of the index names hosts it does not list: too many to propose in any case.
  if (index.rangesLeftOut('host')) return [];
  const hosts = index.names('host').filter((name) => index.lookup('host', name).some((site) => site.definition));
  return hosts.length <= MAX_CLUSTER_NODES && hosts.every(isNodeName) ? hosts : [];
}

/**
 * Our words for an unknown host in a simulated run, without the way to fix
 * it (each front end names its own): which host no node is named as, what
 * the nodes are called, and which names the script's hosts would need.
 */
export function unknownHostNote(host: string, nodes: readonly string[], hosts: readonly string[]): string {
  const named = nodes.length === 1 ? `the one node is named ${nodes[0]}` : `the nodes are named ${unsplitList(nodes)}`;
  const wanted = hosts.length === 0 ? '' : hosts.length === 1 ? `; the script adds the host ${hosts[0]}` : `; the script adds the hosts ${unsplitList(hosts)}`;
  return `no simulated node is named ${host} (${named}${wanted})`;
}
