import type { HandlerSpec } from '../types.js';

/** Handlers of the `vmconfig` family, in minimega 2.3 registration order. */
export const vmconfigHandlers: readonly HandlerSpec[] = [
  {
    id: "vm config",
    group: "vmconfig",
    category: "local",
    patterns: [
      "vm config",
      "vm config <save,> <name>",
      "vm config <restore,> [name]",
      "vm config <clone,> <vm name>",
    ],
    summary: "Prints the whole pending VM configuration, stores or reloads it under a name (listing stored names), or copies the settings of an existing VM.",
    doc: "Prints the whole pending VM configuration, stores or reloads it under a name (listing stored names), or copies the settings of an existing VM.",
    simulated: true,
    args: {
      "name": { summary: "saved-config name", domain: "configName" },
      "vm": { summary: "VM name/ID/UUID to clone from", domain: "vmName" },
    },
  },
  {
    id: "vm config memory",
    group: "vmconfig",
    category: "local",
    patterns: [
      "vm config memory [memory in megabytes]",
    ],
    summary: "Reads or sets guest RAM for VMs launched later.",
    doc: "Reads or sets guest RAM for VMs launched later.",
    simulated: true,
    args: {
      "memory": { summary: "integer megabytes (kept as an unvalidated string; default 2048)", domain: "text" },
    },
  },
  {
    id: "vm config vcpus",
    group: "vmconfig",
    category: "local",
    patterns: [
      "vm config vcpus [number of CPUs]",
    ],
    summary: "Reads or sets the virtual CPU count given to VMs launched afterwards.",
    doc: "Reads or sets the virtual CPU count given to VMs launched afterwards.",
    simulated: true,
    args: {
      "number": { summary: "integer count (unvalidated string; default 1); passed to QEMU -smp", domain: "text" },
    },
  },
  {
    id: "vm config cpu",
    group: "vmconfig",
    category: "local",
    patterns: [
      "vm config cpu [cpu]",
    ],
    summary: "Reads or sets the CPU model QEMU emulates for new KVM VMs.",
    doc: "Reads or sets the CPU model QEMU emulates for new KVM VMs.",
    simulated: true,
    args: {
      "cpu": { summary: "QEMU -cpu model name (see 'kvm -cpu help'); default 'host'" },
    },
  },
  {
    id: "vm config net",
    group: "vmconfig",
    category: "local",
    patterns: [
      "vm config net [netspec]...",
    ],
    summary: "Reads or replaces the ordered list of network interfaces new VMs get.",
    doc: "Reads or replaces the ordered list of network interfaces new VMs get.",
    simulated: true,
    args: {
      "netspec": { summary: "one spec per interface: [bridge,]vlan[,mac][,driver] (1-4 comma fields; 2-3 fields disambiguated by MAC/driver detection); vlan is a number or alias ('ns//alias' for another namespace); default bridge mega_bridge, driver e1000; driver must appear in 'qemu -device help'", domain: "netspec" },
    },
  },
  {
    id: "vm config tag",
    group: "vmconfig",
    category: "local",
    patterns: [
      "vm config tag [key]",
      "vm config tag <key> <value>",
    ],
    summary: "Reads one/all pending tags or sets a tag applied to VMs launched later.",
    doc: "Reads one/all pending tags or sets a tag applied to VMs launched later.",
    simulated: true,
    args: {
      "key": { summary: "tag key", domain: "text" },
      "value": { summary: "tag value" },
    },
  },
  {
    id: "vm config append",
    group: "vmconfig",
    category: "local",
    patterns: [
      "vm config append [arg]...",
    ],
    summary: "Reads or sets the kernel command line used when a KVM VM boots a kernel directly.",
    doc: "Reads or sets the kernel command line used when a KVM VM boots a kernel directly.",
    simulated: true,
    args: {
      "arg": { summary: "words, joined with single spaces" },
    },
  },
  {
    id: "vm config qemu",
    group: "vmconfig",
    category: "local",
    patterns: [
      "vm config qemu [path to qemu]",
    ],
    summary: "Reads or sets which QEMU executable starts KVM VMs.",
    doc: "Reads or sets which QEMU executable starts KVM VMs.",
    simulated: true,
    args: {
      "path": { summary: "binary path; relative ok; empty = 'kvm' from PATH" },
    },
  },
  {
    id: "vm config qemu-override",
    group: "vmconfig",
    category: "local",
    patterns: [
      "vm config qemu-override",
      "vm config qemu-override add <match> <replacement>",
      "vm config qemu-override delete <id or all>",
    ],
    summary: "Lists, adds, or removes literal text substitutions applied to the generated QEMU command line.",
    doc: "Lists, adds, or removes literal text substitutions applied to the generated QEMU command line.",
    simulated: true,
    args: {
      "match": { summary: "substring to find" },
      "replacement": { summary: "substitute text" },
      "id": { summary: "override ID or 'all'" },
    },
  },
  {
    id: "vm config qemu-append",
    group: "vmconfig",
    category: "local",
    patterns: [
      "vm config qemu-append [argument]...",
    ],
    summary: "Reads or sets extra raw QEMU flags tacked onto the end of the generated command line.",
    doc: "Reads or sets extra raw QEMU flags tacked onto the end of the generated command line.",
    simulated: true,
    args: {
      "argument": { summary: "QEMU argument words" },
    },
  },
  {
    id: "vm config migrate",
    group: "vmconfig",
    category: "local",
    patterns: [
      "vm config migrate [path to migration image]",
    ],
    summary: "Reads or sets a saved-state image that new KVM VMs resume from.",
    doc: "Reads or sets a saved-state image that new KVM VMs resume from.",
    simulated: true,
    args: {
      "path": { summary: "file; relative paths resolve under the files dir; missing file only warns" },
    },
  },
  {
    id: "vm config disk",
    group: "vmconfig",
    category: "local",
    patterns: [
      "vm config disk [path to disk image]...",
    ],
    summary: "Reads or replaces which disk image files are attached to KVM VMs launched afterwards.",
    doc: "Reads or replaces which disk image files are attached to KVM VMs launched afterwards.",
    simulated: true,
    args: {
      "path": { summary: "QEMU-readable image paths; sharing one image across VMs requires snapshot=true" },
    },
  },
  {
    id: "vm config cdrom",
    group: "vmconfig",
    category: "local",
    patterns: [
      "vm config cdrom [path to cdrom image]",
    ],
    summary: "Reads or sets an ISO attached as CD-ROM, which then becomes the boot device.",
    doc: "Reads or sets an ISO attached as CD-ROM, which then becomes the boot device.",
    simulated: true,
    args: {
      "path": { summary: "ISO path" },
    },
  },
  {
    id: "vm config kernel",
    group: "vmconfig",
    category: "local",
    patterns: [
      "vm config kernel [path to kernel]",
    ],
    summary: "Reads or sets a kernel image that QEMU boots directly instead of a disk.",
    doc: "Reads or sets a kernel image that QEMU boots directly instead of a disk.",
    simulated: true,
    args: {
      "path": { summary: "kernel image path" },
    },
  },
  {
    id: "vm config initrd",
    group: "vmconfig",
    category: "local",
    patterns: [
      "vm config initrd [path to initrd]",
    ],
    summary: "Reads or sets the initial ramdisk paired with a directly booted kernel.",
    doc: "Reads or sets the initial ramdisk paired with a directly booted kernel.",
    simulated: true,
    args: {
      "path": { summary: "initrd path" },
    },
  },
  {
    id: "vm config uuid",
    group: "vmconfig",
    category: "local",
    patterns: [
      "vm config uuid [uuid]",
    ],
    summary: "Reads or sets a fixed system UUID for new VMs instead of a random one.",
    doc: "Reads or sets a fixed system UUID for new VMs instead of a random one.",
    simulated: true,
    args: {
      "uuid": { summary: "UUID string (not format-checked); only one VM per launch may use a fixed UUID" },
    },
  },
  {
    id: "vm config serial",
    group: "vmconfig",
    category: "local",
    patterns: [
      "vm config serial [number of serial ports]",
    ],
    summary: "Reads or sets how many legacy serial ports new KVM VMs expose as host unix sockets.",
    doc: "Reads or sets how many legacy serial ports new KVM VMs expose as host unix sockets.",
    simulated: true,
    args: {
      "number": { summary: "integer (strconv.Atoi); default 0", domain: "int" },
    },
  },
  {
    id: "vm config virtio-serial",
    group: "vmconfig",
    category: "local",
    patterns: [
      "vm config virtio-serial [number of virtio-serial ports]",
    ],
    summary: "Reads or sets how many virtio-serial ports new KVM VMs expose as host unix sockets.",
    doc: "Reads or sets how many virtio-serial ports new KVM VMs expose as host unix sockets.",
    simulated: true,
    args: {
      "number": { summary: "integer (strconv.Atoi); default 0", domain: "int" },
    },
  },
  {
    id: "vm config snapshot",
    group: "vmconfig",
    category: "local",
    patterns: [
      "vm config snapshot [true,false]",
    ],
    summary: "Reads or sets whether disk (or container filesystem) writes are thrown away, allowing one image to back many VMs.",
    doc: "Reads or sets whether disk (or container filesystem) writes are thrown away, allowing one image to back many VMs.",
    simulated: true,
    args: {
      "true": { summary: "boolean choice; omit to print current value; default true" },
      "false": { summary: "boolean choice; omit to print current value; default true" },
    },
  },
  {
    id: "vm config hostname",
    group: "vmconfig",
    category: "local",
    patterns: [
      "vm config hostname [hostname]",
    ],
    summary: "Reads or sets the hostname that containers launched afterwards will report.",
    doc: "Reads or sets the hostname that containers launched afterwards will report.",
    simulated: true,
    args: {
      "hostname": { summary: "host name string" },
    },
  },
  {
    id: "vm config init",
    group: "vmconfig",
    category: "local",
    patterns: [
      "vm config init [init]...",
    ],
    summary: "Reads or sets the program and arguments a container runs as PID 1.",
    doc: "Reads or sets the program and arguments a container runs as PID 1.",
    simulated: true,
    args: {
      "init": { summary: "program path (inside container) and args; default /init" },
    },
  },
  {
    id: "vm config preinit",
    group: "vmconfig",
    category: "local",
    patterns: [
      "vm config preinit [preinit]",
    ],
    summary: "Reads or sets a program run with host-level privileges before a container is locked down.",
    doc: "Reads or sets a program run with host-level privileges before a container is locked down.",
    simulated: true,
    args: {
      "preinit": { summary: "program path" },
    },
  },
  {
    id: "vm config filesystem",
    group: "vmconfig",
    category: "local",
    patterns: [
      "vm config filesystem [filesystem]",
    ],
    summary: "Reads or sets the directory used as a container's root filesystem (mandatory for containers).",
    doc: "Reads or sets the directory used as a container's root filesystem (mandatory for containers).",
    simulated: true,
    args: {
      "filesystem": { summary: "host directory holding a Linux root fs" },
    },
  },
  {
    id: "vm config fifo",
    group: "vmconfig",
    category: "local",
    patterns: [
      "vm config fifo [number]",
    ],
    summary: "Reads or sets how many named pipes link a new container to the host.",
    doc: "Reads or sets how many named pipes link a new container to the host.",
    simulated: true,
    args: {
      "number": { summary: "integer (strconv.Atoi); default 0", domain: "int" },
    },
  },
  {
    id: "clear vm config",
    group: "vmconfig",
    category: "local",
    patterns: [
      "clear vm config",
      "clear vm config <cpu,>",
      "clear vm config <memory,>",
      "clear vm config <net,>",
      "clear vm config <vcpus,>",
      "clear vm config <append,>",
      "clear vm config <cdrom,>",
      "clear vm config <migrate,>",
      "clear vm config <disk,>",
      "clear vm config <initrd,>",
      "clear vm config <kernel,>",
      "clear vm config <qemu,>",
      "clear vm config <qemu-append,>",
      "clear vm config <qemu-override,>",
      "clear vm config <snapshot,>",
      "clear vm config <uuid,>",
      "clear vm config <serial,>",
      "clear vm config <virtio-serial,>",
      "clear vm config <hostname,>",
      "clear vm config <filesystem,>",
      "clear vm config <init,>",
      "clear vm config <preinit,>",
    ],
    summary: "Restores one named field of the pending VM config, or all of it, to defaults.",
    doc: "Restores one named field of the pending VM config, or all of it, to defaults.",
    simulated: true,
    args: {
    },
    quirks: [
      "one pattern per field using single-option choices so the field name arrives in BoolArgs",
      "no <fifo,> or <tag,> choice exists (tags: see 'clear vm config tag'; bare 'clear vm config' resets tags too)",
      "handler also tests BoolArgs['kvm'] / ['container'] which no pattern can set (dead code)",
    ],
  },
  {
    id: "clear vm config tag",
    group: "vmconfig",
    category: "local",
    patterns: [
      "clear vm config tag [key]",
    ],
    summary: "Deletes one tag, or every tag, from the pending VM config.",
    doc: "Deletes one tag, or every tag, from the pending VM config.",
    simulated: true,
    args: {
      "key": { summary: "tag key; omit or 'all' for every tag" },
    },
  },
];
