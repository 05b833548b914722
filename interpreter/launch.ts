/** Local VM launch (runtime.md 3.6 and 3.7): create, check conflicts, register. */
import type { SimNode } from './node.js';
import { cloneConfig, type VmConfig } from './vm-config.js';
import { createVm, type Vm, type VmType } from './vm.js';
import { randomMac, randomUuid } from './random.js';

/**
 * Launches VMs on this node from a config snapshot. `names` are already
 * expanded and validated ("" = unnamed). Returns the error texts (one per
 * failed VM, 2.3 joins them with LF) and the VMs that launched.
 */
export function launchLocal(node: SimNode, type: VmType, names: readonly string[], config: VmConfig): { errors: string[]; launched: Vm[] } {
  if (names.length > 1 && config.uuid !== '') {
    return { errors: ['cannot launch multiple VMs with a pre-configured UUID'], launched: [] };
  }
  const seen = new Set<string>();
  for (const n of names) {
    if (n !== '' && seen.has(n)) return { errors: [`\`${n}\` is specified twice in VMs to launch`], launched: [] };
    seen.add(n);
  }
  const errors: string[] = [];
  const launched: Vm[] = [];
  for (const n of names) {
    const id = node.nextVmId++;
    const name = n === '' ? `vm-${id}` : n;
    if (type === 'container' && config.filesystem === '') {
      errors.push('unable to create container without a configured filesystem');
      continue;
    }
    const snapshot = cloneConfig(config);
    const uuid = snapshot.uuid !== '' ? snapshot.uuid : randomUuid(node.random);
    const conflict = findConflict(node, type, name, uuid, snapshot);
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
    node.vms.set(id, vm);
    for (const n of vm.nets) node.bridges.add(n.bridge);
    launched.push(vm);
  }
  return { errors, launched };
}

function findConflict(node: SimNode, type: VmType, name: string, uuid: string, c: VmConfig): string | undefined {
  for (const vm of node.vms.values()) {
    if (vm.namespace !== c.namespace) continue;
    if (vm.name === name) return `duplicate VM name: ${name}`;
    if (vm.uuid === uuid) return `duplicate VM UUID: ${uuid}`;
  }
  for (const vm of node.vms.values()) {
    if (type === 'kvm' && vm.type === 'kvm') {
      for (const d of c.disk) {
        if (vm.config.disk.includes(d) && (!c.snapshot || !vm.config.snapshot)) return `disk conflict with vm ${vm.name}: ${d}`;
      }
    }
    if (type === 'container' && vm.type === 'container' && vm.config.filesystem === c.filesystem) {
      if (!c.snapshot || !vm.config.snapshot) return `filesystem conflict with vm ${vm.name}: ${c.filesystem}`;
    }
  }
  return undefined;
}
