/**
 * Everything the hardware-facing commands record on a node (decision 12):
 * the simulator keeps 2.3's bookkeeping as if every hardware step worked
 * and never touches the host. One object per node, one field per family.
 */
import type { Vm } from '../vm-model.js';
import { BackgroundTable } from './background.js';
import { BondTable } from './bonds.js';
import { CaptureTable } from './captures.js';
import { CcState } from './cc.js';
import { DnsmasqTable } from './dnsmasq.js';
import type { RouterConfig } from './routers.js';
import { VncTable } from './vnc.js';
import { createVyattaConfig, type VyattaConfig } from './vyatta.js';
import {
  createLogSettings,
  createOptimizeSettings,
  createWebSettings,
  type BridgePorts,
  type LogSettings,
  type OptimizeSettings,
  type WebSettings,
} from './host-settings.js';

/** Disk images simulated commands made: format, size as typed and backing image. */
export interface DiskImage {
  readonly format: string;
  readonly size: string;
  readonly backing: string;
}

export class HardwareState {
  readonly captures = new CaptureTable();
  readonly cc = new CcState();
  readonly vnc = new VncTable();
  /** Hotplugged disks per VM: id to file as typed (they outlive kills and relaunches). */
  readonly hotplug = new WeakMap<Vm, Map<number, string>>();
  /** 3.1 bonds of VM interfaces. */
  readonly bonds = new BondTable();
  /** Migration status per KVM VM (`completed` once `vm migrate V F` ran). */
  readonly migrations = new WeakMap<Vm, string>();
  /** Staged router configurations by VM id (ids are never reused on a node). */
  readonly routers = new Map<number, RouterConfig>();
  readonly dnsmasq = new DnsmasqTable();
  /** Host programs `background` started (3.1 lists them). */
  readonly background = new BackgroundTable();
  /** Trunk ports and tunnels by bridge name. */
  readonly bridgePorts = new Map<string, BridgePorts>();
  readonly images = new Map<string, DiskImage>();
  vyatta: VyattaConfig = createVyattaConfig();
  optimize: OptimizeSettings = createOptimizeSettings();
  log: LogSettings = createLogSettings();
  deployFlags: string[] = [];
  web: WebSettings = createWebSettings();
  /** The file of the running CPU profile, or "" when none runs. */
  cpuProfile = '';
  /** Counter behind generated names (`vyatta write`, `disk snapshot`) and process ids. */
  serial = 0;

  /** The next value of the node's counter for generated names and process ids. */
  next(): number {
    return this.serial++;
  }
}
