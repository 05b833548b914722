import type { HandlerSpec } from '../types.js';
import { vmTargetArg } from './args.js';
import { example, nsBroadcast, nsVmTarget, paras } from './doc-text.js';

const targetRules =
  'With one VM as the target, a missing VM gives `vm not found: <vm>` and a VM in the wrong state `VM state error: <vm>`; with a list, a range or `all`, such VMs are skipped silently.';

/** Handlers of the `vm` family from `vm info` to `vm net`, in minimega 3.1 registration order. */
export const vmHandlers: readonly HandlerSpec[] = [
  {
    id: 'vm info',
    group: 'vm',
    category: 'broadcast',
    patterns: ['vm info [summary,]'],
    summary: "Show a table of the namespace's VMs and their properties",
    doc: paras(
      'Prints one row per VM of the namespace, with the columns `id, name, state, uptime, type, uuid, cc_active, pid, vlan, bridge, tap, mac, ip, ip6, qos, qinq, bond, memory, vcpus, disks, snapshot, initrd, kernel, cdrom, save, append, serial-ports, virtio-ports, vnc_port, usb-use-xhci, tpm-socket, bidirectional-copy-paste, filesystem, hostname, init, preinit, fifo, volume, console_port, tags`. `vm info summary` prints only `id, name, state, type, uuid, cc_active, vlan`.',
      'States are `BUILDING`, `RUNNING`, `PAUSED`, `QUIT` and `ERROR`. Per-interface columns are lists joined by a comma and a space, e.g. `[100, web (101)]`; an alias of another namespace prints as `ns//alias (number)`. Columns that do not apply to the VM type show `N/A`, and `tags` is a JSON object. Without VMs nothing is printed.',
      nsBroadcast + ' Only the VMs of that namespace are listed; there is no `namespace` column, so no command lists the VMs of all namespaces.',
      'Examples:',
      example('vm info', '.columns name,state,vlan vm info', '.filter state=running vm info summary'),
    ),
    args: {
      summary: { summary: 'Show only the main columns', doc: '`id, name, state, type, uuid, cc_active, vlan`.' },
    },
    since23: {
      kind: 'behaviour',
      from: 'vm info',
      note: 'Other columns: `uptime`, `pid`, `qinq`, `bond`, `disks`, `save`, `serial-ports`, `virtio-ports` and more are new; `namespace`, `bandwidth`, `disk`, `migrate`, `serial`, `virtio-serial` are gone; lists are joined with `, `.',
    },
  },
  {
    id: 'vm launch',
    group: 'vm',
    category: 'special',
    patterns: ['vm launch', 'vm launch <kvm,> <name or count> [config]', 'vm launch <container,> <name or count> [config]'],
    summary: 'Create KVM or container VMs in the namespace, placed on its hosts by the scheduler',
    doc: paras(
      "`vm launch kvm|container <names or count> [config]` queues a launch request with a copy of the namespace's `vm config` (or of the saved config named `[config]`). Give a count (`3`) or names: a comma list and ranges like `web[1-4]`. Unless `ns queueing` is `true`, the queue is then scheduled at once; otherwise it waits for a bare `vm launch` (or `ns schedule`), which schedules everything queued. New VMs are in state `BUILDING` until `vm start`.",
      'The scheduler puts each VM on the least loaded host of the namespace (see `ns load`), honouring `vm config schedule`, `colocate` and `coschedule`. In `minimega`, whose only host is this node, every VM lands here. Unnamed VMs get `vm-<n>` names from a counter of the namespace; ids count per node.',
      "Namespaces: special. It queues in and schedules the command's namespace, and sends each host its share directly. Names and UUIDs only need to be unique within the namespace.",
      'Examples:',
      example('vm config memory 1024', 'vm config networks 100', 'vm launch kvm web[1-4]', 'vm start all'),
      "Errors: `invalid number of vms (must be > 0)`, `no VMs to launch`, ``invalid vm name, `all` is a reserved word``, ``invalid vm name, `7` is an integer``, `` `web1` is specified twice in VMs to launch ``, ``invalid name; must only include letters, numbers, hyphens and underscores: `<name>` ``, ``vm already exists with name `web1` ``, ``vm already queued with name `web1` ``, `cannot launch multiple VMs with a pre-configured UUID`, `config <name> does not exist`, `namespace must contain at least one host to launch VMs`, `namespace must contain at least one queued VM to launch VMs`, and the scheduler's errors such as `nonexistent colocate VMs: [<vm>]`. Sent over the mesh it is refused.",
      'Quirks: a launch that fails on a host (for example a container without `vm config filesystem`) is not reported: it only counts in `failures` of `ns schedule status`. A schedule that fails keeps the queue, so the next `vm launch` retries those VMs too; `ns flush` drops them.',
    ),
    args: {
      name: {
        summary: 'How many VMs (a positive integer), or their names: a list or range like `web[1-4]`',
        doc: 'A count such as `3` makes unnamed VMs (`vm-<n>`). Names are comma-separated, with ranges `web[1-4]` or `db[01-10]`; they may contain letters, digits, `-`, `_` and `.`, cannot be integers or `all`, and must be unique in the namespace.',
        domain: 'vmNames',
      },
      config: {
        summary: 'Saved config to launch from instead of the current `vm config`',
        doc: 'A name stored with `vm config save`, e.g. `webserver`.',
        domain: 'configName',
      },
    },
    quirks: [
      'Launch failures on a host are not reported by `vm launch`; they only count in `ns schedule status`',
      'A failed schedule keeps the queue, so the next launch retries it',
    ],
    since23: {
      kind: 'changed',
      from: 'vm launch',
      note: "`noblock` is gone and a saved config name may follow; in every namespace the request is queued and, unless `ns queueing` is on, scheduled at once on the namespace's hosts.",
    },
  },
  {
    id: 'vm kill',
    group: 'vm',
    category: 'vmtarget',
    patterns: ['vm <kill,> <vm target>'],
    summary: 'Stop VMs for good (they move to state `QUIT`)',
    doc: paras(
      'Kills the targeted VMs that are `BUILDING`, `RUNNING` or `PAUSED`; they move to `QUIT` and stay listed until `vm flush`.',
      targetRules,
      nsVmTarget,
      'Example:',
      example('vm kill web[1-4]', 'vm kill all'),
    ),
    args: { vm: vmTargetArg },
    since23: { kind: 'changed', from: 'vm kill', note: 'Same words; only the target argument is now called `vm`.' },
  },
  {
    id: 'vm start',
    group: 'vm',
    category: 'vmtarget',
    patterns: ['vm <start,> <vm target>'],
    summary: 'Start or resume VMs',
    doc: paras(
      '`BUILDING` and `PAUSED` VMs move to `RUNNING`. A named `QUIT` or `ERROR` VM is launched again; `vm start all` only starts `BUILDING` and `PAUSED` VMs.',
      targetRules + ' Starting a running VM by name gives `vm is already running`.',
      nsVmTarget,
      'Example:',
      example('vm start all', 'vm start web1,db[1-2]'),
    ),
    args: { vm: { ...vmTargetArg, doc: vmTargetArg.doc + ' `all` starts only `BUILDING` and `PAUSED` VMs.' } },
    since23: {
      kind: 'changed',
      from: 'vm start',
      note: 'The target argument is now called `vm`, and starting a running VM by name gives `vm is already running` (2.3: `VM state error`).',
    },
  },
  {
    id: 'vm stop',
    group: 'vm',
    category: 'vmtarget',
    patterns: ['vm <stop,> <vm target>'],
    summary: 'Pause running VMs',
    doc: paras(
      'Pauses the targeted `RUNNING` VMs; they move to `PAUSED` and `vm start` resumes them.',
      targetRules,
      nsVmTarget,
      'Example:',
      example('vm stop all'),
    ),
    args: { vm: vmTargetArg },
    since23: { kind: 'changed', from: 'vm stop', note: 'Same words; only the target argument is now called `vm`.' },
  },
  {
    id: 'vm flush',
    group: 'vm',
    category: 'broadcast',
    patterns: ['vm <flush,>', 'vm <flush,> <vm target>'],
    summary: 'Remove VMs that are `QUIT` or `ERROR` from the VM list',
    doc: paras(
      '`vm flush` forgets every `QUIT` or `ERROR` VM of the namespace, so their names can be used again (ids are never reused). `vm flush <vms>` forgets only the targeted ones; a named VM in another state gives `VM state error: <vm>`.',
      nsBroadcast +
        ' Unlike the VM commands, it does not merge `vm not found` errors: on a namespace with several hosts, `vm flush web1` prints `vm not found: web1` once for every host that lacks it.',
      'Example:',
      example('vm kill all', 'vm flush'),
    ),
    args: { vm: { ...vmTargetArg, summary: 'The VMs to forget; omit for every `QUIT` or `ERROR` VM' } },
    since23: { kind: 'changed', from: 'vm flush', note: 'Takes an optional target.' },
  },
  {
    id: 'vm hotplug',
    group: 'vm',
    category: 'vmtarget',
    patterns: [
      'vm hotplug',
      'vm hotplug <add,> <vm target> <filename> [version]',
      'vm hotplug <add,> <vm target> <filename> serial <serial> [version]',
      'vm hotplug <remove,> <vm target> <disk id or all>',
    ],
    summary: 'List, plug in or unplug USB disk images of running KVM VMs',
    doc: paras(
      '- `vm hotplug` lists the plugged disks of every KVM VM as `name | id | file | version`.\n- `vm hotplug add <vms> <file> [version]` plugs a disk image in as a USB drive, `version` `1.1` or `2.0`; `... serial <serial> [version]` also gives it a serial number.\n- `vm hotplug remove <vms> <id>` unplugs one disk, `... all` every one.',
      nsVmTarget,
      'Example:',
      example('vm hotplug add web1 data.img 2.0', 'vm hotplug remove web1 all'),
      'Errors: ``invalid disk: `<x>` ``, `no such hotplug device`, `no hotplug devices to remove`, ``invalid version: `<v>` ``.',
    ),
    args: {
      vm: vmTargetArg,
      filename: { summary: 'Disk image to plug in (must exist)', doc: 'Example: `data.img`.', domain: 'path' },
      version: { summary: 'USB version: `1.1` or `2.0`', doc: 'Omit it for the default.' },
      serial: { summary: 'Serial number the USB drive reports', doc: 'Example: `DATA0001`.' },
      disk: { summary: 'Id of the plugged disk (see `vm hotplug`), or `all`', doc: 'An integer, e.g. `0`, or `all`.' },
    },
    since23: {
      kind: 'changed',
      from: 'vm hotplug',
      note: '`vm hotplug` alone replaces `show`; the forms take a VM target, and `add` takes a USB version and a serial.',
    },
  },
  {
    id: 'vm net',
    group: 'vm',
    category: 'vmtarget',
    patterns: [
      'vm net <add,> <vm target> [netspec]...',
      'vm net <connect,> <vm target> <tap position> <vlan> [bridge]',
      'vm net <disconnect,> <vm target> <tap position>',
      'vm net <bond,> <vm target> <interface indexes> <active-backup,balance-slb,balance-tcp> <active,passive,off> [qinq,]',
      'vm net <bond,> <vm target> <interface indexes> <active-backup,balance-slb,balance-tcp> <active,passive,off> name <name> [qinq,]',
      'vm net <bond,> <vm target> <interface indexes> <active-backup,balance-slb,balance-tcp> <active,passive> <no-lacp-fallback,> [qinq,]',
      'vm net <bond,> <vm target> <interface indexes> <active-backup,balance-slb,balance-tcp> <active,passive> <no-lacp-fallback,> name <name> [qinq,]',
    ],
    summary: 'Add, move, unplug or bond network interfaces of running VMs',
    doc: paras(
      '- `vm net add <vms> <netspec>...` adds interfaces to running KVM VMs (specs as in `vm config networks`).\n- `vm net connect <vms> <index> <vlan> [bridge]` moves interface `<index>` (counted from 0) to another VLAN, on its current bridge unless you name one.\n- `vm net disconnect <vms> <index>` unplugs it; `vm info` then shows `disconnected`.\n- `vm net bond <vms> <indexes> <mode> <lacp> [name <name>] [qinq]` bonds interfaces: modes `active-backup`, `balance-slb`, `balance-tcp`; LACP `active`, `passive` or `off`; `no-lacp-fallback` after `active` or `passive` keeps the bond from falling back to active-backup. `clear vm net bond` removes bonds.',
      nsVmTarget,
      'Examples:',
      example('vm net connect web1 0 200', 'vm net add web1 300', 'vm net bond web1 0,1 balance-tcp active name bond0'),
      'Errors: `no network <index>, VM only has <n> networks`, `malformed netspec`, `unable to get Kvm` (adding to a container), `interfaces being bonded are not on the same bridge`, `LACP mode must be set to active or passive for balance-tcp bond mode`.',
    ),
    args: {
      vm: vmTargetArg,
      netspec: {
        summary: 'Interface to add: `[bridge,]vlan[,mac][,driver][,qinq]`',
        doc: 'As in `vm config networks`, e.g. `300` or `mybr,300`.',
        domain: 'netspec',
      },
      tap: { summary: 'Interface index, counted from 0', doc: '`0` is the first interface.', domain: 'int' },
      vlan: { summary: 'VLAN number or alias to connect to', doc: 'A number such as `200` or an alias such as `web`.', domain: 'vlan' },
      bridge: { summary: "Bridge to connect to; default the interface's current bridge", doc: 'Example: `mybr`.', domain: 'bridge' },
      interface: { summary: 'Interface indexes to bond, comma-separated', doc: 'At least two, e.g. `0,1`.' },
      'active-backup': { summary: 'Bond mode: one link active, the others standing by', doc: 'Works without switch support.' },
      'balance-slb': { summary: 'Bond mode: balance by source MAC and VLAN', doc: 'Works without LACP.' },
      'balance-tcp': { summary: 'Bond mode: balance by connection; needs LACP `active` or `passive`', doc: 'With `off` the command fails.' },
      active: { summary: 'LACP active', doc: 'The bond starts LACP negotiation.' },
      passive: { summary: 'LACP passive', doc: 'The bond answers LACP but does not start it.' },
      off: { summary: 'No LACP', doc: 'Not allowed with `balance-tcp`.' },
      name: { summary: 'Name of the bond; generated when omitted', doc: 'Example: `bond0`.' },
    },
    since23: {
      kind: 'changed',
      from: 'vm net',
      note: '`connect` takes the VLAN before the optional bridge (2.3: `<bridge> <vlan>`); new `add` and `bond` forms; it now reaches the VMs on every host of the namespace.',
    },
  },
];
