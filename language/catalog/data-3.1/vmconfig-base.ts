import type { HandlerSpec } from '../types.js';
import { example, nsConfig, paras, showOrSet, unsignedField } from './doc-text.js';
import { configField, newIn31, sameAs23 } from './vmconfig-field.js';
import { configParam, vmConfigParams31 } from './vmconfig-params.js';

const checkedNow = (id: string): { kind: 'changed'; from: string; note: string } => ({
  kind: 'changed',
  from: id,
  note: 'The argument is now called `value`, and the value must be an unsigned integer when it is set (2.3 took any text).',
});

const scheduler = 'The scheduler of `vm launch` reads it when it places the VMs on the hosts of the namespace.';

/** The `vm config` fields of every VM type and `clear vm config`, in minimega 3.1 registration order. */
export const vmconfigBaseHandlers: readonly HandlerSpec[] = [
  configField('uuid', ['vm config uuid [value]'], {
    summary: 'Show or set a fixed UUID for the next VM instead of a generated one',
    shows: 'the fixed UUID',
    about: [
      'While it is set, only one VM can be launched at a time (`cannot launch multiple VMs with a pre-configured UUID`), and a UUID already used in the namespace is refused (``vm already exists with UUID `<uuid>` ``). `clear vm config uuid` goes back to generated UUIDs. The value is not checked.',
    ],
    examples: ['vm config uuid 0b5a7a62-5e4e-4b8f-9d4f-6f1c1d2e3f40'],
    arg: { summary: 'UUID for the next VM', doc: 'Example: `0b5a7a62-5e4e-4b8f-9d4f-6f1c1d2e3f40`. Not checked.', domain: 'text' },
    since23: sameAs23('vm config uuid'),
  }),
  configField('vcpus', ['vm config vcpus [value]'], {
    summary: 'Show or set the number of virtual CPUs of new VMs',
    shows: 'the number of virtual CPUs',
    about: [unsignedField('vcpus')],
    examples: ['vm config vcpus 2'],
    arg: { summary: 'Number of virtual CPUs; default 1', doc: 'An unsigned integer, e.g. `2`.', domain: 'uint' },
    since23: checkedNow('vm config vcpus'),
  }),
  configField('memory', ['vm config memory [value]'], {
    summary: 'Show or set the memory of new VMs, in megabytes',
    shows: 'the memory in megabytes',
    about: [unsignedField('memory')],
    examples: ['vm config memory 4096'],
    arg: { summary: 'Memory in megabytes; default 2048', doc: 'An unsigned integer, e.g. `4096`.', domain: 'uint' },
    since23: checkedNow('vm config memory'),
  }),
  configField('snapshot', ['vm config snapshot [true,false]'], {
    summary: 'Show or set whether new VMs throw away their disk changes',
    shows: '`true` or `false`',
    about: [
      "With `true`, a VM's writes to its disks (or a container's to its filesystem) are thrown away, so one image can back many VMs. With `false` the VM writes to the image itself, and no other VM may use it at the same time (`disk conflict with vm <name>: <disk>`).",
    ],
    examples: ['vm config snapshot false'],
    arg: { on: 'Throw disk changes away (the default)', off: 'Write changes to the image itself' },
  }),
  configField('schedule', ['vm config schedule [value]'], {
    summary: 'Show or set the host that new VMs must be launched on',
    shows: 'the host',
    about: [
      scheduler +
        ' The host must be one of the namespace (`localhost` means this node), else `host is not in namespace: <host>`; it cannot be combined with `vm config colocate` (`cannot specify schedule and colocate in the same config`). Use `clear vm config schedule` to remove it.',
    ],
    examples: ['vm config schedule node2', 'vm launch kvm db[1-3]'],
    after: ['At launch, a host that did not answer gives ``VM scheduled on unknown host: `<host>` ``.'],
    arg: { summary: 'A host of the namespace, or `localhost`', doc: 'Example: `node2`.', domain: 'hostName' },
    since23: newIn31,
  }),
  configField('colocate', ['vm config colocate [value]'], {
    summary: 'Show or set a VM that new VMs must share a host with',
    shows: 'the VM name',
    about: [
      scheduler +
        ' The named VM may be launched already or still be in the queue; it cannot be combined with `vm config schedule` (`cannot specify colocate and schedule in the same config`).',
    ],
    examples: ['vm config colocate db1', 'vm launch kvm cache1'],
    after: ['At launch, a VM that is neither running nor queued gives `nonexistent colocate VMs: [<vm>]`, and the queue is kept.'],
    arg: { summary: 'Name of the VM to share a host with', doc: 'Example: `db1`. Not checked when set.', domain: 'vmName' },
    since23: newIn31,
  }),
  configField('coschedule', ['vm config coschedule [value]'], {
    summary: 'Show or set how many other VMs may share a host with each new VM',
    shows: 'the limit',
    about: [
      scheduler +
        ' `-1` (the default) means no limit, `0` that the VM must be alone on its host. The value must be an integer, else `strconv.ParseInt: parsing "<value>": invalid syntax`.',
    ],
    examples: ['vm config coschedule 0', 'vm launch kvm solo'],
    after: ['At launch, too many VMs for a host give `too many VMs scheduled on <host> for coschedule requirement of <n>`; VMs already running there count.'],
    arg: { summary: 'Number of other VMs allowed on the same host; `-1` for no limit', doc: 'An integer, e.g. `3`.', domain: 'int' },
    since23: newIn31,
  }),
  configField('backchannel', ['vm config backchannel [true,false]'], {
    summary: 'Show or set whether new VMs get the serial channel the cc agent can use',
    shows: '`true` or `false`',
    about: ['With `true` (the default) each VM gets a serial port that the miniccc agent can use to reach minimega without a network.'],
    examples: ['vm config backchannel false'],
    arg: { on: 'Give VMs the cc serial channel (the default)', off: 'Leave it out' },
    since23: newIn31,
  }),
  {
    id: 'vm config tags',
    group: 'vmconfiger',
    category: 'local',
    patterns: ['vm config tags', 'vm config tags <key> [value]'],
    summary: 'Show or set the tags new VMs start with',
    doc: paras(
      showOrSet(configParam('tags'), 'the tags, one `<key> -> <value>` line each') +
        ' Each VM gets its own copy at launch (change it later with `vm tag`). `clear vm config tag <key>` removes one tag, `clear vm config tags` all.',
      nsConfig,
      'Example:',
      example('vm config tags role frontend', 'vm config tags'),
      'Quirk: `vm config tags <key>` without a value prints nothing, even when the tag is set. `vm config tag`, the 2.3 name, still works as an abbreviation.',
    ),
    args: {
      key: { summary: 'Tag name', doc: 'Example: `role`.', domain: 'text' },
      value: { summary: 'Value of the tag', doc: 'One word; quote it to include spaces. Example: `frontend`.', domain: 'text' },
    },
    quirks: ['`vm config tags <key>` without a value prints nothing'],
    since23: {
      kind: 'changed',
      from: 'vm config tag',
      note: 'Renamed from `vm config tag` (which still works as an abbreviation); tags print as `key -> value` lines, and a key alone prints nothing.',
    },
  },
  {
    id: 'clear vm config',
    group: 'vmconfiger',
    category: 'local',
    patterns: [
      'clear vm config',
      'clear vm config <android-adb,>',
      'clear vm config <android-avd-dir,>',
      'clear vm config <android-avd,>',
      'clear vm config <append,>',
      'clear vm config <backchannel,>',
      'clear vm config <bidirectional-copy-paste,>',
      'clear vm config <bonds,>',
      'clear vm config <cpu,>',
      'clear vm config <cdrom,>',
      'clear vm config <colocate,>',
      'clear vm config <android-console-base-port,>',
      'clear vm config <cores,>',
      'clear vm config <coschedule,>',
      'clear vm config <disks,>',
      'clear vm config <android-emulator,>',
      'clear vm config <android-extra-args,>',
      'clear vm config <fifos,>',
      'clear vm config <filesystem,>',
      'clear vm config <hostname,>',
      'clear vm config <init,>',
      'clear vm config <initrd,>',
      'clear vm config <kernel,>',
      'clear vm config <machine,>',
      'clear vm config <memory,>',
      'clear vm config <state,>',
      'clear vm config <migrate,>',
      'clear vm config <networks,>',
      'clear vm config <android-no-window,>',
      'clear vm config <preinit,>',
      'clear vm config <qemu-append,>',
      'clear vm config <qemu-override,>',
      'clear vm config <qemu,>',
      'clear vm config <android-sdk,>',
      'clear vm config <schedule,>',
      'clear vm config <serial-ports,>',
      'clear vm config <snapshot,>',
      'clear vm config <sockets,>',
      'clear vm config <tags,>',
      'clear vm config <threads,>',
      'clear vm config <tpm-socket,>',
      'clear vm config <uuid,>',
      'clear vm config <usb-use-xhci,>',
      'clear vm config <vcpus,>',
      'clear vm config <vga,>',
      'clear vm config <virtio-ports,>',
      'clear vm config <volume,>',
      'clear vm config <android-writable-system,>',
    ],
    summary: 'Reset the VM configuration to its defaults, or one field of it',
    doc: paras(
      '`clear vm config` resets every field to its default; saved configurations are kept. `clear vm config <field>` resets one field: ' +
        vmConfigParams31.map((p) => '`' + p.name + '`').join(', ') +
        '; `migrate` is another name for `state`.',
      'An exact field name wins over abbreviations, so `clear vm config init` resets `init` and keeps `initrd`, while `clear vm config in` fits both and is not a command. The 2.3 names `net`, `disk`, `serial` and `fifo` still work as abbreviations.',
      nsConfig,
      'Example:',
      example('clear vm config networks', 'clear vm config'),
    ),
    args: {},
    since23: {
      kind: 'changed',
      from: 'clear vm config',
      note: 'One form per 3.1 field (`networks`, `disks`, `serial-ports`, `virtio-ports`, `fifos`, `tags` and the new fields); `clear vm config init` now resets `init`, not `initrd`.',
    },
  },
];
