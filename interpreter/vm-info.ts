/**
 * `vm info`: its columns in 2.3's order and each column's text for a VM,
 * with 2.3's formatting. A listing looks each column's reader up once, not
 * once per cell: 100,000 VMs make 3.4 million cells.
 */
import { goList, tagsJson } from './vm-config-state.js';
import { NO_QOS, type Vm } from './vm-model.js';

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

/** A column name of `vm info`. */
export type VmInfoColumn = (typeof VM_INFO_COLUMNS)[number];

/** Renders a VLAN as seen from the active namespace. */
type PrintVlan = (vlan: number) => string;

/** How a column reads a VM. */
type Cell = (vm: Vm, printVlan: PrintVlan) => string;

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

const NA = 'N/A';
const kvm =
  (cell: (vm: Vm) => string): Cell =>
  (vm) =>
    vm.type === 'kvm' ? cell(vm) : NA;
const container =
  (cell: (vm: Vm) => string): Cell =>
  (vm) =>
    vm.type === 'kvm' ? NA : cell(vm);

const CELLS: Readonly<Record<VmInfoColumn, Cell>> = {
  id: (vm) => String(vm.id),
  name: (vm) => vm.name,
  state: (vm) => vm.state,
  namespace: (vm) => vm.namespace,
  type: (vm) => vm.type,
  uuid: (vm) => vm.uuid,
  cc_active: () => 'false',
  vlan: (vm, printVlan) => {
    const print = (n: Vm['nets'][number]): string => (n.connected ? printVlan(n.vlan) : 'disconnected');
    return vm.nets.length === 1 ? singleList(print(vm.nets[0]!)) : goList(vm.nets.map(print));
  },
  bridge: (vm) => (vm.nets.length === 1 ? singleList(vm.nets[0]!.bridge) : goList(vm.nets.map((n) => n.bridge))),
  tap: (vm) => goList(vm.nets.map((n) => n.tap)),
  mac: (vm) => goList(vm.nets.map((n) => n.mac)),
  ip: (vm) => repeated(EMPTY_IPS, vm.nets.length, ''),
  ip6: (vm) => repeated(EMPTY_IPS, vm.nets.length, ''),
  bandwidth: (vm) => repeated(IDLE_BANDWIDTH, vm.nets.length, '0.0/0.0 (rx/tx MB/s)'),
  qos: (vm) => {
    if (vm.nets.every((n) => n.qos === NO_QOS)) return '[]';
    const entries = vm.nets.flatMap((n, i) => {
      // 2.3's fixed order: rate, loss, delay.
      const q = n.qos;
      const parts = [q.rate && `rate ${q.rate}`, q.loss && `loss ${q.loss}`, q.delay && `delay ${q.delay}`].filter((p) => p);
      return parts.length ? [`${i}: ${parts.join(' ')}`] : [];
    });
    return goList(entries);
  },
  memory: (vm) => vm.config.memory,
  vcpus: (vm) => vm.config.vcpus,
  disk: kvm((vm) => (vm.config.disk.length ? goList(vm.config.disk) : '')),
  snapshot: (vm) => String(vm.config.snapshot),
  initrd: kvm((vm) => vm.config.initrd),
  kernel: kvm((vm) => vm.config.kernel),
  cdrom: kvm((vm) => vm.cdrom),
  migrate: kvm((vm) => vm.config.migrate),
  append: kvm((vm) => vm.config.append),
  serial: kvm((vm) => String(vm.config.serial)),
  'virtio-serial': kvm((vm) => String(vm.config.virtioSerial)),
  vnc_port: kvm((vm) => String(vm.port)),
  filesystem: container((vm) => vm.config.filesystem),
  hostname: container((vm) => vm.hostname),
  init: container((vm) => goList(vm.config.init)),
  preinit: container((vm) => vm.config.preinit),
  fifo: container((vm) => String(vm.config.fifo)),
  console_port: container((vm) => String(vm.port)),
  tags: (vm) => (vm.tags.size === 0 ? '{}' : tagsJson(vm.tags)),
};

/**
 * The `vm info` rows of `vms` for `columns`. VLANs are printed once per
 * distinct VLAN (`printVlan` renders one as seen from the active namespace).
 */
export function vmInfoRows(vms: readonly Vm[], columns: readonly VmInfoColumn[], printVlan: PrintVlan): string[][] {
  const cells = columns.map((c) => CELLS[c]);
  const printed = new Map<number, string>();
  const print = (v: number): string => {
    let s = printed.get(v);
    if (s === undefined) printed.set(v, (s = printVlan(v)));
    return s;
  };
  const n = cells.length;
  const rows = new Array<string[]>(vms.length);
  for (let i = 0; i < vms.length; i++) {
    const row = new Array<string>(n);
    for (let j = 0; j < n; j++) row[j] = cells[j]!(vms[i]!, print);
    rows[i] = row;
  }
  return rows;
}
