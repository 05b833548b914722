import type { HandlerSpec } from '../types.js';

/** Handlers of the `meshage` family, in minimega 2.3 registration order. */
export const meshageHandlers: readonly HandlerSpec[] = [
  {
    id: "mesh degree",
    group: "meshage",
    category: "local",
    patterns: [
      "mesh degree [degree]",
    ],
    summary: "Reads or changes how many peer links this mesh node tries to keep.",
    doc: "Reads or changes how many peer links this mesh node tries to keep.",
    simulated: true,
    args: {
      "degree": { summary: "unsigned integer (strconv.ParseUint base auto)", domain: "uint" },
    },
  },
  {
    id: "mesh dial",
    group: "meshage",
    category: "local",
    patterns: [
      "mesh dial <hostname>",
    ],
    summary: "Opens a mesh link from this node to another minimega instance.",
    doc: "Opens a mesh link from this node to another minimega instance.",
    simulated: true,
    args: {
      "hostname": { summary: "host name or address of a reachable minimega node" },
    },
  },
  {
    id: "mesh dot",
    group: "meshage",
    category: "local",
    patterns: [
      "mesh dot <filename>",
    ],
    summary: "Saves the current mesh topology as a Graphviz file.",
    doc: "Saves the current mesh topology as a Graphviz file.",
    simulated: true,
    args: {
      "filename": { summary: "local output path" },
    },
  },
  {
    id: "mesh hangup",
    group: "meshage",
    category: "local",
    patterns: [
      "mesh hangup <hostname>",
    ],
    summary: "Closes the mesh link to the named peer.",
    doc: "Closes the mesh link to the named peer.",
    simulated: true,
    args: {
      "hostname": { summary: "peer host name" },
    },
  },
  {
    id: "mesh list",
    group: "meshage",
    category: "local",
    patterns: [
      "mesh list",
    ],
    summary: "Prints each known mesh node followed by its peers.",
    doc: "Prints each known mesh node followed by its peers.",
    simulated: true,
    args: {
    },
  },
  {
    id: "mesh status",
    group: "meshage",
    category: "local",
    patterns: [
      "mesh status",
    ],
    summary: "Prints a one-row table with mesh size, degree, peer count, context name and port.",
    doc: "Prints a one-row table with mesh size, degree, peer count, context name and port.",
    simulated: true,
    args: {
    },
  },
  {
    id: "mesh timeout",
    group: "meshage",
    category: "local",
    patterns: [
      "mesh timeout [timeout]",
    ],
    summary: "Reads or sets how long to wait for answers to mesh-sent commands.",
    doc: "Reads or sets how long to wait for answers to mesh-sent commands.",
    simulated: true,
    args: {
      "timeout": { summary: "integer seconds; 0 means wait forever (default)", domain: "int" },
    },
  },
  {
    id: "mesh send",
    group: "meshage",
    category: "special",
    patterns: [
      "mesh send <clients or all> (command)",
    ],
    summary: "Relays the nested command to the chosen mesh nodes and returns their answers.",
    doc: "Relays the nested command to the chosen mesh nodes and returns their answers.",
    simulated: true,
    args: {
      "clients": { summary: "host name, comma list, range like kn[1-5], or 'all'", domain: "hosts" },
      "command": { summary: "any complete minimega command line (parsed recursively by minicli.Compile)", domain: "command" },
    },
  },
];
