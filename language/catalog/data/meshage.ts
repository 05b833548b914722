import type { HandlerSpec } from '../types.js';
import { example, nsLocal, paras } from './doc-text.js';

/** Handlers of the `meshage` family, in minimega 2.3 registration order. */
export const meshageHandlers: readonly HandlerSpec[] = [
  {
    id: 'mesh degree',
    group: 'meshage',
    category: 'local',
    patterns: ['mesh degree [degree]'],
    summary: 'Show or set how many peers this node tries to connect to',
    doc: paras(
      '`mesh degree` prints the degree; `mesh degree <n>` sets it. A node with fewer links than its degree looks for peers that use the same mesh context and connects to them. The default is `0`: the node does not look for peers itself (`mesh dial` still works).',
      nsLocal,
      'Example:',
      example('mesh degree 2'),
      'The value is an unsigned integer; prefixes such as `0x` are accepted, and `-1` fails with `strconv.ParseUint: parsing "-1": invalid syntax`.',
    ),
    args: {
      degree: {
        summary: 'Number of peers to keep, an unsigned integer; default 0',
        doc: '`0` means: do not look for peers. Example: `2`.',
        domain: 'uint',
      },
    },
  },
  {
    id: 'mesh dial',
    group: 'meshage',
    category: 'local',
    patterns: ['mesh dial <hostname>'],
    summary: 'Connect this node to another node of the mesh',
    doc: paras(
      'Opens a mesh link to the minimega node at `<hostname>`, whatever the degree and context settings. Once connected, the nodes can send commands to each other and appear in `mesh list`.',
      nsLocal + ' A namespace created earlier does not pick up the new peer; add it with `nsmod add-host`.',
      'Example:',
      example('mesh dial node2'),
      'Errors: `cannot mesh dial yourself`, `already connected to <name>`, and `dial <host>: <reason>` when the connection fails.',
    ),
    args: {
      hostname: {
        summary: 'Name or address of the node to connect to',
        doc: 'Example: `node2` or `10.0.0.2`.',
      },
    },
  },
  {
    id: 'mesh dot',
    group: 'meshage',
    category: 'local',
    patterns: ['mesh dot <filename>'],
    summary: 'Write the mesh topology as a Graphviz file',
    doc: paras(
      'Writes the nodes of the mesh and the links between them to `<filename>` in Graphviz format.',
      nsLocal,
      'Example:',
      example('mesh dot /tmp/mesh.dot'),
    ),
    args: {
      filename: {
        summary: 'Output file on this node',
        doc: 'Example: `/tmp/mesh.dot`.',
        domain: 'path',
      },
    },
  },
  {
    id: 'mesh hangup',
    group: 'meshage',
    category: 'local',
    patterns: ['mesh hangup <hostname>'],
    summary: 'Close the mesh link to a directly connected peer',
    doc: paras(
      'Disconnects this node from the named peer. A peer that is not directly connected gives `no such client <name>`.',
      nsLocal,
      'Example:',
      example('mesh hangup node3'),
      "Until the mesh notices the change, commands sent to that peer's namespace may fail with `no such client <name>`.",
    ),
    args: {
      hostname: {
        summary: 'Name of the peer to disconnect',
        doc: 'As shown by `mesh list`, e.g. `node3`.',
      },
    },
  },
  {
    id: 'mesh list',
    group: 'meshage',
    category: 'local',
    patterns: ['mesh list'],
    summary: 'Show every mesh node with its peers',
    doc: paras(
      'Prints the mesh as this node sees it: each node on a line of its own, sorted, followed by its peers as ` |--<peer>` lines. A node without links prints nothing.',
      nsLocal,
      'Example:',
      example('mesh list'),
    ),
    args: {},
  },
  {
    id: 'mesh status',
    group: 'meshage',
    category: 'local',
    patterns: ['mesh status'],
    summary: 'Show mesh size, degree, peer count, context and port',
    doc: paras(
      "Prints a one-row table `mesh size | degree | peers | context | port`: the number of nodes in the mesh, this node's degree, its number of direct peers, its mesh context (default `minimega`) and its port (default `9000`).",
      nsLocal,
      'Example:',
      example('mesh status'),
      'Quirk: a node without peers reports a mesh size of `0`, not `1`.',
    ),
    args: {},
  },
  {
    id: 'mesh timeout',
    group: 'meshage',
    category: 'local',
    patterns: ['mesh timeout [timeout]'],
    summary: 'Show or set how long to wait for answers from other nodes',
    doc: paras(
      "`mesh timeout` prints the time this node waits for each answer from another node; `mesh timeout <seconds>` sets it. By default it waits forever, which prints as `2562047h47m16.854775807s`; `mesh timeout 0` restores that. When the time runs out, the silent host's answer is replaced by an error (`timed out`).",
      nsLocal,
      'Example:',
      example('mesh timeout 30'),
      'Values print as durations (`30s`). Negative numbers are accepted; non-numbers fail with `strconv.Atoi: parsing "...": invalid syntax`. In `mm`, a peer whose connection drops is reported as failed at once, whatever the timeout.',
    ),
    args: {
      timeout: {
        summary: 'Seconds to wait for each answer; 0 means forever (the default)',
        doc: 'An integer number of seconds, e.g. `30`.',
        domain: 'int',
      },
    },
  },
  {
    id: 'mesh send',
    group: 'meshage',
    category: 'special',
    role: 'mesh-send',
    namespaceBehaviour: 'sends the command to the named mesh hosts, which run it locally.',
    patterns: ['mesh send <clients or all> (command)'],
    summary: 'Run a command on other mesh nodes and show their answers',
    doc: paras(
      'Sends the nested command to the listed nodes, runs it there and prints their answers, labelled with their names. It never runs on this node: naming only this node gives `cannot mesh send yourself`, and this node is skipped when it is part of a longer list. Nodes that are unknown or unreachable are skipped silently.',
      "`all` means every other node of the mesh, or, with a namespace active, the namespace's hosts except this node.",
      "Namespaces: special. The receivers run the command in their own active namespace, not in this node's, so `namespace dev mesh send all vm info` is not limited to `dev`'s VMs; only the meaning of `all` changes. To run a command across a namespace, activate it and type the command itself.",
      'Examples:',
      example('mesh send all version', 'mesh send node[2-3] vm info'),
      "`read` and `mesh send` cannot be sent (``cannot run `<command>` over mesh``), also when nested. With `mesh timeout` set, a node that does not answer in time gives `timed out`. The command is recorded in each receiver's history; `quit` sent this way never answers.",
    ),
    args: {
      clients: {
        summary: 'Nodes to run the command on: names, a range like `node[1-5]`, or `all`',
        doc: "Comma-separated node names and ranges, e.g. `node[2-4],gpu1`, or `all` for every other node (the namespace's hosts when one is active).",
        domain: 'hosts',
      },
      command: {
        summary: 'The command the nodes run',
        doc: 'Any complete command line except `read` and `mesh send`, e.g. `mesh send all host name`.',
        domain: 'command',
      },
    },
  },
];
