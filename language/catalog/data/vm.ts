import type { ArgSpec, HandlerSpec } from '../types.js';
import { example, nsBroadcast, nsLocal, nsVmTarget, paras } from './doc-text.js';

const targetArg: ArgSpec = {
  summary: 'The VMs: name, id, list, range like `web[1-4]`, or `all`',
  doc: 'VM names and numeric ids, separated by commas, with ranges such as `web[1-4]` or `web[1,3-5]`; `all` means every VM (of the active namespace). UUIDs are not accepted. Names are case-sensitive. Example: `web[1-4],db`.',
  domain: 'vmTarget',
};

const oneVm = (what: string): ArgSpec => ({
  summary: `${what}: name, id or UUID`,
  doc: 'One VM, e.g. `web1`, `3` or its UUID.',
  domain: 'vmName',
});

const targetRules =
  'With a single VM as the target, a missing VM gives `vm not found: <vm>` and a VM in the wrong state `VM state error: <vm>`; with a list, a range or `all`, such VMs are skipped silently. Ids are per host, so inside a namespace `vm kill 0` affects the VM with id 0 on every host.';

/** Handlers of the `vm` family, in minimega 2.3 registration order. */
export const vmHandlers: readonly HandlerSpec[] = [
  {
    id: 'vm info',
    group: 'vm',
    category: 'broadcast',
    patterns: ['vm info [summary,]'],
    summary: 'Show a table of the VMs and their properties',
    doc: paras(
      'Prints one row per VM of the active namespace (every VM when none is active). The columns are `id, name, state, namespace, type, uuid, cc_active, vlan, bridge, tap, mac, ip, ip6, bandwidth, qos, memory, vcpus, disk, snapshot, initrd, kernel, cdrom, migrate, append, serial, virtio-serial, vnc_port, filesystem, hostname, init, preinit, fifo, console_port, tags`. `vm info summary` prints only `id, name, state, namespace, type, uuid, cc_active, vlan`.',
      "States are `BUILDING`, `RUNNING`, `PAUSED`, `QUIT` and `ERROR`. Per-interface columns are lists such as `[100 web (102)]`; a VLAN alias prints as `alias (number)`. Columns that do not apply to the VM's type show `N/A`, and `tags` is a JSON object. With no VMs nothing is printed, not even the header.",
      nsBroadcast + ' The `host` column (while annotation is on) tells where each VM runs.',
      'Examples:',
      example('vm info', '.columns name,state,vlan vm info', '.filter state=running vm info summary'),
    ),
    args: {
      summary: {
        summary: 'Show only the main columns',
        doc: '`id, name, state, namespace, type, uuid, cc_active, vlan`.',
      },
    },
  },
  {
    id: 'vm launch',
    group: 'vm',
    category: 'special',
    role: 'launch',
    namespaceBehaviour:
      "with a namespace active, `vm launch kvm NAMES` only queues the VMs (with a snapshot of the current `vm config`); a bare `vm launch` spreads the queue over the namespace's hosts.",
    patterns: ['vm launch', 'vm launch <kvm,> <name or count> [noblock,]', 'vm launch <container,> <name or count> [noblock,]'],
    summary: 'Create KVM or container VMs from the current `vm config`; in a namespace, queue and schedule',
    doc: paras(
      'Creates VMs with the settings of `vm config`. `vm launch kvm <names or count>` creates QEMU/KVM VMs, `vm launch container <names or count>` containers. Give a count (`3` makes `vm-<id>` names) or names: a comma list and ranges such as `web[1-4]` or `db[01-10]` (zero padding is kept). New VMs are in state `BUILDING` until `vm start`.',
      'Without a namespace the VMs are created on this node right away. The command waits until all of them are launched and reports their errors; with `noblock` it returns at once.',
      "Namespaces: special. With a namespace active, `vm launch kvm|container ...` does not create anything: it checks the names against the namespace's VMs and the queue, then queues the request together with a copy of the current `vm config` (later config changes do not affect it) and prints nothing; `noblock` is ignored. A bare `vm launch` then spreads everything queued over the namespace's hosts and empties the queue. In `mm`, hosts are taken in name order, each gets an equal share (the first ones one more when it does not divide evenly), and queued VMs are assigned in queue order as contiguous slices. Errors from any host are reported; VMs that did launch stay.",
      'Example:',
      example('vm config memory 1024', 'vm config net 100', 'vm launch kvm web[1-4]', 'vm start web[1-4]'),
      'In a namespace:',
      example('namespace dev', 'vm launch kvm web[1-6]', 'vm launch kvm 2', 'vm launch'),
      "Errors: `invalid number of vms (must be > 0)`, `no VMs to launch` (e.g. `foo[3-1]`), ``invalid vm name, `all` is a reserved word``, ``invalid vm name, `7` is an integer``, ``vm already exists with name `web1` ``, ``vm already queued with name `web1` ``, `cannot launch multiple VMs with a pre-configured UUID` (see `vm config uuid`), `unable to create container without a configured filesystem`, `invalid command when namespace is not active` (bare `vm launch` without a namespace), and `namespace must contain at least one host to launch VMs` / `namespace must contain at least one queued VM to launch VMs`. A cdrom, initrd, kernel, migrate, disk or preinit path in the files directory that does not exist gives `file not found` before any VM is created (in `mm`: a file exists when it is in the node's `--files-dir`); a QEMU that cannot start leaves the VM in `ERROR` (see `vm config qemu`). With `noblock`, the errors of single VMs (a QEMU that cannot start, a name or disk conflict) are only logged.",
      "Quirks: ids are counted per node, are never reused, and failed launches use them up too. Without a namespace, names must be unused among all of this node's VMs, whatever their namespace. A count spread over several hosts can give two VMs the same `vm-<id>` name on different hosts. Compared with 2.3, which placed VMs on hosts in random order and only logged launch failures, `mm` is deterministic and reports failures.",
    ),
    args: {
      name: {
        summary: 'How many VMs (a positive integer), or their names: a list or range like `web[1-4]`',
        doc: 'A count such as `3` creates VMs named `vm-<id>`. Names are comma-separated, with ranges `web[1-4]`, `web[1,3-5]` or `db[01-10]`; an empty item (`a,,b`) gets a `vm-<id>` name. Names cannot be integers or `all` and must be unique.',
        domain: 'vmNames',
      },
      noblock: {
        summary: 'Return at once instead of waiting for the launches',
        doc: 'Launch errors are then not reported to you. Ignored while a namespace is active.',
      },
    },
    quirks: [
      'VM ids are per node and never reused; failed launches use them up as well',
      'A count launched across several hosts can create the same `vm-<id>` name on two hosts',
    ],
  },
  {
    id: 'vm kill',
    group: 'vm',
    role: 'vm-command',
    category: 'vmtarget',
    patterns: ['vm kill <target>'],
    summary: 'Stop VMs for good (they move to state `QUIT`)',
    doc: paras(
      'Kills the targeted VMs that are `BUILDING`, `RUNNING` or `PAUSED`; they move to `QUIT` and stay listed until `vm flush`. A killed VM named explicitly can be started again with `vm start`.',
      targetRules,
      nsVmTarget,
      'Example:',
      example('vm kill web[1-4]', 'vm kill all'),
    ),
    args: {
      target: targetArg,
    },
  },
  {
    id: 'vm start',
    group: 'vm',
    role: 'vm-command',
    category: 'vmtarget',
    patterns: ['vm start <target>'],
    summary: 'Start or resume VMs',
    doc: paras(
      'Starts the targeted VMs: `BUILDING` and `PAUSED` VMs move to `RUNNING`. A `QUIT` or `ERROR` VM is launched again when it is named (or given by id), but not by `vm start all`, which only starts `BUILDING` and `PAUSED` VMs.',
      targetRules + ' Starting a VM that is already running is a `VM state error`.',
      nsVmTarget,
      'Example:',
      example('vm start all', 'vm start web1,db[1-2]'),
    ),
    args: {
      target: { ...targetArg, doc: targetArg.doc + ' `all` starts only `BUILDING` and `PAUSED` VMs.' },
    },
  },
  {
    id: 'vm stop',
    group: 'vm',
    role: 'vm-command',
    category: 'vmtarget',
    patterns: ['vm stop <target>'],
    summary: 'Pause running VMs',
    doc: paras(
      'Pauses the targeted `RUNNING` VMs; they move to `PAUSED` and can be resumed with `vm start`.',
      targetRules,
      nsVmTarget,
      'Example:',
      example('vm stop all'),
      'Note: there is no `vm pause` in 2.3; `vm stop` is the pause command.',
    ),
    args: {
      target: targetArg,
    },
  },
  {
    id: 'vm flush',
    group: 'vm',
    category: 'broadcast',
    role: 'flush',
    patterns: ['vm flush'],
    summary: 'Remove VMs that are `QUIT` or `ERROR` from the VM list',
    doc: paras(
      'Forgets every VM in state `QUIT` or `ERROR` of the active namespace (every namespace when none is active), so their names can be used again. Their ids are not reused.',
      nsBroadcast + ' So without a namespace, VMs on other nodes are not flushed.',
      'Example:',
      example('vm kill all', 'vm flush'),
    ),
    args: {},
  },
  {
    id: 'vm hotplug',
    group: 'vm',
    category: 'vmtarget',
    patterns: ['vm hotplug <show,> <vm name>', 'vm hotplug <add,> <vm name> <filename>', 'vm hotplug <remove,> <vm name> <disk id or all>'],
    summary: 'Show, attach or detach USB disk images on a running KVM VM',
    doc: paras(
      '- `vm hotplug show <vm>` lists the disks plugged into the VM, with their ids.\n- `vm hotplug add <vm> <file>` plugs a disk image in as a USB drive.\n- `vm hotplug remove <vm> <id>` unplugs one disk, `vm hotplug remove <vm> all` every one.',
      nsVmTarget,
      'Example:',
      example('vm hotplug add web1 data.img', 'vm hotplug remove web1 all'),
      'Errors: `vm not KVM: <vm>` for containers, `no such hotplug device id` for an unknown id.',
      "In `mm`: disks are recorded as if QEMU plugged them in, and `show` lists them; a killed VM, or one whose QEMU never started, gives minimega's QMP error for `add` and `remove`.",
    ),
    args: {
      vm: oneVm('The KVM VM'),
      filename: {
        summary: 'Disk image to plug in',
        doc: 'Example: `data.img`.',
        domain: 'path',
      },
      disk: {
        summary: 'Id of the plugged disk (see `show`), or `all`',
        doc: 'An integer id, e.g. `0`, or `all`.',
      },
    },
  },
  {
    id: 'vm net',
    group: 'vm',
    category: 'local',
    patterns: ['vm net <connect,> <vm name> <tap position> <bridge> <vlan>', 'vm net <disconnect,> <vm name> <tap position>'],
    summary: "Move a VM's network interface to another bridge and VLAN, or disconnect it",
    doc: paras(
      "- `vm net connect <vm> <index> <bridge> <vlan>` moves the VM's interface number `<index>` (counted from 0) to the given bridge and VLAN.\n- `vm net disconnect <vm> <index>` unplugs it; `vm info` then shows `disconnected` in its `vlan` column.",
      nsLocal + ' Unlike most VM commands, it only finds VMs on this node, even inside a namespace.',
      'Example:',
      example('vm net connect web1 0 mega_bridge 200', 'vm net disconnect web1 1'),
      'Quirks: the bridge comes before the VLAN (later minimega versions swapped them). A missing interface gives `no network <index>, VM only has <n> networks`, but a numeric VLAN has already been blacklisted by then.',
    ),
    args: {
      vm: oneVm('The VM'),
      tap: {
        summary: 'Interface index, counted from 0',
        doc: '`0` is the first interface of `vm config net`.',
        domain: 'int',
      },
      bridge: {
        summary: 'Bridge to connect the interface to, e.g. `mega_bridge`',
        doc: 'The bridge name.',
        domain: 'bridge',
      },
      vlan: {
        summary: 'VLAN number or alias to connect the interface to',
        doc: 'A number such as `200` or an alias such as `web`.',
        domain: 'vlan',
      },
    },
    quirks: [
      'The bridge comes before the VLAN (later minimega versions swapped them)',
      "`vm net connect` is not sent to the namespace's hosts: it only finds VMs on this node",
    ],
  },
  {
    id: 'vm qmp',
    group: 'vm',
    category: 'vmtarget',
    patterns: ['vm qmp <vm name> <qmp command>'],
    summary: 'Send a raw QMP (QEMU monitor) request to a KVM VM',
    doc: paras(
      "Sends one JSON request to the QEMU monitor protocol of the VM and prints QEMU's JSON answer. The request must be a single argument, so quote it.",
      nsVmTarget,
      'Example:',
      example('vm qmp web1 \'{ "execute": "query-status" }\''),
      'Containers give `vm not KVM: <vm>`.',
      "In `mm`: the simulated QEMU answers `query-status` from the VM's state (`prelaunch`, `running` or `paused`); any other request gets QEMU's error reply, which minimega prints as `received nil status`. A killed VM gives `write unix @->/tmp/minimega/<id>/qmp: write: broken pipe`, a VM whose QEMU never started `qmp is not ready`.",
    ),
    args: {
      vm: oneVm('The KVM VM'),
      qmp: {
        summary: 'The QMP request as one quoted JSON object',
        doc: 'Example: `\'{ "execute": "query-status" }\'`.',
      },
    },
  },
  {
    id: 'vm screenshot',
    group: 'vm',
    category: 'vmtarget',
    patterns: ['vm screenshot <vm name> [maximum dimension]', 'vm screenshot <vm name> file <filename> [maximum dimension]'],
    summary: "Save a PNG screenshot of a VM's screen",
    doc: paras(
      "`vm screenshot <vm> [size]` saves a PNG of the VM's screen in the VM's directory under the base directory (`<id>/screenshot.png`); `vm screenshot <vm> file <file> [size]` saves it to `<file>`. With a size, the image is scaled down so its longer side is at most that many pixels.",
      nsVmTarget,
      'Example:',
      example('vm screenshot web1 file web1.png 800'),
      'Containers give `cannot take screenshot of container`. The word `file` selects the second form, so a size cannot be given as `file`.',
      "In `mm`: a simulated VM has no screen. Checks and errors are minimega's (a bad size first, then the VM, containers, VMs not running); for a running KVM VM the command succeeds and writes nothing.",
    ),
    args: {
      vm: oneVm('The VM'),
      maximum: {
        summary: 'Largest width or height in pixels',
        doc: 'An integer, e.g. `800`.',
        domain: 'int',
      },
      filename: {
        summary: 'PNG file to write',
        doc: 'Example: `web1.png`.',
        domain: 'path',
      },
    },
  },
  {
    id: 'vm migrate',
    group: 'vm',
    category: 'vmtarget',
    patterns: ['vm migrate', 'vm migrate <vm name> <filename>'],
    summary: "Save a KVM VM's running state to a file, or show saves in progress",
    doc: paras(
      '`vm migrate <vm> <file>` writes the running state of a KVM VM to `<file>` in the files directory; a VM launched with `vm config migrate <file>` resumes from it. `vm migrate` shows the saves in progress as `id | name | status | % complete`.',
      nsVmTarget,
      'Example:',
      example('vm migrate web1 web1.migrate', 'vm migrate'),
      'In `mm`: a migration completes at once (`completed`, `100.00`) and its file then exists in the files directory, for a later `vm config migrate`; nothing is written. VMs that never migrated have no row.',
    ),
    args: {
      vm: oneVm('The KVM VM'),
      filename: {
        summary: 'File to write, in the files directory',
        doc: 'Example: `web1.migrate`.',
        domain: 'path',
      },
    },
  },
  {
    id: 'vm cdrom',
    group: 'vm',
    category: 'vmtarget',
    patterns: ['vm cdrom <eject,> <vm name>', 'vm cdrom <change,> <vm name> <path>'],
    summary: "Eject a KVM VM's CD-ROM or insert another ISO image",
    doc: paras(
      '`vm cdrom eject <vm>` ejects the virtual CD-ROM; `vm cdrom change <vm> <iso>` inserts another ISO image.',
      nsVmTarget,
      'Example:',
      example('vm cdrom change web1 tools.iso'),
      'In `mm`: the `cdrom` column of `vm info` shows the inserted image. As in minimega, the disc is forgotten even when the eject fails (a killed VM gives its QMP error).',
    ),
    args: {
      vm: { ...oneVm('The KVM VM'), summary: 'The KVM VM: name, id or UUID, or `all`', doc: 'One VM, e.g. `web1`, or `all`.' },
      path: {
        summary: 'ISO image to insert',
        doc: 'Example: `tools.iso`.',
        domain: 'path',
      },
    },
  },
  {
    id: 'vm tag',
    group: 'vm',
    category: 'vmtarget',
    patterns: ['vm tag <target> [key or all]', 'vm tag <target> <key> <value>'],
    summary: 'Show the tags of VMs, or set a tag',
    doc: paras(
      'Tags are free-form `key` = `value` labels on a VM; they appear as JSON in the `tags` column of `vm info` and can be selected with `.filter tags~...`.',
      '- `vm tag <target>` or `vm tag <target> all` lists every tag as `ID | Tag | Value`.\n- `vm tag <target> <key>` shows one tag as `ID | Value` (empty for VMs without it).\n- `vm tag <target> <key> <value>` sets the tag.',
      "VMs get the tags of `vm config tag` when they are launched; changing a VM's tags later affects only that VM.",
      nsVmTarget,
      'Example:',
      example('vm tag web[1-4] role frontend', 'vm tag all role'),
      'Quirks: a target that matches no VM is silently ignored (no `vm not found`). `all` cannot be used as a key when setting (`cannot assign to wildcard`).',
    ),
    args: {
      target: targetArg,
      key: {
        summary: 'Tag name; `all` (or nothing) shows every tag',
        doc: 'Example: `role`.',
        domain: 'text',
      },
      value: {
        summary: 'Value to give the tag',
        doc: 'Any word; quote it to include spaces. Example: `frontend`.',
        domain: 'text',
      },
    },
  },
  {
    id: 'clear vm tag',
    group: 'vm',
    category: 'vmtarget',
    patterns: ['clear vm tag', 'clear vm tag <target> [tag]'],
    summary: 'Remove the tags of VMs',
    doc: paras(
      '`clear vm tag` removes every tag from every VM (of the active namespace); `clear vm tag <target>` from the targeted VMs.',
      nsVmTarget,
      'Example:',
      example('clear vm tag web[1-4]'),
      '2.3 quirk: `clear vm tag <target> <tag>` ignores `<tag>` and removes all tags of the target, not just that one. A target that matches no VM is silently ignored.',
    ),
    args: {
      target: targetArg,
      tag: {
        summary: 'Meant to name one tag; 2.3 ignores it and removes all tags',
        doc: "Accepted but has no effect: all of the target's tags are removed.",
        domain: 'text',
      },
    },
    quirks: ['`clear vm tag <target> <tag>` removes every tag of the target, not just `<tag>`'],
  },
];
