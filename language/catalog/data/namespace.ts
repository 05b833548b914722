import type { HandlerSpec } from '../types.js';

/** Handlers of the `namespace` family, in minimega 2.3 registration order. */
export const namespaceHandlers: readonly HandlerSpec[] = [
  {
    id: "namespace",
    group: "namespace",
    category: "special",
    patterns: [
      "namespace [name]",
      "namespace <name> (command)",
    ],
    summary: "Lists namespaces or describes the active one (hosts, taps, queued VMs, schedule history), makes a namespace active (creating it on first use), or runs a single nested command inside a namespace.",
    doc: "Lists namespaces or describes the active one (hosts, taps, queued VMs, schedule history), makes a namespace active (creating it on first use), or runs a single nested command inside a namespace.",
    simulated: true,
    args: {
      "name": { summary: "namespace name; created on first use", domain: "namespace" },
      "command": { summary: "any complete minimega command line (parsed recursively by minicli.Compile)", domain: "command" },
    },
  },
  {
    id: "nsmod",
    group: "namespace",
    category: "local",
    patterns: [
      "nsmod <add-host,> <hosts>",
      "nsmod <del-host,> <hosts>",
    ],
    summary: "Adds hosts to, or removes hosts from, the active namespace's host set.",
    doc: "Adds hosts to, or removes hosts from, the active namespace's host set.",
    simulated: true,
    args: {
      "hosts": { summary: "comma list/range of mesh host names; 'all' = every mesh peer; 'localhost' = this node; add-host rejects hosts not in the mesh", domain: "hosts" },
    },
  },
  {
    id: "clear namespace",
    group: "namespace",
    category: "local",
    patterns: [
      "clear namespace [name]",
    ],
    summary: "Leaves the current namespace, or destroys the named namespace.",
    doc: "Leaves the current namespace, or destroys the named namespace.",
    simulated: true,
    args: {
      "name": { summary: "namespace to destroy; omit to just deactivate", domain: "namespace" },
    },
  },
];
