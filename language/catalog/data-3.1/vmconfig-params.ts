/**
 * The `vm config` fields of minimega 3.1, in the order of the research
 * catalog: base fields, KVM, containers, then the Android emulator's host
 * settings. The field handlers take their defaults from here.
 */
import type { VmConfigCheck, VmConfigParamSpec, VmConfigType } from '../types.js';

type Scope = VmConfigParamSpec['appliesTo'];

/** A field reset by `clear vm config <name>` and shown by `vm config <name>`. */
function field(
  name: string,
  appliesTo: Scope,
  type: VmConfigType,
  dflt: string,
  check: VmConfigCheck,
  validation: string,
  more: Partial<Pick<VmConfigParamSpec, 'handler' | 'clear'>> = {},
): VmConfigParamSpec {
  return { name, appliesTo, type, default: dflt, handler: `vm config ${name}`, clear: [name], check, validation, ...more };
}

const unsigned = 'Must be an unsigned decimal integer; anything else fails with `strconv.ParseUint: parsing "<value>": invalid syntax`.';
const choice = 'Only `true` or `false`, the words of the pattern.';
const path = 'A relative path is joined to the files directory and stored in full; a file that does not exist only causes a warning.';
const literal = 'Taken as given; nothing is checked.';

/** Every `vm config` field of minimega 3.1. */
export const vmConfigParams31: readonly VmConfigParamSpec[] = [
  field(
    'uuid',
    'all',
    'string',
    '',
    'none',
    'Not checked. While it is set, only one VM can be launched at a time, and a second VM with the same UUID in the namespace is refused.',
  ),
  field('vcpus', 'all', 'uint', '1', 'uint', unsigned),
  field('memory', 'all', 'uint', '2048', 'uint', unsigned + ' The unit is megabytes.'),
  field('snapshot', 'all', 'bool', 'true', 'choice', choice),
  field(
    'schedule',
    'all',
    'string',
    '',
    'schedule',
    'Refused while `colocate` is set; the host (`localhost` for this node) must be a host of the namespace, else `host is not in namespace: <host>`.',
  ),
  field('colocate', 'all', 'string', '', 'colocate', 'Refused while `schedule` is set; the named VM need not exist yet.'),
  field(
    'coschedule',
    'all',
    'int',
    '-1',
    'int',
    'Must be a decimal integer; anything else fails with `strconv.ParseInt: parsing "<value>": invalid syntax`. `-1` means no limit.',
  ),
  field('backchannel', 'all', 'bool', 'true', 'choice', choice),
  field(
    'networks',
    'all',
    'networks',
    '[]',
    'netspec',
    'Each spec is read as `[bridge,]vlan[,mac][,driver][,qinq]`; a spec that fits none of the shapes gives `malformed netspec` and leaves the list empty. VLAN aliases get a number on first use.',
  ),
  field(
    'bonds',
    'all',
    'bonds',
    '[]',
    'bondspec',
    'Each spec is interface indexes, a bond mode and options; a spec with fewer than three fields gives `malformed bondspec`.',
  ),
  field('tags', 'all', 'map', '{}', 'none', 'Not checked. Each call sets one key.'),
  field('qemu', 'kvm', 'string', 'kvm', 'path', path),
  field('kernel', 'kvm', 'string', '', 'path', path),
  field('initrd', 'kvm', 'string', '', 'path', path),
  field('cdrom', 'kvm', 'string', '', 'path', path),
  field('state', 'kvm', 'string', '', 'path', path, { clear: ['state', 'migrate'] }),
  field('cpu', 'kvm', 'string', 'host', 'cpu', 'Must be a CPU model that the configured QEMU lists, else ``invalid QEMU CPU: `<cpu>`, see help``.'),
  field('sockets', 'kvm', 'uint', '0', 'uint', unsigned + ' `0` lets QEMU decide.'),
  field('cores', 'kvm', 'uint', '0', 'uint', unsigned + ' `0` lets QEMU decide.'),
  field('threads', 'kvm', 'uint', '0', 'uint', unsigned + ' `0` lets QEMU decide.'),
  field(
    'machine',
    'kvm',
    'string',
    '',
    'machine',
    'Must be a machine type that the configured QEMU lists, else ``invalid QEMU machine: `<machine>`, see help``.',
  ),
  field('serial-ports', 'kvm', 'uint', '0', 'uint', unsigned),
  field('virtio-ports', 'kvm', 'string', '', 'none', 'A count or comma-separated port names; not checked.'),
  field('vga', 'kvm', 'string', 'std', 'none', literal),
  field('append', 'kvm', 'strings', '[]', 'none', literal),
  field(
    'disks',
    'kvm',
    'disks',
    '[]',
    'diskspec',
    'Each spec is `path[,interface][,cache]`, else `malformed diskspec`; paths are joined to the files directory, and the same path twice gives `disk conflict: <path>`. Any error leaves the list empty.',
  ),
  field('usb-use-xhci', 'kvm', 'bool', 'true', 'choice', choice),
  field('tpm-socket', 'kvm', 'string', '', 'path', path),
  field('bidirectional-copy-paste', 'kvm', 'bool', 'false', 'choice', choice),
  field('qemu-append', 'kvm', 'strings', '[]', 'none', literal),
  field('qemu-override', 'kvm', 'overrides', '[]', 'none', 'Each call adds one replacement; nothing is checked.'),
  field('filesystem', 'container', 'string', '', 'path', path + ' A container cannot be launched without it.'),
  field('hostname', 'container', 'string', '', 'none', literal + ' Empty means the VM name.'),
  field('init', 'container', 'strings', '[/init]', 'none', literal),
  field('preinit', 'container', 'string', '', 'none', literal),
  field('fifos', 'container', 'uint', '0', 'uint', unsigned),
  field(
    'volume',
    'container',
    'map',
    '{}',
    'path',
    'The host directory is treated like a path: relative ones are joined to the files directory; a missing one only causes a warning.',
  ),
  field('android-sdk', 'android', 'string', '', 'none', literal + ' The host path is not joined to the files directory.'),
  field('android-emulator', 'android', 'string', '', 'none', literal),
  field('android-adb', 'android', 'string', '', 'none', literal),
  field('android-avd', 'android', 'string', '', 'none', literal),
  field('android-avd-dir', 'android', 'string', '', 'none', literal + ' The host path is not joined to the files directory.'),
  field('android-no-window', 'android', 'bool', 'true', 'choice', choice),
  field('android-console-base-port', 'android', 'uint', '0', 'uint', unsigned),
  field('android-extra-args', 'android', 'strings', '[]', 'none', literal),
  field('android-writable-system', 'android', 'bool', 'false', 'choice', choice),
];

/** The 3.1 `vm config` field named `name`; throws for an unknown name (a catalog bug). */
export function configParam(name: string): VmConfigParamSpec {
  const p = vmConfigParams31.find((f) => f.name === name);
  if (!p) throw new Error(`no vm config field ${name} in the 3.1 catalog`);
  return p;
}
