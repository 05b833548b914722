import type { HandlerSpec } from '../types.js';

/** Handlers of the `vlans` family, in minimega 2.3 registration order. */
export const vlansHandlers: readonly HandlerSpec[] = [
  {
    id: "vlans",
    group: "vlans",
    category: "local",
    patterns: [
      "vlans",
      "vlans <range,>",
      "vlans <range,> <min> <max>",
      "vlans <add,> <alias> <vlan>",
      "vlans <blacklist,> [vlan]",
    ],
    summary: "Shows VLAN alias assignments, shows or sets the allocation range, binds an alias to a specific VLAN, or shows/adds blacklisted VLANs.",
    doc: "Shows VLAN alias assignments, shows or sets the allocation range, binds an alias to a specific VLAN, or shows/adds blacklisted VLANs.",
    simulated: true,
    args: {
      "min": { summary: "integer VLAN id", domain: "int" },
      "max": { summary: "integer VLAN id, must exceed min", domain: "int" },
      "alias": { summary: "alias; 'ns//alias' addresses another namespace" },
      "vlan": { summary: "integer VLAN id", domain: "int" },
    },
  },
  {
    id: "clear vlans",
    group: "vlans",
    category: "local",
    patterns: [
      "clear vlans [prefix]",
    ],
    summary: "Releases VLAN aliases that start with a prefix (within the active namespace), or all allocations.",
    doc: "Releases VLAN aliases that start with a prefix (within the active namespace), or all allocations.",
    simulated: true,
    args: {
      "prefix": { summary: "alias prefix; omit for all", domain: "text" },
    },
  },
];
