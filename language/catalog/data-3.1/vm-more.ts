import type { ArgSpec, HandlerSpec } from '../types.js';
import { oneVm, vmTargetArg } from './args.js';
import { example, nsBroadcast, nsVmTarget, paras } from './doc-text.js';

const saveFile: ArgSpec = {
  summary: 'Base name of the files; relative names go to the files directory',
  doc: 'The state goes to `<name>.state` and the disk to `<name>.hdd`. Example: `web1-before`.',
  domain: 'path',
};

const savesInProgress = '`id | name | status | complete (%)`';

/** Handlers of the `vm` family from `vm qmp` to `vm top`, in minimega 3.1 registration order. */
export const vmMoreHandlers: readonly HandlerSpec[] = [
  {
    id: 'vm qmp',
    group: 'vm',
    category: 'vmtarget',
    patterns: ['vm qmp <vm name> <qmp command>'],
    summary: 'Send a raw QMP (QEMU monitor) request to a KVM VM',
    doc: paras(
      "Sends one JSON request to the VM's QEMU monitor and prints QEMU's JSON answer. The request must be a single argument, so quote it.",
      nsVmTarget,
      'Example:',
      example('vm qmp web1 \'{ "execute": "query-status" }\''),
    ),
    args: {
      vm: oneVm('The KVM VM'),
      qmp: { summary: 'The QMP request as one quoted JSON object', doc: 'Example: `\'{ "execute": "query-status" }\'`.' },
    },
  },
  {
    id: 'vm screenshot',
    group: 'vm',
    category: 'vmtarget',
    patterns: ['vm screenshot <vm name> [maximum dimension]', 'vm screenshot <vm name> file <filename> [maximum dimension]'],
    summary: "Save a PNG screenshot of a VM's screen",
    doc: paras(
      "`vm screenshot <vm> [size]` saves a PNG of the VM's screen in the VM's own directory; `vm screenshot <vm> file <file> [size]` saves it to `<file>`. With a size, the image is scaled so its longer side is at most that many pixels.",
      nsVmTarget,
      'Example:',
      example('vm screenshot web1 file web1.png 800'),
      'The word `file` selects the second form, so a size cannot be written as `file`.',
    ),
    args: {
      vm: oneVm('The VM'),
      maximum: { summary: 'Largest width or height in pixels', doc: 'An integer, e.g. `800`.', domain: 'int' },
      filename: { summary: 'PNG file to write', doc: 'Example: `web1.png`.', domain: 'path' },
    },
  },
  {
    id: 'vm save',
    group: 'vm',
    category: 'vmtarget',
    patterns: ['vm save', 'vm save <vm name>', 'vm save <vm name> <filename>'],
    summary: "Save a KVM VM's memory state and disk to files, or show saves in progress",
    doc: paras(
      `\`vm save <vm> [name]\` writes the running state of a KVM VM to \`<name>.state\` and its disk to \`<name>.hdd\` (default name \`saved/<vm>\` in the files directory), overwriting earlier files. \`vm save\` alone shows the saves in progress as ${savesInProgress}.`,
      nsVmTarget,
      'Example:',
      example('vm save web1 web1-before', 'vm save'),
    ),
    args: { vm: oneVm('The KVM VM'), filename: saveFile },
    since23: { kind: 'added', note: 'New in 3.1; 2.3 had only `vm migrate`, which saved the state alone.' },
  },
  {
    id: 'vm snapshot',
    group: 'vm',
    category: 'vmtarget',
    patterns: ['vm snapshot', 'vm snapshot <vm name> <state filename> <disk filename>'],
    summary: 'Old spelling of `vm save`: save a KVM VM to files, or show saves in progress',
    doc: paras(
      `Does what \`vm save\` does. \`vm snapshot\` alone shows the saves in progress as ${savesInProgress}.`,
      nsVmTarget,
      'Example:',
      example('vm snapshot web1 web1.state web1.hdd'),
      'Quirk: the two file names are ignored; the files always go to `saved/<vm>` in the files directory. Use `vm save <vm> <name>` to choose the name.',
    ),
    args: {
      vm: oneVm('The KVM VM'),
      state: { summary: 'Meant as the state file; ignored', doc: 'The files go to `saved/<vm>.state` and `saved/<vm>.hdd` whatever is given.' },
      disk: { summary: 'Meant as the disk file; ignored', doc: 'The files go to `saved/<vm>.state` and `saved/<vm>.hdd` whatever is given.' },
    },
    quirks: ['`vm snapshot <vm> <state> <disk>` ignores both file names and writes to `saved/<vm>`'],
    deprecated: { patterns: ['vm snapshot', 'vm snapshot <vm name> <state filename> <disk filename>'], use: 'vm save' },
    since23: { kind: 'added', note: 'New in 3.1, as an old spelling of `vm save`.' },
  },
  {
    id: 'vm migrate',
    group: 'vm',
    category: 'vmtarget',
    patterns: ['vm migrate', 'vm migrate <vm name> <filename>'],
    summary: 'Old spelling of `vm save`: save a KVM VM under a file name, or show saves in progress',
    doc: paras(
      `Does what \`vm save <vm> <name>\` does: the state goes to \`<name>.state\`, the disk to \`<name>.hdd\`. \`vm migrate\` alone shows the saves in progress as ${savesInProgress}.`,
      nsVmTarget,
      'Example:',
      example('vm migrate web1 web1-before'),
    ),
    args: { vm: oneVm('The KVM VM'), filename: saveFile },
    deprecated: { patterns: ['vm migrate', 'vm migrate <vm name> <filename>'], use: 'vm save' },
    since23: {
      kind: 'behaviour',
      from: 'vm migrate',
      note: 'Now the same as `vm save`: it writes `<name>.state` and `<name>.hdd` (2.3 wrote the state to the file name as given).',
    },
  },
  {
    id: 'vm cdrom',
    group: 'vm',
    category: 'vmtarget',
    patterns: ['vm cdrom <eject,> <vm target> [force,]', 'vm cdrom <change,> <vm target> <path> [force,]'],
    summary: 'Eject the CD-ROM of KVM VMs or insert another ISO image',
    doc: paras(
      '`vm cdrom eject <vms>` ejects the virtual CD-ROM; `vm cdrom change <vms> <iso>` inserts another ISO image. Add `force` when the guest has locked the drive.',
      nsVmTarget,
      'Example:',
      example('vm cdrom change web[1-4] tools.iso force'),
    ),
    args: {
      vm: vmTargetArg,
      path: { summary: 'ISO image to insert', doc: 'Example: `tools.iso`.', domain: 'path' },
      force: { summary: 'Eject even if the guest locked the drive', doc: 'Otherwise a locked drive refuses.' },
    },
    since23: { kind: 'changed', from: 'vm cdrom', note: 'Takes a VM target (lists, ranges, `all`) and an optional `force`.' },
  },
  {
    id: 'vm tag',
    group: 'vm',
    category: 'vmtarget',
    patterns: ['vm tag <vm target> [key or all]', 'vm tag <vm target> <key> <value>'],
    summary: 'Show the tags of VMs, or set a tag',
    doc: paras(
      'Tags are free-form `key`/`value` labels of a VM; they show as JSON in the `tags` column of `vm info`.',
      '- `vm tag <vms>` or `vm tag <vms> all` lists every tag as `name | tag | value`.\n- `vm tag <vms> <key>` shows one tag as `name | value` (empty for VMs without it).\n- `vm tag <vms> <key> <value>` sets it.',
      'VMs start with the tags of `vm config tags`. A single VM that does not exist gives `vm not found: <vm>`; `all` cannot be a key when setting (`cannot assign to wildcard`).',
      nsVmTarget,
      'Example:',
      example('vm tag web[1-4] role frontend', 'vm tag all role'),
    ),
    args: {
      vm: vmTargetArg,
      key: { summary: 'Tag name; `all` (or nothing) shows every tag', doc: 'Example: `role`.', domain: 'text' },
      value: { summary: 'Value to give the tag', doc: 'One word; quote it to include spaces. Example: `frontend`.', domain: 'text' },
    },
    since23: {
      kind: 'changed',
      from: 'vm tag',
      note: 'The target argument is now called `vm`; a single missing VM gives `vm not found`, and the tables have a `name` column (2.3: `ID`).',
    },
  },
  {
    id: 'clear vm tag',
    group: 'vm',
    category: 'vmtarget',
    patterns: ['clear vm tag', 'clear vm tag <vm target> [tag]'],
    summary: 'Remove one tag, or all tags, of VMs',
    doc: paras(
      '`clear vm tag` removes every tag of every VM of the namespace; `clear vm tag <vms>` every tag of the targeted VMs; `clear vm tag <vms> <tag>` only that tag. A single VM that does not exist gives `vm not found: <vm>`.',
      nsVmTarget,
      'Example:',
      example('clear vm tag web[1-4] role'),
    ),
    args: {
      vm: vmTargetArg,
      tag: { summary: 'The tag to remove; omit for all tags', doc: 'Example: `role`.', domain: 'text' },
    },
    since23: {
      kind: 'changed',
      from: 'clear vm tag',
      note: 'The `<tag>` argument now removes only that tag (2.3 removed all); a single missing VM gives `vm not found`.',
    },
  },
  {
    id: 'clear vm net bond',
    group: 'vm',
    category: 'vmtarget',
    patterns: ['clear vm net bond <vm target> [name]'],
    summary: 'Remove one bond, or all bonds, of VMs',
    doc: paras(
      "`clear vm net bond <vms>` removes every bond made with `vm net bond` from the targeted VMs; `clear vm net bond <vms> <name>` only that bond (`bond <name> doesn't exist on VM <vm>` otherwise).",
      nsVmTarget,
      'Example:',
      example('clear vm net bond web1 bond0'),
    ),
    args: {
      vm: vmTargetArg,
      name: { summary: 'Bond to remove; omit for all bonds', doc: 'Example: `bond0`.' },
    },
    since23: { kind: 'added', note: 'New in 3.1.' },
  },
  {
    id: 'vm top',
    group: 'vm',
    category: 'broadcast',
    patterns: ['vm top [duration]'],
    summary: "Measure the namespace's VMs for a moment and show their resource use",
    doc: paras(
      'Samples every VM with a process for `[duration]` seconds (default 1) and prints `name | virt | res | shr | cpu | vcpu | time | procs | rx | tx`: memory in MB, host and guest CPU use in percent, CPU time, number of processes, and network rates in MB/s. Killed KVM VMs have no process and are left out.',
      nsBroadcast,
      'Example:',
      example('.columns name,cpu,rx,tx vm top 5'),
      'The duration must be a whole number: `vm top 1.5` fails with `strconv.Atoi: parsing "1.5": invalid syntax`. `0` does not wait.',
    ),
    args: {
      duration: { summary: 'Seconds to sample; default 1', doc: 'An integer, e.g. `5`.', domain: 'int' },
    },
    since23: { kind: 'added', note: 'New in 3.1.' },
  },
];
