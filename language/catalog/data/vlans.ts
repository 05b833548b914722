import type { HandlerSpec } from '../types.js';
import { example, nsLocal, paras } from './doc-text.js';

/** Handlers of the `vlans` family, in minimega 2.3 registration order. */
export const vlansHandlers: readonly HandlerSpec[] = [
  {
    id: 'vlans',
    group: 'vlans',
    category: 'local',
    role: 'vlan-alias',
    patterns: ['vlans', 'vlans <range,>', 'vlans <range,> <min> <max>', 'vlans <add,> <alias> <vlan>', 'vlans <blacklist,> [vlan]'],
    summary: 'Show VLAN aliases, set the VLAN range, bind an alias, or blacklist VLANs',
    doc: paras(
      "VLAN aliases are names (such as `web` in `vm config net web`) that get a VLAN number automatically the first time they are used. Aliases belong to the namespace that was active when they were created; `other//web` refers to namespace `other`'s alias and `//web` to the alias made without a namespace.",
      '- `vlans` lists the aliases as `namespace | alias | vlan`; with a namespace active only its own.\n- `vlans range` shows the allocation ranges as `namespace | min | max | next`; `vlans range <min> <max>` sets the range for the active namespace (or the default range without one). Numbers are handed out from `<min>` up to but not including `<max>`; the default range starts at 101.\n- `vlans add <alias> <vlan>` binds an alias to a chosen VLAN.\n- `vlans blacklist` lists VLANs that are never handed out; `vlans blacklist <vlan>` adds one (and drops an alias that was using it). VLAN numbers used directly, as in `vm config net 100`, are blacklisted automatically.',
      nsLocal + " New aliases are also announced to the other nodes (the namespace's hosts, or every peer), so all nodes map an alias to the same VLAN.",
      'Examples:',
      example('namespace dev', 'vlans range 200 300', 'vlans add dmz 250', 'vlans'),
      'Errors: `alias already in use`, `vlan already in use`, `expected integer VLAN`, `expected integer values for min/max`, `out of VLANs`, and ranges of two namespaces must not overlap (`range overlaps with another namespace: <ns>`).',
      "2.3 quirks: when max is not above min, the error reads `expected min > max` (the wording is reversed). The `next` column shows the last VLAN tried, not the next free one. A range that ends exactly where another namespace's range starts counts as overlapping. `vlans add` accepts negative numbers.",
    ),
    args: {
      min: {
        summary: 'First VLAN of the range',
        doc: 'An integer, e.g. `200`.',
        domain: 'int',
      },
      max: {
        summary: 'End of the range (not included); must be above `min`',
        doc: 'An integer, e.g. `300`: `vlans range 200 300` hands out 200 to 299.',
        domain: 'rangeEnd',
      },
      alias: {
        summary: "Alias name; `ns//alias` for another namespace's alias",
        doc: 'Example: `dmz`, or `other//dmz`.',
      },
      vlan: {
        summary: 'VLAN number',
        doc: 'An integer, e.g. `250`. For `vlans blacklist`, omit it to list the blacklist.',
        domain: 'int',
      },
    },
    quirks: [
      '`vlans range 300 200` fails with `expected min > max` (the message is reversed)',
      'The `next` column of `vlans range` shows the last VLAN tried, not the next free one',
    ],
  },
  {
    id: 'clear vlans',
    group: 'vlans',
    category: 'local',
    patterns: ['clear vlans [prefix]'],
    summary: 'Free VLAN aliases, those starting with a prefix or all of them',
    doc: paras(
      "With a namespace active, `clear vlans` frees that namespace's aliases and its VLAN range, and `clear vlans <prefix>` frees its aliases that start with `<prefix>`. Without a namespace, `clear vlans` resets everything (all aliases, the blacklist and the ranges, back to the default range from 101), and `clear vlans <prefix>` frees the aliases made without a namespace that start with `<prefix>`; a prefix containing `//`, such as `dev//`, addresses a namespace's aliases directly.",
      nsLocal + ' Other nodes keep the aliases they were told about.',
      'Examples:',
      example('clear vlans web', 'clear vlans dev//'),
      "Watch out: the prefix is a plain text prefix, so `clear vlans web` also frees `web2` and `webserver`. Every range's `next` pointer is reset as well.",
    ),
    args: {
      prefix: {
        summary: 'Free only the aliases that start with this text; omit to free all',
        doc: "Example: `web`. `ns//` selects a namespace's aliases when no namespace is active.",
        domain: 'text',
      },
    },
  },
];
