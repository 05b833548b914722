import type { HandlerSpec } from '../types.js';
import { example, nsLocal, paras } from './doc-text.js';

/** Handlers of the `namespace` family, in minimega 2.3 registration order. */
export const namespaceHandlers: readonly HandlerSpec[] = [
  {
    id: 'namespace',
    group: 'namespace',
    category: 'special',
    role: 'namespace',
    namespaceBehaviour: '`namespace NAME` makes NAME active for the lines that follow; `namespace NAME COMMAND` runs one command in it.',
    patterns: ['namespace [name]', 'namespace <name> (command)'],
    summary: 'List or describe namespaces, switch to one, or run one command inside one',
    doc: paras(
      'A namespace groups VMs, VLAN aliases and host taps and has a set of hosts (cluster nodes). While a namespace is active, commands such as `vm info` or `vm start` run on every host of the namespace, and `vm launch` queues VMs that a bare `vm launch` then spreads over those hosts.',
      '- `namespace` with no namespace active lists the known namespaces: `Namespaces: [dev prod]`.\n- `namespace` with a namespace active describes it: its name, its hosts (`Hosts: node[1-3]`), its host taps, the number of queued launch requests (`Number of queuedVMs`) and a table of past schedules (start, end, state, launched, failures, total, hosts).\n- `namespace <name>` makes `<name>` the active namespace, creating it on first use. The prompt becomes `minimega[<name>]$`.\n- `namespace <name> <command>` runs one command with `<name>` active, then restores whatever namespace was active before.',
      'A new namespace gets, once, every node currently reachable over the mesh as its hosts; this node itself is not included unless it is alone, in which case it is the only host. Later mesh changes do not alter the set; use `nsmod` to change it.',
      'Namespaces: this command has its own logic and runs on this node. Each node keeps its own namespace records; when a command is sent to the hosts of a namespace, a receiving node creates its own record of that name if it has none.',
      'Examples:',
      example('namespace dev', 'nsmod add-host localhost', 'vm launch kvm web[1-4]', 'vm launch', 'namespace dev vm info', 'clear namespace'),
      'Quirks: `Number of queuedVMs` counts `vm launch` requests, not VMs (`vm launch kvm a[1-5]` counts 1). In the schedule table `mm` counts VMs in every column, while 2.3 counted launch batches in `launched` and `failures`. `namespace dev vm info` is recorded twice in the history, as `vm info` and as the whole line. `mm` sorts the namespace list and rejects an empty name (`namespace ""`), which confused 2.3.',
    ),
    args: {
      name: {
        summary: 'Namespace name; created on first use',
        doc: 'Any non-empty word, e.g. `dev`. Using a name creates the namespace if it does not exist yet.',
        domain: 'namespace',
      },
      command: {
        summary: 'A command to run once with this namespace active',
        doc: 'Any complete command line, e.g. `namespace dev vm info`. The previously active namespace (or none) is restored afterwards, even if the command switched namespaces.',
        domain: 'command',
      },
    },
  },
  {
    id: 'nsmod',
    group: 'namespace',
    category: 'local',
    role: 'namespace-hosts',
    patterns: ['nsmod <add-host,> <hosts>', 'nsmod <del-host,> <hosts>'],
    summary: 'Add hosts to or remove hosts from the active namespace',
    doc: paras(
      'Changes the host set of the active namespace, which decides where its commands run and where `vm launch` places VMs. Without an active namespace the answer is `cannot run nsmod without active namespace`.',
      '- `nsmod add-host <hosts>` adds hosts. Every host must be this node or a node currently in the mesh, otherwise nothing is added and the answer is ``unknown host: `<host>` ``. `localhost` stands for this node. `all` adds every mesh peer (not this node) and ends the list: names before and after it are ignored.\n- `nsmod del-host <hosts>` removes hosts; unknown names are ignored and `all` empties the set.',
      nsLocal + " Only this node's record of the namespace changes.",
      'Examples:',
      example('nsmod add-host localhost', 'nsmod add-host node[1-4],gpu1', 'nsmod del-host node3'),
      '2.3 quirk: `nsmod del-host localhost` does nothing, because `localhost` is translated only when adding; remove this node by its name. A malformed list gives `invalid hosts -- <reason>`.',
    ),
    args: {
      hosts: {
        summary: 'Host names: a comma list, a range like `node[1-4]`, `localhost` or `all`',
        doc: 'Comma-separated names and ranges, e.g. `node[1-3],gpu1`. `localhost` means this node (when adding), `all` means every mesh peer (when adding) or every host (when removing).',
        domain: 'hosts',
        addedBy: 'add-host',
      },
    },
  },
  {
    id: 'clear namespace',
    group: 'namespace',
    category: 'local',
    role: 'leave-namespace',
    patterns: ['clear namespace [name]'],
    summary: 'Leave the active namespace, or destroy a namespace',
    doc: paras(
      '`clear namespace` deactivates the active namespace; its record, queue and hosts are kept and it can be re-entered later. This never fails.',
      '`clear namespace <name>` destroys the namespace: it deletes its host taps, frees its VLAN aliases and VLAN range, and forgets its hosts, queued launches and schedule history. If it was active, no namespace is active afterwards. An unknown name gives `unknown namespace: <name>`.',
      nsLocal + " Destroying only affects this node's record; other nodes keep theirs.",
      'Example:',
      example('clear namespace dev'),
      'Watch out: destroying a namespace does not kill or flush its VMs. They stay on their hosts, labelled with the namespace, and show up again in `vm info` when no namespace is active or when a namespace of the same name is created again. Run `namespace dev vm kill all` and `namespace dev vm flush` first if you want them gone. If one of its taps was already deleted while no namespace was active, the destroy stops with `unknown tap` and the record is kept.',
    ),
    args: {
      name: {
        summary: 'Namespace to destroy; omit to just leave the active one',
        doc: 'The name of an existing namespace, e.g. `dev`.',
        domain: 'namespace',
      },
    },
  },
];
