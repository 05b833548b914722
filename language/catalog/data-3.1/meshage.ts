import type { HandlerSpec } from '../types.js';
import { example, nsNode, paras } from './doc-text.js';

/** Handlers of the `meshage` family, in minimega 3.1 registration order. */
export const meshageHandlers: readonly HandlerSpec[] = [
  {
    id: 'mesh degree',
    group: 'meshage',
    category: 'local',
    patterns: ['mesh degree [degree]'],
    summary: 'Show or set how many peers this node tries to connect to',
    doc: paras(
      '`mesh degree` prints the degree; `mesh degree <n>` sets it. A node with fewer links than its degree looks for peers of the same mesh context and connects to them; `0` (the default) means it does not look for peers by itself.',
      nsNode,
      'Example:',
      example('mesh degree 2'),
    ),
    args: {
      degree: { summary: 'Number of peers to keep, an unsigned integer; default 0', doc: 'Example: `2`.', domain: 'uint' },
    },
  },
  {
    id: 'mesh dial',
    group: 'meshage',
    category: 'local',
    patterns: ['mesh dial <hostname>'],
    summary: 'Connect this node to another node of the mesh',
    doc: paras(
      'Opens a mesh link to the minimega node at `<hostname>`, whatever the degree. Once connected, the nodes can send each other commands and appear in `mesh list`.',
      nsNode + ' A namespace takes its hosts from the mesh when it is created; add later nodes with `ns add-hosts`.',
      'Example:',
      example('mesh dial node2'),
      'Errors: `cannot mesh dial yourself`, `already connected to <name>`.',
    ),
    args: {
      hostname: { summary: 'Name or address of the node to connect to', doc: 'Example: `node2` or `10.0.0.2`.', domain: 'hostName' },
    },
  },
  {
    id: 'mesh dot',
    group: 'meshage',
    category: 'local',
    patterns: ['mesh dot <filename>'],
    summary: 'Write the mesh topology as a Graphviz file',
    doc: paras('Writes the mesh nodes and the links between them to `<filename>` in Graphviz format.', nsNode, 'Example:', example('mesh dot /tmp/mesh.dot')),
    args: {
      filename: { summary: 'Output file on this node', doc: 'Example: `/tmp/mesh.dot`.', domain: 'path' },
    },
  },
  {
    id: 'mesh hangup',
    group: 'meshage',
    category: 'local',
    patterns: ['mesh hangup <hostname>'],
    summary: 'Close the mesh link to a directly connected peer',
    doc: paras(
      'Disconnects this node from the named peer; a node that is not a direct peer gives `no such client <name>`.',
      nsNode,
      'Example:',
      example('mesh hangup node3'),
    ),
    args: {
      hostname: { summary: 'Name of the peer to disconnect', doc: 'As shown by `mesh list`, e.g. `node3`.', domain: 'hostName' },
    },
  },
  {
    id: 'mesh list',
    group: 'meshage',
    category: 'local',
    patterns: ['mesh list [all,peers]'],
    summary: 'Show the mesh nodes with their peers, or just the node names',
    doc: paras(
      '`mesh list` prints every node with its peers as ` |--<peer>` lines below it; a node alone prints its own name. `mesh list all` prints the names of all nodes, this one included, as one compressed list (`mm[1-3]`); `mesh list peers` the same without this node.',
      nsNode,
      'Example:',
      example('mesh list peers'),
    ),
    args: {
      all: { summary: 'Print the names of every node, this one included', doc: 'As one compressed range list.' },
      peers: { summary: 'Print the names of every node except this one', doc: 'As one compressed range list.' },
    },
    since23: { kind: 'changed', from: 'mesh list', note: 'New `all` and `peers` forms; a lone node lists its own name.' },
  },
  {
    id: 'mesh status',
    group: 'meshage',
    category: 'local',
    patterns: ['mesh status'],
    summary: 'Show mesh size, degree, peer count, context and port',
    doc: paras(
      'Prints one row `size | degree | peers | context | port`: the number of nodes, this node included (a lone node shows `1`); the degree; the number of direct peers; the mesh context (default `minimega`); the port (default `9000`).',
      nsNode,
      'Example:',
      example('mesh status'),
    ),
    args: {},
    since23: { kind: 'behaviour', from: 'mesh status', note: 'The first column is `size` (2.3: `mesh size`) and counts this node, so a lone node shows `1`.' },
  },
  {
    id: 'mesh timeout',
    group: 'meshage',
    category: 'local',
    patterns: ['mesh timeout [timeout]'],
    summary: 'Show or set how long to wait for answers from other nodes',
    doc: paras(
      '`mesh timeout` prints how long this node waits for each answer from another node: `unlimited` by default, else a duration such as `5s`. `mesh timeout <seconds>` sets it; `0` waits forever again. A host that stays silent longer answers `timed out`.',
      nsNode,
      'Example:',
      example('mesh timeout 30'),
    ),
    args: {
      timeout: { summary: 'Seconds to wait for each answer; 0 means forever (the default)', doc: 'An integer, e.g. `30`.', domain: 'int' },
    },
    since23: { kind: 'behaviour', from: 'mesh timeout', note: 'The default prints as `unlimited` (2.3: `2562047h47m16.854775807s`).' },
  },
  {
    id: 'mesh send',
    group: 'meshage',
    category: 'special',
    role: 'mesh-send',
    namespaceBehaviour: 'sends the command to the named mesh hosts, which run it locally.',
    patterns: ['mesh send <hostname or range or all> (command)'],
    summary: 'Run a command on other mesh nodes and show their answers',
    doc: paras(
      'Sends the nested command to the listed nodes, runs it there and prints their answers under their names. `all` means every other node of the mesh, whatever the namespace, and cannot be combined with names (`wildcard included amongst list of recipients`). Naming only this node gives `cannot mesh send yourself`; unknown names are skipped.',
      'Namespaces: special. A receiver runs the command in the namespace the command is tagged with (`namespace dev mesh send all vlans` runs in `dev` everywhere), otherwise in its own active namespace. Broadcast commands do not fan out again on the receivers: each answers for itself.',
      'Examples:',
      example('mesh send all version', 'mesh send node[2-3] vm info'),
      'The receivers refuse `mesh send`, `read`, `vm launch` and `ns run` with ``cannot run `<command>` via meshage``. With `mesh timeout` set, a node that does not answer in time gives `timed out`.',
    ),
    args: {
      hostname: {
        summary: 'Nodes to run the command on: names, a range like `node[1-5]`, or `all`',
        doc: 'Comma-separated node names and ranges, e.g. `node[2-4],gpu1`, or `all` alone for every other node of the mesh.',
        domain: 'hosts',
      },
      command: {
        summary: 'The command the nodes run',
        doc: 'Any complete command line except `mesh send`, `read`, `vm launch` and `ns run`, e.g. `host name`.',
        domain: 'command',
      },
    },
    since23: {
      kind: 'changed',
      from: 'mesh send',
      note: '`all` is every mesh peer even inside a namespace, receivers (not the sender) refuse nested `mesh send`, `read`, `vm launch` and `ns run`, and a `namespace` tag travels with the command.',
    },
  },
];
