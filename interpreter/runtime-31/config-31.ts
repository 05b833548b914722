/**
 * A 3.1 namespace's `vm config` (runtime-3.1.md §5.6-5.9): every field of
 * the 3.1 catalog (`vmConfigParams31`) with its default, and the four-block
 * dump of §5.7, byte for byte.
 */
import { vmConfigParams31 } from '../../language/index.js';
import { goJsonString } from '../render/json.js';

/** One configured interface: what was typed and what it resolved to. */
export interface Net31 {
  /** The spec's VLAN text as typed (`A`, `100`, `minimega//A`): what `vm config networks` shows. */
  readonly vlanText: string;
  readonly vlan: number;
  readonly bridge: string;
  readonly mac: string;
  readonly driver: string;
  readonly qinq: boolean;
}

/** A `vm config qemu-override` replacement. */
export interface Override31 {
  readonly match: string;
  readonly replacement: string;
}

export interface Config31 {
  /** Single-valued fields (text, numbers, booleans) by field name, as shown. */
  readonly values: Map<string, string>;
  /** List fields (`append`, `init`, ...) by field name. */
  readonly lists: Map<string, string[]>;
  /** `tags` and `volume`. */
  readonly maps: Map<string, Map<string, string>>;
  nets: Net31[];
  bonds: string[];
  /** Disk specs with absolute paths, as shown. */
  disks: string[];
  overrides: Override31[];
}

/** Items of a Go-notation list default (`[]`, `[/init]`). */
const listDefault = (text: string): string[] => (text === '[]' ? [] : text.slice(1, -1).split(' '));

/** A config with 3.1's defaults. */
export function createConfig31(): Config31 {
  const c: Config31 = { values: new Map(), lists: new Map(), maps: new Map(), nets: [], bonds: [], disks: [], overrides: [] };
  for (const p of vmConfigParams31) resetField31(c, p.name);
  return c;
}

/** Resets one field (by its catalog name) to its default. */
export function resetField31(c: Config31, name: string): void {
  const p = vmConfigParams31.find((f) => f.name === name);
  if (!p) return;
  switch (p.type) {
    case 'strings':
      c.lists.set(name, listDefault(p.default));
      return;
    case 'map':
      c.maps.set(name, new Map());
      return;
    case 'networks':
      c.nets = [];
      return;
    case 'bonds':
      c.bonds = [];
      return;
    case 'disks':
      c.disks = [];
      return;
    case 'overrides':
      c.overrides = [];
      return;
    default:
      c.values.set(name, p.default);
  }
}

/** A deep copy (queue entries, saved configs and VMs never share state). */
export function cloneConfig31(c: Config31): Config31 {
  return {
    values: new Map(c.values),
    lists: new Map([...c.lists].map(([k, v]) => [k, [...v]])),
    maps: new Map([...c.maps].map(([k, v]) => [k, new Map(v)])),
    nets: c.nets.map((n) => ({ ...n })),
    bonds: [...c.bonds],
    disks: [...c.disks],
    overrides: c.overrides.map((o) => ({ ...o })),
  };
}

/** A single-valued field's text. */
export const value31 = (c: Config31, name: string): string => c.values.get(name) ?? '';
/** A list field's items. */
export const list31 = (c: Config31, name: string): readonly string[] => c.lists.get(name) ?? [];
/** A map field. */
export const map31 = (c: Config31, name: string): ReadonlyMap<string, string> => c.maps.get(name) ?? new Map();

/** Go's `fmt` of a []string. */
export const goList31 = (items: readonly string[]): string => `[${items.join(' ')}]`;

/** Go's json.Marshal of a map[string]string: keys sorted. */
export function mapJson(m: ReadonlyMap<string, string>): string {
  return `{${[...m.keys()]
    .sort()
    .map((k) => `${goJsonString(k)}:${goJsonString(m.get(k)!)}`)
    .join(',')}}`;
}

/** One interface as `vm config networks` shows it: the typed VLAN, default bridge and driver left out. */
export function netText(n: Net31): string {
  const parts = n.bridge !== 'mega_bridge' ? [n.bridge, n.vlanText] : [n.vlanText];
  if (n.mac !== '') parts.push(n.mac);
  if (n.driver !== 'e1000') parts.push(n.driver);
  if (n.qinq) parts.push('qinq');
  return parts.join(',');
}

/** `[100 br1,200,qinq]`. */
export const netsText = (c: Config31): string => goList31(c.nets.map(netText));

/** A block: title, `label:` padded to the longest label plus one, then a line break. */
function block(title: string, rows: readonly (readonly [string, string])[], extra: readonly string[] = []): string {
  const width = Math.max(...rows.map(([l]) => l.length)) + 1;
  return [title, ...rows.map(([l, v]) => l.padEnd(width) + v), ...extra].join('\n') + '\n';
}

/** The whole-config dump of `vm config` (§5.7); the renderer trims its final line break. */
export function dumpConfig31(c: Config31): string {
  const v = (name: string): string => value31(c, name);
  const l = (name: string): string => goList31(list31(c, name));
  const volumes = map31(c, 'volume');
  const volumeLines = [...volumes.keys()].sort().map((k) => `${' '.repeat(17)}${k} -> ${volumes.get(k)}`);
  return [
    block('VM configuration:', [
      ['Memory:', v('memory')],
      ['VCPUs:', v('vcpus')],
      ['Networks:', netsText(c)],
      ['Bonds:', goList31(c.bonds)],
      ['Snapshot:', v('snapshot')],
      ['UUID:', v('uuid')],
      ['Schedule host:', v('schedule')],
      ['Coschedule limit:', v('coschedule')],
      ['Colocate:', v('colocate')],
      ['Backchannel:', v('backchannel')],
      ['Tags:', mapJson(map31(c, 'tags'))],
    ]),
    block('KVM configuration:', [
      ['State Path:', v('state')],
      ['Disks:', goList31(c.disks)],
      ['CDROM Path:', v('cdrom')],
      ['Kernel Path:', v('kernel')],
      ['Initrd Path:', v('initrd')],
      ['Kernel Append:', l('append')],
      ['QEMU Path:', v('qemu')],
      ['QEMU Append:', l('qemu-append')],
      ['Serial Ports:', v('serial-ports')],
      ['Virtio-Serial Ports:', v('virtio-ports')],
      ['Machine:', v('machine')],
      ['CPU:', v('cpu')],
      ['Cores:', v('cores')],
      ['Threads:', v('threads')],
      ['Sockets:', v('sockets')],
      ['VGA:', v('vga')],
      ['Usb Use XHCI:', v('usb-use-xhci')],
      ['Bidirectional Copy Paste:', v('bidirectional-copy-paste')],
      ['TPM Socket:', v('tpm-socket')],
    ]),
    block(
      'Container configuration:',
      [
        ['Filesystem Path:', v('filesystem')],
        ['Hostname:', v('hostname')],
        ['Init:', l('init')],
        ['Pre-init:', v('preinit')],
        ['FIFOs:', v('fifos')],
        ['Volumes:', ''],
      ],
      volumeLines,
    ),
    block('Android configuration:', [
      ['SDK Path:', v('android-sdk')],
      ['Emulator Path:', v('android-emulator')],
      ['ADB Path:', v('android-adb')],
      ['AVD Name:', v('android-avd')],
      ['AVD Dir:', v('android-avd-dir')],
      ['No Window:', v('android-no-window')],
      ['Console Base Port:', v('android-console-base-port')],
      ['Extra Args:', l('android-extra-args')],
      ['Writable System:', v('android-writable-system')],
    ]),
  ].join('\n');
}
