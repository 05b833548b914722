/**
 * minimega 2.3's runtime rules for dispatch: commands run in the active
 * namespace (none when it is ""), and broadcast and vm-target commands fan
 * out to its hosts unless they came from that fan-out (`Source`).
 */
import type { DialectRuntime } from '../dialect-runtime.js';
import { handlerFor, isSimulated } from './registry.js';
import { preprocess } from '../preprocess.js';
import { meshRefusal } from './mesh.js';

export const runtime23: DialectRuntime = {
  handlerFor,
  isSimulated,
  scope: (node) => ({ ns: node.activeNamespace, space: node.activeRecord() }),
  preprocess: (node, command) => preprocess(command, node.env, node.files),
  fanOutHosts(_node, category, options, { ns, space }) {
    if (category !== 'broadcast' && category !== 'vmtarget') return undefined;
    if (ns === '' || options.source === ns || !space) return undefined;
    return [...space.hosts].sort();
  },
  remoteRequest: (_node, command, ns) => ({ command, source: ns, record: false }),
  meshRefusal,
  localLeg: (options, ns) => ({ ...options, source: ns, record: false }),
};
