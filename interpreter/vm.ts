/**
 * Simulated VMs: minimega's states and the `vm info` columns with 2.3's
 * formatting. A launch succeeds at once and leaves the VM BUILDING (real KVM
 * is started paused).
 */
import { goList, tagsJson, type VmConfig } from './vm-config.js';

export type VmState = 'BUILDING' | 'RUNNING' | 'PAUSED' | 'QUIT' | 'ERROR';
export type VmType = 'kvm' | 'container';

export interface VmInterface {
  vlan: number;
  bridge: string;
  mac: string;
  driver: string;
  tap: string;
  /** False after `vm net disconnect`. */
  connected: boolean;
  qos: string[];
}

export interface Vm {
  readonly id: number;
  readonly name: string;
  state: VmState;
  readonly namespace: string;
  readonly type: VmType;
  readonly uuid: string;
  readonly host: string;
  /** The config the VM was launched with; shared by the VMs of one launch, never changed. */
  readonly config: VmConfig;
  /** Container host name (the config's, else the VM's name). */
  readonly hostname: string;
  tags: Map<string, string>;
  nets: VmInterface[];
  cdrom: string;
  readonly port: number;
}

/** States a kill applies to. */
export const KILLABLE: readonly VmState[] = ['BUILDING', 'RUNNING', 'PAUSED'];

/** Every `vm info` column, in 2.3's order. */
export const VM_INFO_COLUMNS = [
  'id',
  'name',
  'state',
  'namespace',
  'type',
  'uuid',
  'cc_active',
  'vlan',
  'bridge',
  'tap',
  'mac',
  'ip',
  'ip6',
  'bandwidth',
  'qos',
  'memory',
  'vcpus',
  'disk',
  'snapshot',
  'initrd',
  'kernel',
  'cdrom',
  'migrate',
  'append',
  'serial',
  'virtio-serial',
  'vnc_port',
  'filesystem',
  'hostname',
  'init',
  'preinit',
  'fifo',
  'console_port',
  'tags',
] as const;

/** `vm info summary` columns. */
export const VM_SUMMARY_COLUMNS = VM_INFO_COLUMNS.slice(0, 8);

export interface CreateVmOptions {
  readonly id: number;
  readonly name: string;
  readonly type: VmType;
  readonly config: VmConfig;
  readonly host: string;
  readonly uuid: string;
  readonly port: number;
  readonly taps: readonly string[];
  readonly macs: readonly string[];
}

const NO_TAGS: Map<string, string> = new Map();
const NO_QOS: string[] = [];

/** Sets a tag on a VM (copy-on-write: untagged VMs share one empty map). */
export function setTag(vm: Vm, key: string, value: string): void {
  if (vm.tags === NO_TAGS) vm.tags = new Map();
  vm.tags.set(key, value);
}

/** Removes every tag of a VM. */
export function clearTags(vm: Vm): void {
  if (vm.tags !== NO_TAGS) vm.tags = NO_TAGS;
}

/** Creates a VM object from a config snapshot (which must not change afterwards). */
export function createVm(o: CreateVmOptions): Vm {
  const config = o.config;
  return {
    hostname: config.hostname !== '' ? config.hostname : o.name,
    id: o.id,
    name: o.name,
    state: 'BUILDING',
    namespace: config.namespace,
    type: o.type,
    uuid: o.uuid,
    host: o.host,
    config,
    // VMs without tags share one empty map until `vm tag` gives them their own (setTag).
    tags: config.tags.size === 0 ? NO_TAGS : new Map(config.tags),
    nets: config.net.map((n, i) => ({
      vlan: n.vlan,
      bridge: n.bridge,
      mac: n.mac || o.macs[i]!,
      driver: n.driver,
      tap: o.taps[i]!,
      connected: true,
      qos: NO_QOS,
    })),
    cdrom: config.cdrom,
    port: o.port,
  };
}

