/**
 * minimega 3.1's runtime rules for dispatch (runtime-3.1.md §0.1, §1.1,
 * §2.1-2.4): every command runs in a namespace (its tag, else the active
 * one; the record is made on first use), and a broadcast or vm-target
 * command typed by a user (empty `Source`) fans out to its namespace's
 * hosts, the remote legs as `namespace "<ns>" <command>`.
 */
import { goQuote, type HandlerRole } from '../../language/index.js';
import type { DialectRuntime } from '../dialect-runtime.js';
import { handlerFor as handlerFor23, isSimulated as isSimulated23 } from '../handlers/registry.js';
import { CommandError, type Handler } from '../handlers/types.js';
import { preprocess31 } from './preprocess-31.js';
import { ensureSpace31, findSpace31 } from './namespace-31.js';
import { handlers31 } from './handlers-31.js';
import { adapt23, splitHandler } from './renamed-args-31.js';

/**
 * Roles of the handlers that do not look the namespace up themselves, so
 * they do not bring back a missing `minimega` record (§1.1).
 */
const NO_LOOKUP = new Set<HandlerRole>(['namespace', 'leave-namespace', 'mesh-send']);

function handlerFor(id: string): Handler {
  return handlers31.get(id) ?? splitHandler(id, handlerFor23) ?? adapt23(id, handlerFor23(id));
}

export const runtime31: DialectRuntime = {
  handlerFor,
  isSimulated: (id) => handlers31.has(id) || splitHandler(id, handlerFor23) !== undefined || isSimulated23(id),
  scope(node, command, options) {
    const ns = options.namespace || node.activeNamespace;
    const { id, role } = command.handler;
    const space = (role !== undefined && NO_LOOKUP.has(role)) || id.startsWith('.') ? findSpace31(node, ns) : ensureSpace31(node, ns);
    return { ns, space };
  },
  preprocess: (node, command, options) => (options.preprocess === false || !node.preprocessing ? command : preprocess31(command, node.env, node.files)),
  fanOutHosts(node, category, options, { ns }) {
    if (category !== 'broadcast' && category !== 'vmtarget') return undefined;
    if (options.source !== '') return undefined;
    const space = ensureSpace31(node, ns);
    return [...space.hosts].sort();
  },
  remoteRequest(node, command, ns) {
    const text = `namespace ${goQuote(ns)} ${command.original}`;
    const c = node.language.compile(text);
    if (c.kind !== 'command') throw new CommandError(`cannot send \`${text}\``);
    return { command: c.command, source: ns, record: false };
  },
  // The handlers refuse what may not arrive over the mesh (`Source` = `meshage`).
  meshRefusal: () => '',
  localLeg: (options, ns) => ({ ...options, source: ns, namespace: ns, record: false }),
};
