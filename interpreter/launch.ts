/** Local VM launch: create, check conflicts, register. */
import type { SimNode } from './sim-node.js';
import { cloneConfig, type VmConfig } from './vm-config-state.js';
import { createVm, setTag, type Vm, type VmType } from './vm-model.js';
import { randomMac, randomUuid } from './random.js';
import { missesFile, qemuStartError } from './launch-checks.js';

export interface LaunchResult {
  /** One error per VM that failed (2.3 joins them with LF), or the one error that refused the launch. */
  readonly errors: string[];
  readonly launched: Vm[];
  /** The launch was refused before any VM was created (no id used). */
  readonly early: boolean;
}

/**
 * Launches VMs on this node from a config snapshot. `names` are already
 * expanded and validated ("" = unnamed). Returns the error texts (one per
 * failed VM, 2.3 joins them with LF) and the VMs that launched.
 *
 * `requestChecks: false` skips the whole-request checks (a pinned UUID with
 * several names, a name given twice): 2.3's scheduler hands its slices to the
 * launch machinery below them, so there the second VM fails alone with
 * `duplicate VM name` / `duplicate VM UUID`, as seen on a real 2.3 cluster.
 *
 * A path in the files directory that does not exist fails the whole
 * launch before any id is used; a QEMU that cannot start leaves the VM in
 * ERROR with an `error` tag.
 */
export function launchLocal(node: SimNode, type: VmType, names: readonly string[], config: VmConfig, requestChecks = true): LaunchResult {
  const refuse = (error: string): LaunchResult => ({ errors: [error], launched: [], early: true });
  if (requestChecks && names.length > 1 && config.uuid !== '') return refuse('cannot launch multiple VMs with a pre-configured UUID');
  const seen = new Set<string>();
  for (const n of requestChecks ? names : []) {
    if (n !== '' && seen.has(n)) return refuse(`\`${n}\` is specified twice in VMs to launch`);
    seen.add(n);
  }
  if (missesFile(config, node.files)) return refuse('file not found');
  const errors: string[] = [];
  const launched: Vm[] = [];
  const index = launchIndex(node, config.namespace);
  // One frozen copy serves every VM of this launch: VMs never change their config.
  const snapshot = cloneConfig(config);
  for (const n of names) {
    const id = node.nextVmId++;
    const name = n === '' ? `vm-${id}` : n;
    if (type === 'container' && config.filesystem === '') {
      errors.push('unable to create container without a configured filesystem');
      continue;
    }
    const uuid = snapshot.uuid !== '' ? snapshot.uuid : randomUuid(node.random);
    const conflict = findConflict(index, type, name, uuid, snapshot);
    if (conflict) {
      errors.push(conflict);
      continue;
    }
    const vm = createVm({
      id,
      name,
      type,
      config: snapshot,
      host: node.name,
      uuid,
      port: (type === 'kvm' ? 5900 : 7900) + id,
      taps: snapshot.net.map(() => node.nextTapName()),
      macs: snapshot.net.map(() => randomMac(node.random)),
    });
    node.vms.addKeeping(vm, indexKey(config.namespace));
    addToIndex(index, vm);
    for (const n of vm.nets) node.bridges.add(n.bridge);
    const failure = startVm(vm);
    if (failure) errors.push(failure);
    else launched.push(vm);
  }
  return { errors, launched, early: false };
}

/** What launch conflicts are checked against: kept by the node's VM table until other changes. */
interface VmIndex {
  /** Names of every VM on the node, with how many VMs have each (namespaces may repeat one). */
  readonly allNames: Map<string, number>;
  readonly names: Set<string>;
  readonly uuids: Set<string>;
  /** Disk path to the KVM VMs using it. */
  readonly disks: Map<string, Vm[]>;
  /** Filesystem path to the containers using it. */
  readonly filesystems: Map<string, Vm[]>;
  readonly namespace: string;
}

const indexKey = (namespace: string): string => `launch-index\0${namespace}`;

/** The launch index for `namespace`, built once and then kept up to date by the launches. */
function launchIndex(node: SimNode, namespace: string): VmIndex {
  return node.vms.derive(indexKey(namespace), () => {
    const index: VmIndex = { allNames: new Map(), names: new Set(), uuids: new Set(), disks: new Map(), filesystems: new Map(), namespace };
    for (const vm of node.vms.values()) addToIndex(index, vm);
    return index;
  });
}

/**
 * Whether a VM visible in `namespace` has `name` (no namespace: any VM of
 * the node), without listing the VMs: launches ask it for every name.
 */
export function launchNameTaken(node: SimNode, namespace: string): (name: string) => boolean {
  const index = launchIndex(node, namespace);
  return namespace === '' ? (n) => index.allNames.has(n) : (n) => index.names.has(n);
}

function addToIndex(index: VmIndex, vm: Vm): void {
  index.allNames.set(vm.name, (index.allNames.get(vm.name) ?? 0) + 1);
  if (vm.namespace === index.namespace) {
    index.names.add(vm.name);
    index.uuids.add(vm.uuid);
  }
  const add = (m: Map<string, Vm[]>, k: string): void => {
    const l = m.get(k);
    if (l) l.push(vm);
    else m.set(k, [vm]);
  };
  if (vm.type === 'kvm') for (const d of vm.config.disk) add(index.disks, d);
  else add(index.filesystems, vm.config.filesystem);
}

function findConflict(index: VmIndex, type: VmType, name: string, uuid: string, c: VmConfig): string | undefined {
  if (index.names.has(name)) return `duplicate VM name: ${name}`;
  if (index.uuids.has(uuid)) return `duplicate VM UUID: ${uuid}`;
  if (type === 'kvm') {
    for (const d of c.disk) {
      const other = index.disks.get(d)?.find((vm) => !c.snapshot || !vm.config.snapshot);
      if (other) return `disk conflict with vm ${other.name}: ${d}`;
    }
  } else {
    const other = index.filesystems.get(c.filesystem)?.find((vm) => !c.snapshot || !vm.config.snapshot);
    if (other) return `filesystem conflict with vm ${other.name}: ${c.filesystem}`;
  }
  return undefined;
}

/**
 * Starts a VM's hardware: containers always start; KVM fails when its QEMU
 * binary cannot be run. A failure puts the VM in ERROR with the `error` tag
 * and returns the error text.
 */
export function startVm(vm: Vm): string | undefined {
  const failure = vm.type === 'kvm' ? qemuStartError(vm.config) : undefined;
  if (failure === undefined) return undefined;
  vm.state = 'ERROR';
  setTag(vm, 'error', failure);
  return failure;
}
