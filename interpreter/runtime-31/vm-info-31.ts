/**
 * 3.1's `vm info` columns and cells (runtime-3.1.md §5.4): lists print as
 * `[a, b]`, KVM-only columns show `N/A` for containers and the container
 * columns `N/A` for KVM.
 */
import type { Bond } from '../state/bonds.js';
import type { Vm } from '../vm-model.js';
import { goList31, list31, map31, mapJson, value31, type Config31 } from './config-31.js';

/** Columns only a KVM VM fills (with `disks`, which stands before `snapshot`). */
const KVM_COLUMNS = [
  'initrd',
  'kernel',
  'cdrom',
  'save',
  'append',
  'serial-ports',
  'virtio-ports',
  'vnc_port',
  'usb-use-xhci',
  'tpm-socket',
  'bidirectional-copy-paste',
] as const;

/** Columns only a container fills. */
const CONTAINER_COLUMNS = ['filesystem', 'hostname', 'init', 'preinit', 'fifo', 'volume', 'console_port'] as const;

export const VM_INFO_COLUMNS_31 = [
  'id',
  'name',
  'state',
  'uptime',
  'type',
  'uuid',
  'cc_active',
  'pid',
  'vlan',
  'bridge',
  'tap',
  'mac',
  'ip',
  'ip6',
  'qos',
  'qinq',
  'bond',
  'memory',
  'vcpus',
  'disks',
  'snapshot',
  ...KVM_COLUMNS,
  ...CONTAINER_COLUMNS,
  'tags',
] as const;

export const VM_SUMMARY_COLUMNS_31 = ['id', 'name', 'state', 'type', 'uuid', 'cc_active', 'vlan'] as const;

type Column = (typeof VM_INFO_COLUMNS_31)[number];

/** `[a, b]`: how 3.1 prints a list cell. */
const commaList = (items: readonly string[]): string => `[${items.join(', ')}]`;

const KVM_ONLY = new Set<Column>(['disks', ...KVM_COLUMNS]);
const CONTAINER_ONLY = new Set<Column>(CONTAINER_COLUMNS);

/** One cell; `c` is the 3.1 config the VM was launched with, `vlan` prints a VLAN for the VM's namespace. */
function cell(vm: Vm, c: Config31, col: Column, vlan: (v: number) => string, bonds: readonly Bond[]): string {
  if (vm.type === 'kvm' && CONTAINER_ONLY.has(col)) return 'N/A';
  if (vm.type === 'container' && KVM_ONLY.has(col)) return 'N/A';
  switch (col) {
    case 'id':
      return String(vm.id);
    case 'name':
      return vm.name;
    case 'state':
      return vm.state;
    case 'uptime':
      // The simulator's VMs do not age: a deterministic clock (decision 13).
      return '0s';
    case 'type':
      return vm.type;
    case 'uuid':
      return vm.uuid;
    case 'cc_active':
      return 'false';
    case 'pid':
      return String(10_000 + vm.id);
    case 'vlan':
      return commaList(vm.nets.map((n) => (n.connected ? vlan(n.vlan) : 'disconnected')));
    case 'bridge':
      return commaList(vm.nets.map((n) => (n.connected ? n.bridge : '')));
    case 'tap':
      return commaList(vm.nets.map((n) => n.tap));
    case 'mac':
      return commaList(vm.nets.map((n) => n.mac));
    case 'ip':
    case 'ip6':
      return commaList(vm.nets.map(() => ''));
    case 'qos':
      return commaList(
        vm.nets.flatMap((n, i) => {
          const parts: string[] = [];
          if (n.qos.delay !== undefined) parts.push(`delay ${n.qos.delay}`);
          if (n.qos.loss !== undefined) parts.push(`loss ${n.qos.loss}`);
          if (n.qos.rate !== undefined) parts.push(`rate ${n.qos.rate}`);
          return parts.length ? [`${i}: ${parts.join(' ')}`] : [];
        }),
      );
    case 'qinq':
      return commaList(bonds.filter((b) => b.qinq).map((b) => `${b.name} (${vlanOfBond(vm, b, vlan)})`));
    case 'bond':
      return commaList(bonds.map((b) => `${b.name} (${b.interfaces.map((i) => vm.nets[i]?.tap ?? '').join(' ')})`));
    case 'memory':
      return value31(c, 'memory');
    case 'vcpus':
      return value31(c, 'vcpus');
    case 'disks':
      return c.disks.join(' ');
    case 'snapshot':
      return value31(c, 'snapshot');
    case 'initrd':
    case 'kernel':
      return value31(c, col);
    case 'cdrom':
      return vm.cdrom;
    case 'save':
      return 'N/A';
    case 'append':
      return goList31(list31(c, 'append'));
    case 'serial-ports':
    case 'virtio-ports':
    case 'usb-use-xhci':
    case 'tpm-socket':
    case 'bidirectional-copy-paste':
      return value31(c, col);
    case 'vnc_port':
    case 'console_port':
      return String(vm.port);
    case 'filesystem':
      return value31(c, 'filesystem');
    case 'hostname':
      return vm.hostname;
    case 'init':
      return goList31(list31(c, 'init'));
    case 'preinit':
      return value31(c, 'preinit');
    case 'fifo':
      return 'N/A';
    case 'volume':
      return mapJson(map31(c, 'volume'));
    case 'tags':
      return mapJson(vm.tags);
  }
}

/** A bond's VLAN: its first interface's. */
function vlanOfBond(vm: Vm, b: Bond, vlan: (v: number) => string): string {
  const nic = vm.nets[b.interfaces[0] ?? 0];
  return nic ? vlan(nic.vlan) : '';
}

/** What a `vm info` row reads besides the VM: its launch config, VLAN printing for its namespace, its bonds. */
export interface VmInfoSources31 {
  configOf(vm: Vm): Config31;
  vlan(vm: Vm, v: number): string;
  bondsOf(vm: Vm): readonly Bond[];
}

/** The rows of `vm info` for `vms`. */
export function vmInfoRows31(vms: readonly Vm[], columns: readonly Column[], from: VmInfoSources31): string[][] {
  return vms.map((vm) => {
    const c = from.configOf(vm);
    const bonds = from.bondsOf(vm);
    return columns.map((col) => cell(vm, c, col, (v) => from.vlan(vm, v), bonds));
  });
}