// Columns that repeat one value per interface are the same string for every
// VM with that many interfaces: share it (100,000-VM tables stay smaller).
const EMPTY_IPS: string[] = [];
const IDLE_BANDWIDTH: string[] = [];

const singles = new Map<string, string>();

/** `[x]`, shared between rows (VLANs and bridges repeat across VMs). */
function singleList(x: string): string {
  let s = singles.get(x);
  if (s === undefined) {
    if (singles.size > 4096) singles.clear();
    s = `[${x}]`;
    singles.set(x, s);
  }
  return s;
}

function repeated(memo: string[], n: number, item: string): string {
  return (memo[n] ??= goList(new Array<string>(n).fill(item)));
}

/** One `vm info` row; `printVlan` renders a VLAN as seen from the active namespace. */
export function vmInfoRow(vm: Vm, columns: readonly string[], printVlan: (v: number) => string): string[] {
  return columns.map((c) => vmColumn(vm, c, printVlan));
}

function vmColumn(vm: Vm, column: string, printVlan: (v: number) => string): string {
  const c = vm.config;
  const kvm = vm.type === 'kvm';
  const na = 'N/A';
  switch (column) {
    case 'id':
      return String(vm.id);
    case 'name':
      return vm.name;
    case 'state':
      return vm.state;
    case 'namespace':
      return vm.namespace;
    case 'type':
      return vm.type;
    case 'uuid':
      return vm.uuid;
    case 'cc_active':
      return 'false';
    case 'vlan':
      if (vm.nets.length === 1) return singleList(vm.nets[0]!.connected ? printVlan(vm.nets[0]!.vlan) : 'disconnected');
      return goList(vm.nets.map((n) => (n.connected ? printVlan(n.vlan) : 'disconnected')));
    case 'bridge':
      if (vm.nets.length === 1) return singleList(vm.nets[0]!.bridge);
      return goList(vm.nets.map((n) => n.bridge));
    case 'tap':
      return goList(vm.nets.map((n) => n.tap));
    case 'mac':
      return goList(vm.nets.map((n) => n.mac));
    case 'ip':
    case 'ip6':
      return repeated(EMPTY_IPS, vm.nets.length, '');
    case 'bandwidth':
      return repeated(IDLE_BANDWIDTH, vm.nets.length, '0.0/0.0 (rx/tx MB/s)');
    case 'qos':
      if (vm.nets.every((n) => n.qos.length === 0)) return '[]';
      return goList(vm.nets.flatMap((n, i) => (n.qos.length ? [`${i}: ${n.qos.join(' ')}`] : [])));
    case 'memory':
      return c.memory;
    case 'vcpus':
      return c.vcpus;
    case 'disk':
      return kvm ? (c.disk.length ? goList(c.disk) : '') : na;
    case 'snapshot':
      return String(c.snapshot);
    case 'initrd':
      return kvm ? c.initrd : na;
    case 'kernel':
      return kvm ? c.kernel : na;
    case 'cdrom':
      return kvm ? vm.cdrom : na;
    case 'migrate':
      return kvm ? c.migrate : na;
    case 'append':
      return kvm ? c.append : na;
    case 'serial':
      return kvm ? String(c.serial) : na;
    case 'virtio-serial':
      return kvm ? String(c.virtioSerial) : na;
    case 'vnc_port':
      return kvm ? String(vm.port) : na;
    case 'filesystem':
      return kvm ? na : c.filesystem;
    case 'hostname':
      return kvm ? na : vm.hostname;
    case 'init':
      return kvm ? na : goList(c.init);
    case 'preinit':
      return kvm ? na : c.preinit;
    case 'fifo':
      return kvm ? na : String(c.fifo);
    case 'console_port':
      return kvm ? na : String(vm.port);
    case 'tags':
      return vm.tags.size === 0 ? '{}' : tagsJson(vm.tags);
    default:
      return '';
  }
}
