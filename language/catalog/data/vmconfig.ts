import type { ArgSpec, HandlerSpec } from '../types.js';
import { example, paras } from './doc-text.js';

const nsConfig =
  'Namespaces: runs only on this node, even when a namespace is active. There is one `vm config` per node, shared by all namespaces; with a namespace active, `vm launch` takes a copy of it when the request is queued.';

/** The usual "no value prints, a value sets" paragraph of a `vm config` field. */
function readOrSet(field: string, what: string, def: string): string {
  return `\`vm config ${field}\` prints ${what}; \`vm config ${field} <value>\` sets it for the VMs launched afterwards. Default: ${def}.`;
}

const pathArg = (what: string, ex: string): ArgSpec => ({
  summary: what,
  doc: `Example: \`${ex}\`. Omit it to print the current value.`,
  domain: 'path',
});

/** Handlers of the `vmconfig` family, in minimega 2.3 registration order. */
export const vmconfigHandlers: readonly HandlerSpec[] = [
  {
    id: 'vm config',
    group: 'vmconfig',
    category: 'local',
    role: 'config',
    patterns: ['vm config', 'vm config <save,> <name>', 'vm config <restore,> [name]', 'vm config <clone,> <vm name>'],
    summary: 'Show the VM configuration, save or restore it by name, or copy it from a VM',
    doc: paras(
      '`vm config` holds the settings that `vm launch` gives to new VMs (memory, networks, disks, ...). Each setting has its own `vm config <field>` command; `clear vm config` resets them.',
      '- `vm config` prints the whole configuration in three blocks: common settings, KVM settings and container settings.\n- `vm config save <name>` stores a copy under a name; saving again under the same name overwrites it.\n- `vm config restore <name>` loads a stored copy (``config <name> does not exist`` otherwise); `vm config restore` lists the stored names, one per line, or answers `no vm configs saved`.\n- `vm config clone <vm>` copies the configuration of an existing VM (name, id or UUID).',
      nsConfig + ' Stored configurations are shared by all namespaces too.',
      'Example:',
      example('vm config memory 4096', 'vm config net web db', 'vm config save webserver', 'clear vm config', 'vm config restore webserver'),
      "Quirks: the full view does not show the `cpu` setting (use `vm config cpu`). `vm config clone` also copies the VM's UUID, so the next launch fails with `duplicate VM UUID: <uuid>` unless you run `clear vm config uuid` first.",
    ),
    args: {
      name: {
        summary: 'Name of a stored configuration',
        doc: 'Any word, e.g. `webserver`. For `restore`, omit it to list the stored names.',
        domain: 'configName',
      },
      vm: {
        summary: 'VM to copy the configuration from: name, id or UUID',
        doc: 'A VM of the active namespace on this node, e.g. `web1`.',
        domain: 'vmName',
      },
    },
    quirks: [
      '`vm config` (the full view) does not show `cpu`',
      "`vm config clone` copies the VM's UUID too, so the next launch fails with `duplicate VM UUID` unless you clear it",
    ],
  },
  {
    id: 'vm config memory',
    group: 'vmconfig',
    category: 'local',
    patterns: ['vm config memory [memory in megabytes]'],
    summary: 'Show or set the memory of new VMs, in megabytes',
    doc: paras(
      readOrSet('memory', 'the memory in megabytes', '`2048`'),
      nsConfig,
      'Example:',
      example('vm config memory 4096'),
      'Quirk: the value is not checked when you set it (`vm config memory lots` is accepted); a bad value only fails when a VM is launched.',
    ),
    args: {
      memory: {
        summary: 'Memory in megabytes; default 2048',
        doc: 'An integer, e.g. `4096`. Not checked until launch.',
        domain: 'uint',
        rejected: 'at-launch',
      },
    },
  },
  {
    id: 'vm config vcpus',
    group: 'vmconfig',
    category: 'local',
    patterns: ['vm config vcpus [number of CPUs]'],
    summary: 'Show or set the number of virtual CPUs of new VMs',
    doc: paras(
      readOrSet('vcpus', 'the number of virtual CPUs', '`1`'),
      'Containers ignore this setting in 2.3.',
      nsConfig,
      'Example:',
      example('vm config vcpus 2'),
      'Quirk: the value is not checked when you set it (`vm config vcpus many` is accepted).',
    ),
    args: {
      number: {
        summary: 'Number of virtual CPUs; default 1',
        doc: 'An integer, e.g. `2`. Not checked until launch.',
        domain: 'uint',
        rejected: 'at-launch',
      },
    },
  },
  {
    id: 'vm config cpu',
    group: 'vmconfig',
    category: 'local',
    patterns: ['vm config cpu [cpu]'],
    summary: 'Show or set the CPU model QEMU emulates for new KVM VMs',
    doc: paras(
      readOrSet('cpu', 'the CPU model', "`host` (the host's own CPU)"),
      'Any model QEMU knows can be given (`kvm -cpu help` lists them); it only applies to KVM VMs.',
      nsConfig,
      'Example:',
      example('vm config cpu Haswell'),
      'Quirk: the full `vm config` view does not show this setting.',
    ),
    args: {
      cpu: {
        summary: 'QEMU CPU model; default `host`',
        doc: 'Example: `host`, `qemu64` or `Haswell`.',
      },
    },
  },
  {
    id: 'vm config net',
    group: 'vmconfig',
    category: 'local',
    patterns: ['vm config net [netspec]...'],
    summary: 'Show or set the network interfaces of new VMs',
    doc: paras(
      '`vm config net` prints the interfaces, e.g. `[mega_bridge,100 mega_bridge,web (102)]`. `vm config net <spec>...` replaces the whole list with one interface per spec, in order; `clear vm config net` removes them all.',
      "A spec has one to four comma-separated fields: `vlan`, `vlan,mac`, `vlan,driver`, `bridge,vlan`, `bridge,vlan,mac`, `vlan,mac,driver`, `bridge,vlan,driver` or `bridge,vlan,mac,driver`. The VLAN is a number (0 to 4095) or an alias such as `web`, which gets a VLAN number the first time it is used (see `vlans`); `other//web` uses namespace `other`'s alias. The bridge defaults to `mega_bridge`, the driver to `e1000`, and interfaces without a MAC get a generated one at launch.",
      'Drivers `mm` accepts: e1000, e1000e, i82550, i82551, i82557a, i82557b, i82557c, i82558a, i82558b, i82559a, i82559b, i82559c, i82559er, i82562, i82801, ne2k_pci, pcnet, rtl8139, virtio-net-pci, vmxnet3, usb-net.',
      nsConfig + ' New aliases are created in the active namespace and announced to the other nodes.',
      'Examples:',
      example('vm config net 100', 'vm config net web db,virtio-net-pci', 'vm config net mybr,100,00:11:22:33:44:55'),
      'Errors: `malformed netspec` (more than four fields), `malformed netspec, invalid driver: <d>`, `malformed netspec, invalid mac address: <m>`, `invalid VLAN (0 <= vlan < 4096)`.',
      'Quirks: the list is emptied before the specs are read, so when one spec is wrong the earlier ones stay and the later ones are lost (an error in the first leaves no interfaces). A three-field spec whose last field is not a MAC is read as `bridge,vlan,driver`, so `100,notamac,e1000` means bridge `100` with a new alias `notamac`. The driver is never shown, MAC addresses are shown in lower case, and a numeric VLAN is blacklisted for alias allocation as soon as it is used.',
    ),
    args: {
      netspec: {
        summary: 'One interface: `[bridge,]vlan[,mac][,driver]`',
        doc: 'Examples: `100`, `web`, `100,virtio-net-pci`, `mybr,100`, `mybr,100,00:11:22:33:44:55,e1000`. The VLAN is a number or an alias; the bridge defaults to `mega_bridge` and the driver to `e1000`.',
        domain: 'netspec',
      },
    },
    quirks: [
      'Three fields without a MAC are read as `bridge,vlan,driver`: `100,notamac,e1000` gives bridge `100` and a new alias `notamac`',
      'The list is emptied before parsing: a wrong spec keeps the specs before it and drops the rest',
    ],
  },
  {
    id: 'vm config tag',
    group: 'vmconfig',
    category: 'local',
    patterns: ['vm config tag [key]', 'vm config tag <key> <value>'],
    summary: 'Show or set the tags new VMs start with',
    doc: paras(
      '`vm config tag` prints all tags as JSON (`{}` when there are none); `vm config tag <key>` prints one value; `vm config tag <key> <value>` sets a tag. Each VM gets its own copy of these tags at launch; change them later with `vm tag`. `clear vm config tag` removes them.',
      nsConfig,
      'Example:',
      example('vm config tag role frontend'),
    ),
    args: {
      key: {
        summary: 'Tag name',
        doc: 'Example: `role`. Omit it to print all tags.',
        domain: 'text',
      },
      value: {
        summary: 'Value of the tag',
        doc: 'Any word; quote it to include spaces. Example: `frontend`.',
        domain: 'text',
      },
    },
  },
  {
    id: 'vm config append',
    group: 'vmconfig',
    category: 'local',
    patterns: ['vm config append [arg]...'],
    summary: 'Show or set the kernel command line of KVM VMs that boot a kernel directly',
    doc: paras(
      readOrSet('append', 'the kernel command line', 'empty'),
      'The words are joined with single spaces. It only matters together with `vm config kernel`.',
      nsConfig,
      'Example:',
      example('vm config kernel vmlinuz', 'vm config append console=ttyS0 root=/dev/sda1'),
    ),
    args: {
      arg: {
        summary: 'Kernel command-line words',
        doc: 'Example: `console=ttyS0 root=/dev/sda1`.',
        domain: 'text',
      },
    },
  },
  {
    id: 'vm config qemu',
    group: 'vmconfig',
    category: 'local',
    patterns: ['vm config qemu [path to qemu]'],
    summary: 'Show or set the QEMU program that runs KVM VMs',
    doc: paras(
      readOrSet('qemu', 'the QEMU program', 'empty, which means `kvm` from the `PATH`'),
      nsConfig + " The path travels with queued launches to the namespace's hosts.",
      'Example:',
      example('vm config qemu /usr/bin/qemu-system-x86_64'),
      'A QEMU that cannot be started makes the launch fail with `start qemu: fork/exec <path>: no such file or directory` and leaves the VM in `ERROR`, with the error in its `error` tag; a bare name is not looked up in the `PATH`. In `mm` the default QEMU always starts, and so does an absolute path to a program named `kvm`, `qemu-kvm` or `qemu-system-*`; any other path fails as described.',
    ),
    args: {
      path: pathArg('Path of the QEMU program', '/usr/bin/qemu-system-x86_64'),
    },
  },
  {
    id: 'vm config qemu-override',
    group: 'vmconfig',
    category: 'local',
    patterns: ['vm config qemu-override', 'vm config qemu-override add <match> <replacement>', 'vm config qemu-override delete <id or all>'],
    summary: 'List, add or delete text replacements applied to the QEMU command line',
    doc: paras(
      'An override replaces a piece of text in the QEMU command line minimega builds for a KVM VM, for options that `vm config` does not cover.',
      '- `vm config qemu-override` lists the overrides (`id`, `match`, `replacement`) and shows an example command line before and after applying them.\n- `vm config qemu-override add <match> <replacement>` adds one.\n- `vm config qemu-override delete <id>` deletes one, `vm config qemu-override delete all` every one.',
      nsConfig + ' Overrides are kept apart from the rest of the configuration: `vm config save` does not store them.',
      'Example:',
      example('vm config qemu-override add "-vga cirrus" "-vga std"', 'vm config qemu-override'),
      'Errors: a non-numeric id gives `invalid id <id>`; an unknown numeric id is silently ignored.',
      "The listing builds the command line from the current `vm config` as for VM `0` (bare file names instead of the VM's directory, empty tap names). Overrides are plain text replacements over that whole line, applied in id order; ids come from a counter that nothing resets. In `mm` the listing is minimega's, byte for byte; an empty match, which makes minimega exit, is refused.",
    ),
    args: {
      match: {
        summary: 'Text to look for in the QEMU command line',
        doc: 'Quote it when it contains spaces, e.g. `"-vga std"`.',
      },
      replacement: {
        summary: 'Text to put in its place',
        doc: 'Quote it when it contains spaces, e.g. `"-vga cirrus"`.',
      },
      id: {
        summary: 'Override id as listed, or `all`',
        doc: 'An integer id, e.g. `0`, or `all`.',
      },
    },
  },
  {
    id: 'vm config qemu-append',
    group: 'vmconfig',
    category: 'local',
    patterns: ['vm config qemu-append [argument]...'],
    summary: 'Show or set extra arguments added to the end of the QEMU command line',
    doc: paras(
      readOrSet('qemu-append', 'the extra arguments, e.g. `[-usb -usbdevice tablet]`', 'none'),
      'They are added to the command line of KVM VMs as they are.',
      nsConfig,
      'Example:',
      example('vm config qemu-append -usb -usbdevice tablet'),
    ),
    args: {
      argument: {
        summary: 'QEMU command-line arguments',
        doc: 'Example: `-usb -usbdevice tablet`.',
        domain: 'text',
      },
    },
  },
  {
    id: 'vm config migrate',
    group: 'vmconfig',
    category: 'local',
    patterns: ['vm config migrate [path to migration image]'],
    summary: 'Show or set a saved VM state that new KVM VMs resume from',
    doc: paras(
      readOrSet('migrate', 'the state file', 'none'),
      "The file is one written by `vm migrate`. A relative path is taken from the files directory and printed in full (with minimega's default files directory, `vm config migrate web1.migrate` shows `/tmp/minimega/files/web1.migrate`); a file that does not exist only causes a warning.",
      nsConfig,
      'Example:',
      example('vm config migrate web1.migrate'),
    ),
    args: {
      path: pathArg('State file written by `vm migrate`; relative paths are in the files directory', 'web1.migrate'),
    },
  },
  {
    id: 'vm config disk',
    group: 'vmconfig',
    category: 'local',
    patterns: ['vm config disk [path to disk image]...'],
    summary: 'Show or set the disk images of new KVM VMs',
    doc: paras(
      '`vm config disk` prints the disk images, e.g. `[base.qcow2 data.qcow2]`; `vm config disk <image>...` replaces the list for the VMs launched afterwards. Default: none.',
      'Several VMs can share an image only while `vm config snapshot` is `true` for all of them; otherwise the launch fails with `disk conflict with vm <name>: <disk>`.',
      nsConfig,
      'Example:',
      example('vm config disk base.qcow2'),
    ),
    args: {
      path: pathArg('Disk image files, in order', 'base.qcow2'),
    },
  },
  {
    id: 'vm config cdrom',
    group: 'vmconfig',
    category: 'local',
    patterns: ['vm config cdrom [path to cdrom image]'],
    summary: 'Show or set an ISO image for the CD-ROM of new KVM VMs',
    doc: paras(
      readOrSet('cdrom', 'the ISO image', 'none'),
      'When a CD-ROM is set, the VM boots from it. Change it on a running VM with `vm cdrom`.',
      nsConfig,
      'Example:',
      example('vm config cdrom ubuntu.iso'),
    ),
    args: {
      path: pathArg('ISO image file', 'ubuntu.iso'),
    },
  },
  {
    id: 'vm config kernel',
    group: 'vmconfig',
    category: 'local',
    patterns: ['vm config kernel [path to kernel]'],
    summary: 'Show or set a kernel that new KVM VMs boot directly',
    doc: paras(
      readOrSet('kernel', 'the kernel image', 'none'),
      'QEMU then boots this kernel directly instead of booting from a disk; combine it with `vm config initrd` and `vm config append`.',
      nsConfig,
      'Example:',
      example('vm config kernel vmlinuz', 'vm config initrd initrd.img'),
    ),
    args: {
      path: pathArg('Kernel image file', 'vmlinuz'),
    },
  },
  {
    id: 'vm config initrd',
    group: 'vmconfig',
    category: 'local',
    patterns: ['vm config initrd [path to initrd]'],
    summary: 'Show or set the initial ramdisk for a directly booted kernel',
    doc: paras(
      readOrSet('initrd', 'the initial ramdisk', 'none'),
      'It is used together with `vm config kernel`.',
      nsConfig,
      'Example:',
      example('vm config initrd initrd.img'),
      'Watch out: `clear vm config init` clears this setting, not `init` (see `clear vm config`).',
    ),
    args: {
      path: pathArg('Initial ramdisk file', 'initrd.img'),
    },
  },
  {
    id: 'vm config uuid',
    group: 'vmconfig',
    category: 'local',
    patterns: ['vm config uuid [uuid]'],
    summary: 'Show or set a fixed UUID for the next VM instead of a generated one',
    doc: paras(
      readOrSet('uuid', 'the fixed UUID', 'none: every VM gets a generated UUID'),
      'With a fixed UUID only one VM can be launched at a time (`cannot launch multiple VMs with a pre-configured UUID`), and a second VM with the same UUID in the same namespace fails with `duplicate VM UUID: <uuid>`. Run `clear vm config uuid` to go back to generated UUIDs.',
      nsConfig,
      'Example:',
      example('vm config uuid 0b5a7a62-5e4e-4b8f-9d4f-6f1c1d2e3f40'),
      'Quirks: the value is not checked (`vm config uuid not-a-uuid` is accepted). Inside a namespace the UUID is only checked on each host, so `vm launch kvm u[1-2]` spread over two hosts gives two VMs with the same UUID.',
    ),
    args: {
      uuid: {
        summary: 'UUID for the next VM',
        doc: 'Example: `0b5a7a62-5e4e-4b8f-9d4f-6f1c1d2e3f40`. Not checked.',
        domain: 'text',
      },
    },
  },
  {
    id: 'vm config serial',
    group: 'vmconfig',
    category: 'local',
    patterns: ['vm config serial [number of serial ports]'],
    summary: 'Show or set how many serial ports new KVM VMs get',
    doc: paras(
      readOrSet('serial', 'the number of serial ports', '`0`'),
      'Each port is made available on the host as a unix socket.',
      nsConfig,
      'Example:',
      example('vm config serial 1'),
      'A value that is not an integer fails with `strconv.Atoi: parsing "<value>": invalid syntax`; negative numbers are accepted and act like 0.',
    ),
    args: {
      number: {
        summary: 'Number of serial ports; default 0',
        doc: 'An integer, e.g. `1`.',
        domain: 'int',
      },
    },
  },
  {
    id: 'vm config virtio-serial',
    group: 'vmconfig',
    category: 'local',
    patterns: ['vm config virtio-serial [number of virtio-serial ports]'],
    summary: 'Show or set how many virtio-serial ports new KVM VMs get',
    doc: paras(
      readOrSet('virtio-serial', 'the number of virtio-serial ports', '`0`'),
      'Each port is made available on the host as a unix socket.',
      nsConfig,
      'Example:',
      example('vm config virtio-serial 1'),
      'A value that is not an integer fails with `strconv.Atoi: parsing "<value>": invalid syntax`.',
    ),
    args: {
      number: {
        summary: 'Number of virtio-serial ports; default 0',
        doc: 'An integer, e.g. `1`.',
        domain: 'int',
      },
    },
  },
  {
    id: 'vm config snapshot',
    group: 'vmconfig',
    category: 'local',
    patterns: ['vm config snapshot [true,false]'],
    summary: 'Show or set whether new VMs throw away their disk changes',
    doc: paras(
      readOrSet('snapshot', '`true` or `false`', '`true`'),
      "With `true`, the VM's writes to its disk images (or to a container's filesystem) are thrown away instead of changing the image, so one image can back many VMs. With `false` the VM writes to the image itself, and no other VM may use that image at the same time (`disk conflict with vm <name>: <disk>`, or `filesystem conflict ...` for containers).",
      nsConfig,
      'Example:',
      example('vm config snapshot false'),
    ),
    args: {
      true: {
        summary: 'Throw disk changes away (the default)',
        doc: 'Lets many VMs share one image.',
      },
      false: {
        summary: 'Write changes to the image itself',
        doc: 'Only one VM may then use the image.',
      },
    },
  },
  {
    id: 'vm config hostname',
    group: 'vmconfig',
    category: 'local',
    patterns: ['vm config hostname [hostname]'],
    summary: 'Show or set the hostname of new containers',
    doc: paras(
      readOrSet('hostname', 'the hostname', 'empty, which gives each container its VM name'),
      'Only containers use it; KVM VMs show `N/A` in the `hostname` column of `vm info`.',
      nsConfig,
      'Example:',
      example('vm config hostname router'),
    ),
    args: {
      hostname: {
        summary: 'Hostname for the containers',
        doc: 'Example: `router`.',
        domain: 'text',
      },
    },
  },
  {
    id: 'vm config init',
    group: 'vmconfig',
    category: 'local',
    patterns: ['vm config init [init]...'],
    summary: 'Show or set the program new containers run first (process 1)',
    doc: paras(
      readOrSet('init', 'the program and its arguments, e.g. `[/init]`', '`/init`'),
      "The program path is inside the container's filesystem.",
      nsConfig,
      'Example:',
      example('vm config init /sbin/init'),
      'Watch out: `clear vm config init` does not reset this setting, it clears `initrd`; only `clear vm config` (everything) sets init back to `/init`.',
    ),
    args: {
      init: {
        summary: 'Program inside the container, then its arguments',
        doc: 'Example: `/sbin/init`. Default `/init`.',
        domain: 'text',
      },
    },
  },
  {
    id: 'vm config preinit',
    group: 'vmconfig',
    category: 'local',
    patterns: ['vm config preinit [preinit]'],
    summary: 'Show or set a program run with host privileges before a container starts',
    doc: paras(
      readOrSet('preinit', 'the program', 'none'),
      "The program runs with the host's privileges before the container is locked down, for setup that needs them.",
      nsConfig,
      'Example:',
      example('vm config preinit /preinit'),
    ),
    args: {
      preinit: {
        summary: 'Program to run before the container is locked down',
        doc: 'Example: `/preinit`.',
        domain: 'text',
      },
    },
  },
  {
    id: 'vm config filesystem',
    group: 'vmconfig',
    category: 'local',
    patterns: ['vm config filesystem [filesystem]'],
    summary: 'Show or set the root filesystem directory of new containers (required)',
    doc: paras(
      readOrSet('filesystem', 'the directory', 'none'),
      'Containers cannot be launched without it: `vm launch container ...` then fails with `unable to create container without a configured filesystem`. Several containers can share a filesystem only while `vm config snapshot` is `true`.',
      nsConfig,
      'Example:',
      example('vm config filesystem /images/containerfs', 'vm launch container c[1-3]'),
    ),
    args: {
      filesystem: {
        summary: "Host directory with the container's root filesystem",
        doc: 'Example: `/images/containerfs`.',
        domain: 'path',
      },
    },
  },
  {
    id: 'vm config fifo',
    group: 'vmconfig',
    category: 'local',
    patterns: ['vm config fifo [number]'],
    summary: 'Show or set how many named pipes connect new containers to the host',
    doc: paras(
      readOrSet('fifo', 'the number of pipes', '`0`'),
      nsConfig,
      'Example:',
      example('vm config fifo 1'),
      'A value that is not an integer fails with `strconv.Atoi: parsing "<value>": invalid syntax`. There is no `clear vm config fifo` in 2.3; use `vm config fifo 0`.',
    ),
    args: {
      number: {
        summary: 'Number of named pipes; default 0',
        doc: 'An integer, e.g. `1`.',
        domain: 'int',
      },
    },
  },
  {
    id: 'clear vm config',
    group: 'vmconfig',
    category: 'local',
    patterns: [
      'clear vm config',
      'clear vm config <cpu,>',
      'clear vm config <memory,>',
      'clear vm config <net,>',
      'clear vm config <vcpus,>',
      'clear vm config <append,>',
      'clear vm config <cdrom,>',
      'clear vm config <migrate,>',
      'clear vm config <disk,>',
      'clear vm config <initrd,>',
      'clear vm config <kernel,>',
      'clear vm config <qemu,>',
      'clear vm config <qemu-append,>',
      'clear vm config <qemu-override,>',
      'clear vm config <snapshot,>',
      'clear vm config <uuid,>',
      'clear vm config <serial,>',
      'clear vm config <virtio-serial,>',
      'clear vm config <hostname,>',
      'clear vm config <filesystem,>',
      'clear vm config <init,>',
      'clear vm config <preinit,>',
    ],
    summary: 'Reset the VM configuration to its defaults, or one field of it',
    doc: paras(
      '`clear vm config` resets every setting to its default, including the networks, the tags and the QEMU overrides; stored configurations (`vm config save`) are kept. `clear vm config <field>` resets one field: cpu, memory, net, vcpus, append, cdrom, migrate, disk, initrd, kernel, qemu, qemu-append, qemu-override, snapshot, uuid, serial, virtio-serial, hostname, filesystem or preinit.',
      nsConfig,
      'Example:',
      example('clear vm config net'),
      '2.3 quirks: `clear vm config init` clears `initrd`, not `init`, because the abbreviation matches the `initrd` form first; the `init` form cannot be reached, so only `clear vm config` resets init to `/init`. There is no form for `fifo` (use `vm config fifo 0`) and tags have their own command, `clear vm config tag`.',
    ),
    args: {},
    quirks: [
      '`clear vm config init` clears `initrd`, not `init`; only `clear vm config` resets init',
      'There is no `clear vm config fifo`; use `vm config fifo 0`',
    ],
  },
  {
    id: 'clear vm config tag',
    group: 'vmconfig',
    category: 'local',
    patterns: ['clear vm config tag [key]'],
    summary: 'Remove one tag, or all tags, from the VM configuration',
    doc: paras(
      '`clear vm config tag <key>` removes one tag from `vm config tag`; `clear vm config tag` or `clear vm config tag all` removes every tag. VMs already launched keep their tags.',
      nsConfig,
      'Example:',
      example('clear vm config tag role'),
    ),
    args: {
      key: {
        summary: 'Tag to remove; omit or `all` for every tag',
        doc: 'Example: `role`.',
        domain: 'text',
      },
    },
  },
];
