/**
 * The standard sentences of the 3.1 catalog's texts. In 3.1 every command
 * runs in a namespace (the active one, `minimega` by default, or the one a
 * `namespace <name> ...` prefix names), so the namespace paragraphs differ
 * from 2.3's; the layout helpers are shared with the 2.3 catalog.
 */
import type { VmConfigParamSpec } from '../types.js';

export { example, paras } from '../data/doc-text.js';

/** Which namespace a command acts on; the other sentences refer to it. */
const commandNamespace = "the command's namespace (the active one, `minimega` unless you switched, or the one named by a `namespace <name> ...` prefix)";

/** The namespace sentence of a `local` handler that works on per-namespace state. */
export const nsLocal = `Namespaces: runs once, on this node, in ${commandNamespace}.`;

/** The namespace sentence of a `local` handler whose state belongs to the node, not to a namespace. */
export const nsNode = 'Namespaces: runs once, on this node. What it shows or changes belongs to the node and is shared by all its namespaces.';

/** The namespace sentence of a `broadcast` handler. */
export const nsBroadcast = `Namespaces: typed by you, it runs on every host of ${commandNamespace} and the answers are merged into one output; in \`minimega\`, whose only host is this node, that means here. A copy that arrives from another node (\`mesh send\`, or another node's fan-out) runs only where it arrives.`;

/** The namespace sentence of a `vmtarget` handler. */
export const nsVmTarget = `Namespaces: typed by you, it runs on every host of ${commandNamespace}, and each host acts on its own VMs of that namespace. Hosts without the VM stay silent; \`vm not found: <vm>\` is reported only when no host has it and no host answered otherwise.`;

/** The namespace sentence of every `vm config` field and of `clear vm config`. */
export const nsConfig =
  "Namespaces: runs once, on this node. Each namespace has its own `vm config` (a new namespace starts from the defaults); this command reads or changes the one of the command's namespace, which `vm launch` in that namespace then uses.";

const placeholders: Partial<Record<VmConfigParamSpec['type'], string>> = {
  strings: '<value>...',
  networks: '<netspec>...',
  disks: '<diskspec>...',
  bonds: '<bondspec>...',
};

/** The common first paragraph of a `vm config <field>` handler: show, set, default. */
export function showOrSet(p: VmConfigParamSpec, what: string): string {
  const show = `\`vm config ${p.name}\` prints ${what}; `;
  if (p.type === 'map') {
    return show + `\`vm config ${p.name} <key> <value>\` adds or replaces one entry for the VMs launched afterwards. Default: empty.`;
  }
  const value = placeholders[p.type] ?? '<value>';
  const empty = p.default === '' || (p.type === 'strings' && p.default === '[]');
  const dflt = empty ? 'empty' : `\`${p.default}\``;
  return show + `\`vm config ${p.name} ${value}\` sets it for the VMs launched afterwards. Default: ${dflt}.`;
}

/** The sentence of a field whose relative paths are joined to the files directory. */
export const filesPath =
  'A relative path is joined to the files directory (default `/tmp/minimega/files`) and printed in full; a file that does not exist only causes a warning in the log.';

/** The sentence of an unsigned integer field. */
export function unsignedField(name: string): string {
  return `The value must be an unsigned decimal integer: \`vm config ${name} x\` and \`vm config ${name} -1\` fail with \`strconv.ParseUint: parsing "<value>": invalid syntax\`.`;
}
