import type { HandlerSpec } from '../types.js';
import { example, nsLocal, paras } from './doc-text.js';

/** Handlers of the `vlans` family, in minimega 3.1 registration order. */
export const vlansHandlers: readonly HandlerSpec[] = [
  {
    id: 'vlans',
    group: 'vlans',
    category: 'local',
    role: 'vlan-alias',
    patterns: ['vlans', 'vlans <range,>', 'vlans <range,> <min> <max>', 'vlans <add,> <alias> <vlan>', 'vlans <blacklist,> [vlan]'],
    summary: "Show the namespace's VLAN aliases, show or set its VLAN range, bind an alias, or blacklist VLANs",
    doc: paras(
      "VLAN aliases are names (such as `web` in `vm config networks web`) that get a VLAN number the first time they are used. An alias belongs to a namespace; `other//web` names namespace `other`'s alias.",
      "- `vlans` prints `alias | vlan` for the namespace's aliases.\n- `vlans range` prints `min | max | next` of the namespace's range (in `minimega`, the node's default range, `101`-`4096` unless minimega was started with another); `vlans range <min> <max>` sets it. Numbers are handed out from `<min>` up to, not including, `<max>`.\n- `vlans add <alias> <vlan>` binds an alias to a chosen VLAN.\n- `vlans blacklist` lists the VLANs never handed out; `vlans blacklist <vlan>` adds one. VLAN numbers used directly, as in `vm config networks 100`, are blacklisted automatically.",
      nsLocal + ' A new alias is also announced to every mesh peer, so all nodes map it to the same VLAN. The blacklist is shared by all namespaces.',
      'Examples:',
      example('namespace dev', 'vlans range 200 300', 'vlans add dmz 250', 'vlans'),
      'Errors: `alias already in use`, `vlan already in use`, `expected integer VLAN`, `expected integer values for min/max`, `expected min > max` (when max is not above min: the wording is reversed), `range overlaps with another namespace: <ns>`, `out of VLANs`.',
    ),
    args: {
      min: { summary: 'First VLAN of the range', doc: 'An integer, e.g. `200`.', domain: 'int' },
      max: {
        summary: 'End of the range (not included); must be above `min`',
        doc: 'An integer, e.g. `300`: `vlans range 200 300` hands out 200 to 299.',
        domain: 'rangeEnd',
      },
      alias: { summary: "Alias name; `ns//alias` for another namespace's alias", doc: 'Example: `dmz`, or `other//dmz`.' },
      vlan: { summary: 'VLAN number', doc: 'An integer, e.g. `250`. For `vlans blacklist`, omit it to list the blacklist.', domain: 'int' },
    },
    quirks: ['`vlans range 300 200` fails with `expected min > max` (the message is reversed)'],
    since23: {
      kind: 'behaviour',
      from: 'vlans',
      note: "`vlans` lists only the namespace's aliases as `alias | vlan`, and `vlans range` only its range; there is no `namespace` column any more.",
    },
  },
  {
    id: 'clear vlans',
    group: 'vlans',
    category: 'local',
    patterns: ['clear vlans [prefix]'],
    summary: "Free the namespace's VLAN aliases, those starting with a prefix, or all VLAN state",
    doc: paras(
      '`clear vlans` frees every alias of the namespace and drops its own VLAN range. `clear vlans <prefix>` frees only its aliases that start with `<prefix>`. `clear vlans all` resets everything on the node: all aliases of all namespaces, the blacklist and every range (the default range goes back to `101`-`4096`).',
      nsLocal +
        " Use `namespace other clear vlans` for another namespace's aliases; a prefix with `//` does not reach them. Other nodes keep the aliases they were told about.",
      'Examples:',
      example('clear vlans web', 'clear vlans all'),
      'Watch out: the prefix is plain text, so `clear vlans web` also frees `web2` and `webserver`.',
    ),
    args: {
      prefix: { summary: 'Free only the aliases that start with this text; `all` resets everything', doc: 'Example: `web`.', domain: 'text' },
    },
    since23: {
      kind: 'behaviour',
      from: 'clear vlans',
      note: "Acts on the namespace's aliases (there is always one); `all` resets every namespace, and `ns//` prefixes no longer reach other namespaces.",
    },
  },
];
