import type { HandlerSpec } from '../types.js';
import { example, paras } from './doc-text.js';

const nameRule =
  'Names may contain letters, digits, `-`, `_` and `.`; anything else (also `""`) gives `invalid name; must only include letters, numbers, hyphens and underscores`.';

/** Handlers of the `namespace` family, in minimega 3.1 registration order. */
export const namespaceHandlers: readonly HandlerSpec[] = [
  {
    id: 'namespace',
    group: 'namespace',
    category: 'special',
    role: 'namespace',
    namespaceBehaviour: '`namespace NAME` makes NAME active for the lines that follow; `namespace NAME COMMAND` runs one command in it.',
    patterns: ['namespace [name]', 'namespace <name> (command)'],
    summary: 'List namespaces, switch to one, or run one command in a namespace without switching',
    doc: paras(
      'In 3.1 every command runs in a namespace. A node starts in the default namespace `minimega`, whose only host is the node itself. A namespace has its own hosts, VMs, `vm config` and saved configs, launch queue, VLAN aliases, taps, captures and cc state.',
      '- `namespace` prints `namespace | vlans | active`: every namespace of this node, its VLAN range (`101-4096` for `minimega` by default, empty when it has none) and whether it is the active one.\n- `namespace <name>` makes `<name>` active, creating it on first use; the prompt becomes `minimega[<name>]$`. Naming the active namespace again does nothing.\n- `namespace <name> <command>` runs one command in `<name>` without changing the active namespace, before, during or after; nested prefixes work and the innermost wins.',
      'A new namespace gets as hosts every node the mesh reaches at that moment, except this one; if there are none, this node alone. Change the set with `ns add-hosts` and `ns del-hosts`. ' +
        nameRule,
      "Namespaces: special. It sets the node's active namespace, or tags the nested command with the namespace so that it (and any copies sent to other hosts) runs there.",
      'Examples:',
      example('namespace dev', 'vm launch kvm web[1-4]', 'clear namespace', 'namespace dev vm start all', 'namespace'),
    ),
    args: {
      name: {
        summary: 'Namespace name; created on first use',
        doc: 'Letters, digits, `-`, `_` and `.`, e.g. `dev`. The default namespace is `minimega`.',
        domain: 'namespace',
      },
      command: {
        summary: 'A command to run in this namespace without switching to it',
        doc: 'Any complete command line, e.g. `namespace dev vm info`. The active namespace stays what it was.',
        domain: 'command',
      },
    },
    since23: {
      kind: 'changed',
      from: 'namespace',
      note: 'There is always an active namespace (`minimega` by default); `namespace <name> <command>` no longer switches namespaces around the command; the listing is a table `namespace | vlans | active`.',
    },
  },
  {
    id: 'ns',
    group: 'namespace',
    category: 'special',
    patterns: [
      'ns <hosts,>',
      'ns <add-hosts,> <hostname or range or all>',
      'ns <del-hosts,> <hostname or range or all>',
      'ns <load,>',
      'ns <load,> <cpucommit,>',
      'ns <load,> <netcommit,>',
      'ns <load,> <memcommit,>',
      'ns <queue,>',
      'ns <flush,>',
      'ns <queueing,> [true,false]',
      'ns <schedule,>',
      'ns <schedule,> <dry-run,>',
      'ns <schedule,> <dump,>',
      'ns <schedule,> <mv,> <vm target> <dst>',
      'ns <schedule,> <status,>',
      'ns <bridge,> <bridge> [vxlan,gre]',
      'ns <del-bridge,> <bridge>',
      'ns <snapshot,> [name]',
      'ns <save,> [name]',
      'ns <run,> (command)',
    ],
    summary: 'Manage a namespace: its hosts, launch queue and scheduler, bridges, saving, running on all hosts',
    doc: paras(
      "Works on the command's namespace. Bare `ns` is not a command.",
      '- `ns hosts` prints the host set (`mm[2-3]`); `ns add-hosts <hosts>` adds hosts, each of which must be this node (`localhost`) or a current mesh peer, else ``unknown host: `<host>` `` and nothing is added; `all` adds every mesh peer. `ns del-hosts <hosts>` removes hosts (`localhost` works, unknown names are ignored, `all` empties the set).\n- `ns load` prints how the scheduler compares hosts (`cpucommit`, the default), `ns load cpucommit|memcommit|netcommit` sets it.\n- `ns queueing` prints whether `vm launch` only queues (`false` by default: it launches at once); `ns queueing true|false` sets it. `ns queue` prints the queued launches with their `vm config`; `ns flush` empties the queue.\n- `ns schedule` launches the queue (like a bare `vm launch`); `ns schedule dry-run` computes and prints the placement `vm | dst` without launching, `ns schedule dump` prints it again, `ns schedule mv <vms> <host>` changes it, and the next `ns schedule` uses it. `ns schedule status` prints one row per run: `start | end | state | launched | failures | total | hosts`.\n- `ns bridge <bridge> [vxlan|gre]` connects that bridge on all hosts with a full mesh of tunnels (GRE by default); `ns del-bridge <bridge>` destroys it on every host.\n- `ns save [name]` saves every KVM VM of the namespace to the files directory (under `saved/<name>`, with a launch script); without a name it shows the progress. `ns snapshot` is the old spelling.\n- `ns run <command>` runs the command on every host of the namespace and merges the answers, like a broadcast command.',
      'Namespaces: special. Every form acts on the namespace of the command; `ns run` and `ns bridge` reach the other hosts themselves.',
      'Examples:',
      example('namespace dev', 'ns add-hosts node[1-3]', 'ns queueing true', 'vm launch kvm web[1-6]', 'ns schedule dry-run', 'ns schedule', 'ns run host vms'),
      'Errors: `must run dry-run first`, `new dst host is not in namespace`, `reassign <vm>: vm not found`, `bridge name must not be empty string`, `bridge is not associated with namespace`, and ``cannot run `<command>` using `ns run` `` for `read`, `mesh send`, `ns run` and `vm launch` inside `ns run`.',
      'Quirks: `ns run` compares the nested command as typed, so an abbreviation such as `ns run vm l kvm x` is not refused. With a single host, `ns bridge` does nothing and remembers nothing.',
    ),
    args: {
      hostname: {
        summary: 'Host names and ranges like `node[1-3]`, `localhost`, or `all`',
        doc: '`all` means every current mesh peer (not this node) and ends the list; `localhost` means this node. Example: `node[1-3],gpu1`.',
        domain: 'hosts',
        addedBy: 'add-hosts',
      },
      true: { summary: 'Only queue `vm launch` requests until `ns schedule`', doc: 'Queued launches wait in `ns queue`.' },
      false: { summary: 'Launch at once (the default)', doc: 'Each `vm launch` queues and schedules immediately.' },
      vm: {
        summary: 'VMs of the dry-run placement to move: names, a list or a range',
        doc: 'Example: `web[1-2]`.',
        domain: 'vmTarget',
      },
      dst: { summary: 'Host of the namespace to move them to', doc: 'Example: `node2`.', domain: 'hostName' },
      bridge: { summary: 'Bridge to connect across the hosts', doc: 'Example: `labnet`. Must not be empty.', domain: 'bridge' },
      vxlan: { summary: 'Connect the hosts with VXLAN tunnels', doc: 'Instead of GRE.' },
      gre: { summary: 'Connect the hosts with GRE tunnels (the default)', doc: 'The default tunnel type.' },
      name: {
        summary: 'Directory to save into; relative names go under `saved/` in the files directory',
        doc: 'Example: `before-upgrade`. Omit it to show the progress of running saves.',
        domain: 'path',
      },
      command: {
        summary: 'Command to run on every host of the namespace',
        doc: 'Any complete command line except `read`, `mesh send`, `ns run` and `vm launch`, e.g. `ns run host name`.',
        domain: 'command',
      },
    },
    quirks: [
      '`ns run` checks the nested command as typed: abbreviations of refused commands get through',
      '`ns bridge` on a namespace with one host does nothing and is not remembered',
    ],
    deprecated: { patterns: ['ns <snapshot,> [name]'], use: 'ns save' },
    since23: { kind: 'added', note: "New in 3.1; replaces 2.3's `nsmod add-host` and `del-host` (now `ns add-hosts` and `ns del-hosts`)." },
  },
  {
    id: 'clear namespace',
    group: 'namespace',
    category: 'special',
    role: 'leave-namespace',
    patterns: ['clear namespace [name]'],
    summary: 'Go back to the namespace `minimega`, or destroy a namespace (or all) everywhere',
    doc: paras(
      '`clear namespace` makes `minimega` the active namespace again; nothing is destroyed and it never fails.',
      '`clear namespace <name>` destroys the namespace on this node and on every mesh peer: its `ns bridge` bridges are removed, its VMs are killed and flushed, its captures, VNC sessions and cc state stop, its host taps are deleted, its VLAN aliases and range are freed, and its queue, `vm config` and saved configs are forgotten. If it was active, `minimega` becomes active. `clear namespace all` destroys every namespace. An unknown name is not an error. Destroying `minimega` is allowed; it comes back, empty, at the next command that needs it.',
      "Namespaces: special. Typed by you, it runs here and is then sent to every node of the mesh, not just the namespace's hosts.",
      'Example:',
      example('clear namespace dev'),
      'Errors: `scheduler still running for namespace` while a schedule of the namespace is running.',
    ),
    args: {
      name: {
        summary: 'Namespace to destroy, or `all`; omit to switch back to `minimega`',
        doc: 'Example: `dev`.',
        domain: 'namespace',
      },
    },
    since23: {
      kind: 'changed',
      from: 'clear namespace',
      note: 'Destroying a namespace kills and flushes its VMs and reaches every mesh node; without a name it switches back to `minimega`.',
    },
  },
];
