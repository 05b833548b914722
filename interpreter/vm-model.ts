/**
 * Simulated VMs: minimega's states and what a VM holds (its `vm info`
 * columns are in vm-info.ts). A launch succeeds at once and leaves the VM
 * BUILDING (real KVM is started paused).
 */
import type { VmConfig } from './vm-config-state.js';

export type VmState = 'BUILDING' | 'RUNNING' | 'PAUSED' | 'QUIT' | 'ERROR';
export type VmType = 'kvm' | 'container';

/** A NIC's qos values, kept as typed; at most one of each kind. */
export interface QosValues {
  readonly rate?: string;
  readonly loss?: string;
  readonly delay?: string;
}

export interface VmInterface {
  vlan: number;
  bridge: string;
  mac: string;
  driver: string;
  tap: string;
  /** False after `vm net disconnect`. */
  connected: boolean;
  qos: QosValues;
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
/** No qos values (shared: NICs get their own object on the first `qos add`). */
export const NO_QOS: QosValues = {};

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
