import type { HandlerSpec } from '../types.js';

/** Handlers of the `vm` family, in minimega 2.3 registration order. */
export const vmHandlers: readonly HandlerSpec[] = [
  {
    id: "vm info",
    group: "vm",
    category: "broadcast",
    patterns: [
      "vm info [summary,]",
    ],
    summary: "Produces a table of VM properties from all namespace hosts, optionally limited to the summary columns.",
    doc: "Produces a table of VM properties from all namespace hosts, optionally limited to the summary columns.",
    simulated: true,
    args: {
      "summary": { summary: "only id,name,state,namespace,type,uuid,cc_active,vlan" },
    },
  },
  {
    id: "vm launch",
    group: "vm",
    category: "special",
    patterns: [
      "vm launch",
      "vm launch <kvm,> <name or count> [noblock,]",
      "vm launch <container,> <name or count> [noblock,]",
    ],
    summary: "Instantiates KVM or container VMs from the pending vm config, by count or by name/range; with a namespace active, requests are queued and a bare 'vm launch' schedules them across the namespace hosts.",
    doc: "Instantiates KVM or container VMs from the pending vm config, by count or by name/range; with a namespace active, requests are queued and a bare 'vm launch' schedules them across the namespace hosts.",
    simulated: true,
    args: {
      "name": { summary: "positive integer count, a single name, or a list/range like foo[0-9]; names may not be integers or 'all' and must be unique", domain: "vmNames" },
      "noblock": { summary: "return before launch errors are collected; ignored when a namespace is active" },
    },
  },
  {
    id: "vm kill",
    group: "vm",
    category: "vmtarget",
    patterns: [
      "vm kill <target>",
    ],
    summary: "Terminates the targeted VMs.",
    doc: "Terminates the targeted VMs.",
    simulated: true,
    args: {
      "target": { summary: "VM target: name, numeric ID, comma list, range expr like foo[0-3,5], or 'all' (ranges.SplitList)", domain: "vmTarget" },
    },
  },
  {
    id: "vm start",
    group: "vm",
    category: "vmtarget",
    patterns: [
      "vm start <target>",
    ],
    summary: "Boots or resumes the targeted VMs that are building or paused (explicitly named quit/error VMs are restarted too).",
    doc: "Boots or resumes the targeted VMs that are building or paused (explicitly named quit/error VMs are restarted too).",
    simulated: true,
    args: {
      "target": { summary: "VM target: name, numeric ID, comma list, range expr like foo[0-3,5], or 'all' (ranges.SplitList); the wildcard only starts building/paused VMs", domain: "vmTarget" },
    },
  },
  {
    id: "vm stop",
    group: "vm",
    category: "vmtarget",
    patterns: [
      "vm stop <target>",
    ],
    summary: "Pauses the targeted running VMs.",
    doc: "Pauses the targeted running VMs.",
    simulated: true,
    args: {
      "target": { summary: "VM target: name, numeric ID, comma list, range expr like foo[0-3,5], or 'all' (ranges.SplitList)", domain: "vmTarget" },
    },
  },
  {
    id: "vm flush",
    group: "vm",
    category: "broadcast",
    patterns: [
      "vm flush",
    ],
    summary: "Purges VMs in the quit or error state from the VM list on every namespace host, freeing their names.",
    doc: "Purges VMs in the quit or error state from the VM list on every namespace host, freeing their names.",
    simulated: true,
    args: {
    },
  },
  {
    id: "vm hotplug",
    group: "vm",
    category: "vmtarget",
    patterns: [
      "vm hotplug <show,> <vm name>",
      "vm hotplug <add,> <vm name> <filename>",
      "vm hotplug <remove,> <vm name> <disk id or all>",
    ],
    summary: "Lists, attaches, or detaches USB disk images on a running KVM VM.",
    doc: "Lists, attaches, or detaches USB disk images on a running KVM VM.",
    simulated: false,
    args: {
      "vm": { summary: "one KVM VM name/ID/UUID", domain: "vmName" },
      "filename": { summary: "image path" },
      "disk": { summary: "hotplug ID (integer) or 'all'" },
    },
  },
  {
    id: "vm net",
    group: "vm",
    category: "local",
    patterns: [
      "vm net <connect,> <vm name> <tap position> <bridge> <vlan>",
      "vm net <disconnect,> <vm name> <tap position>",
    ],
    summary: "Moves an existing VM interface to another bridge/VLAN or unplugs it.",
    doc: "Moves an existing VM interface to another bridge/VLAN or unplugs it.",
    simulated: true,
    args: {
      "vm": { summary: "VM name/ID/UUID", domain: "vmName" },
      "tap": { summary: "0-based interface position", domain: "int" },
      "bridge": { summary: "bridge name", domain: "bridge" },
      "vlan": { summary: "VLAN number or alias", domain: "vlan" },
    },
    quirks: [
      "argument order is <bridge> then <vlan> (3.x swapped to <vlan> [bridge])",
    ],
  },
  {
    id: "vm qmp",
    group: "vm",
    category: "vmtarget",
    patterns: [
      "vm qmp <vm name> <qmp command>",
    ],
    summary: "Passes a raw JSON QMP request to a KVM VM and returns QEMU's JSON reply.",
    doc: "Passes a raw JSON QMP request to a KVM VM and returns QEMU's JSON reply.",
    simulated: false,
    args: {
      "vm": { summary: "KVM VM name/ID/UUID", domain: "vmName" },
      "qmp": { summary: "one JSON object as a single (quoted) argument, e.g. '{ \"execute\": \"query-status\" }'" },
    },
  },
  {
    id: "vm screenshot",
    group: "vm",
    category: "vmtarget",
    patterns: [
      "vm screenshot <vm name> [maximum dimension]",
      "vm screenshot <vm name> file <filename> [maximum dimension]",
    ],
    summary: "Saves a PNG of a VM's screen (default <base>/<id>/screenshot.png or a given file), optionally downscaled.",
    doc: "Saves a PNG of a VM's screen (default <base>/<id>/screenshot.png or a given file), optionally downscaled.",
    simulated: false,
    args: {
      "vm": { summary: "VM name/ID/UUID", domain: "vmName" },
      "maximum": { summary: "integer pixels for the longer side", domain: "int" },
      "filename": { summary: "output path" },
    },
    quirks: [
      "the literal 'file' switches to the 4-item form; otherwise the 2nd arg is the dimension",
    ],
  },
  {
    id: "vm migrate",
    group: "vm",
    category: "vmtarget",
    patterns: [
      "vm migrate",
      "vm migrate <vm name> <filename>",
    ],
    summary: "Shows migrations in progress or dumps a KVM VM's runtime state to a migration file.",
    doc: "Shows migrations in progress or dumps a KVM VM's runtime state to a migration file.",
    simulated: false,
    args: {
      "vm": { summary: "KVM VM name/ID/UUID", domain: "vmName" },
      "filename": { summary: "file name, joined under the files dir" },
    },
  },
  {
    id: "vm cdrom",
    group: "vm",
    category: "vmtarget",
    patterns: [
      "vm cdrom <eject,> <vm name>",
      "vm cdrom <change,> <vm name> <path>",
    ],
    summary: "Ejects the CD-ROM of a KVM VM or swaps in a different ISO.",
    doc: "Ejects the CD-ROM of a KVM VM or swaps in a different ISO.",
    simulated: false,
    args: {
      "vm": { summary: "KVM VM name/ID/UUID or 'all'", domain: "vmName" },
      "path": { summary: "ISO path" },
    },
  },
  {
    id: "vm tag",
    group: "vm",
    category: "vmtarget",
    patterns: [
      "vm tag <target> [key or all]",
      "vm tag <target> <key> <value>",
    ],
    summary: "Reads one or all tags of the targeted VMs, or assigns a tag value.",
    doc: "Reads one or all tags of the targeted VMs, or assigns a tag value.",
    simulated: true,
    args: {
      "target": { summary: "VM target: name, numeric ID, comma list, range expr like foo[0-3,5], or 'all' (ranges.SplitList)", domain: "vmTarget" },
      "key": { summary: "tag key, or 'all' when reading" },
      "value": { summary: "tag value" },
    },
  },
  {
    id: "clear vm tag",
    group: "vm",
    category: "vmtarget",
    patterns: [
      "clear vm tag",
      "clear vm tag <target> [tag]",
    ],
    summary: "Deletes tags from the targeted VMs (every VM when no target is given).",
    doc: "Deletes tags from the targeted VMs (every VM when no target is given).",
    simulated: true,
    args: {
      "target": { summary: "VM target: name, numeric ID, comma list, range expr like foo[0-3,5], or 'all' (ranges.SplitList)", domain: "vmTarget" },
      "tag": { summary: "tag key" },
    },
    quirks: [
      "pattern key is 'tag' but the 2.3 handler reads StringArgs['key'], so the single-tag form clears all tags",
    ],
  },
];
