/**
 * Looking up the one VM a command names: by name, id or
 * UUID among the active namespace's VMs, the lowest id first when a name
 * repeats across namespaces; and the state QEMU is in when a command needs it.
 */
import { BASE_DIR } from '../files-dir.js';
import { findVm } from '../targets.js';
import type { Vm } from '../vm-model.js';
import { CommandError, str, type HandlerContext } from './types.js';

/** The VM named by argument `key`, of any type; `vm not found: X` otherwise. */
export function oneVm(ctx: HandlerContext, key = 'vm'): Vm {
  const name = str(ctx, key);
  const vm = findVm(ctx.node.vmsIn(ctx.ns), name);
  if (!vm) throw new CommandError(`vm not found: ${name}`);
  return vm;
}

/** The KVM VM named by argument `key`: `vm not found: X`, then `vm not KVM: X` for a container. */
export function kvmVm(ctx: HandlerContext, key = 'vm'): Vm {
  const vm = oneVm(ctx, key);
  if (vm.type !== 'kvm') throw new CommandError(`vm not KVM: ${str(ctx, key)}`);
  return vm;
}

/**
 * What 2.3 answers when a command must talk to the VM's QEMU: nothing
 * while QEMU runs (BUILDING, RUNNING, PAUSED), a broken pipe
 * once it was killed, `qmp is not ready` when it never started.
 */
export function qmpError(vm: Vm): string | undefined {
  if (vm.state === 'QUIT') return `write unix @->${BASE_DIR}/${vm.id}/qmp: write: broken pipe`;
  if (vm.state === 'ERROR') return 'qmp is not ready';
  return undefined;
}

/** Throws the QMP error of a VM whose QEMU cannot answer. */
export function needQemu(vm: Vm): void {
  const e = qmpError(vm);
  if (e !== undefined) throw new CommandError(e);
}
