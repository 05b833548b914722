/**
 * The `vm config` state of a node (one global config, not per namespace),
 * its defaults, and the whole-config dump, byte for byte as minimega 2.3.
 */
import { goJsonString } from './render/json.js';

/** One configured interface; the VLAN is already resolved to a number. */
export interface NetConfig {
  vlan: number;
  bridge: string;
  mac: string;
  driver: string;
}

export interface VmConfig {
  memory: string;
  vcpus: string;
  cpu: string;
  net: NetConfig[];
  tags: Map<string, string>;
  append: string;
  qemu: string;
  qemuAppend: string[];
  migrate: string;
  disk: string[];
  cdrom: string;
  kernel: string;
  initrd: string;
  uuid: string;
  serial: number;
  virtioSerial: number;
  snapshot: boolean;
  hostname: string;
  init: string[];
  preinit: string;
  filesystem: string;
  fifo: number;
  /** Namespace copied into VMs launched from this config. */
  namespace: string;
}

/** A fresh config with 2.3's defaults. */
export function createDefaultConfig(): VmConfig {
  return {
    memory: '2048',
    vcpus: '1',
    cpu: 'host',
    net: [],
    tags: new Map(),
    append: '',
    qemu: '',
    qemuAppend: [],
    migrate: '',
    disk: [],
    cdrom: '',
    kernel: '',
    initrd: '',
    uuid: '',
    serial: 0,
    virtioSerial: 0,
    snapshot: true,
    hostname: '',
    init: ['/init'],
    preinit: '',
    filesystem: '',
    fifo: 0,
    namespace: '',
  };
}

/** A deep copy (saved configs, launch snapshots and VMs never share state). */
export function cloneConfig(c: VmConfig): VmConfig {
  return {
    ...c,
    net: c.net.map((n) => ({ ...n })),
    tags: new Map(c.tags),
    qemuAppend: [...c.qemuAppend],
    disk: [...c.disk],
    init: [...c.init],
  };
}

/** Go's `fmt` of a []string: `[a b c]`. */
export function goList(items: readonly string[]): string {
  return `[${items.join(' ')}]`;
}

/** Go's json.Marshal of a map[string]string: keys sorted, HTML-escaped. */
export function tagsJson(tags: ReadonlyMap<string, string>): string {
  const keys = [...tags.keys()].sort();
  const parts = keys.map((k) => `${goJsonString(k)}:${goJsonString(tags.get(k)!)}`);
  return `{${parts.join(',')}}`;
}

/** Pads labels to the longest label plus one, as 2.3's dump does. */
function block(title: string, rows: [string, string][]): string {
  const width = Math.max(...rows.map(([l]) => l.length)) + 1;
  return [title, ...rows.map(([l, v]) => l.padEnd(width) + v)].join('\n') + '\n';
}

/**
 * The `vm config` dump. `printNet` renders the interface list (VLAN aliases
 * print relative to the active namespace).
 */
export function dumpConfig(c: VmConfig, printNet: (nets: readonly NetConfig[]) => string): string {
  return [
    block('Current VM configuration:', [
      ['Memory:', c.memory],
      ['VCPUS:', c.vcpus],
      ['Networks:', printNet(c.net)],
      ['Snapshot:', String(c.snapshot)],
      ['UUID:', c.uuid],
      ['Tags:', tagsJson(c.tags)],
    ]),
    block('Current KVM configuration:', [
      ['Migrate Path:', c.migrate],
      ['Disk Paths:', goList(c.disk)],
      ['CDROM Path:', c.cdrom],
      ['Kernel Path:', c.kernel],
      ['Initrd Path:', c.initrd],
      ['Kernel Append:', c.append],
      ['QEMU Path:', c.qemu],
      ['QEMU Append:', goList(c.qemuAppend)],
      ['SerialPorts:', String(c.serial)],
      ['Virtio-SerialPorts:', String(c.virtioSerial)],
    ]),
    block('Current container configuration:', [
      ['Filesystem Path:', c.filesystem],
      ['Hostname:', c.hostname],
      ['Init:', goList(c.init)],
      ['Pre-init:', c.preinit],
      ['FIFOs:', String(c.fifo)],
    ]),
  ].join('\n');
}
