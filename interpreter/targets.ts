/**
 * VM targets (`foo[1-3],bar`, ids, `all`) and name expansion for launches,
 * with 2.3's errors.
 */
import { goParseInt32, launchCountError, launchTooLarge, listCount, MAX_LAUNCH_VMS, splitList, vmNameError } from '../language/index.js';
import type { Vm } from './vm-model.js';
import { CommandError } from './command-error.js';

/** Expands `vm launch`'s `<name or count>`: names ("" = unnamed), or throws. */
export function expandLaunchNames(arg: string, exists: (name: string) => boolean): string[] {
  const count = goParseInt32(arg);
  if (count !== undefined) {
    const error = launchCountError(count);
    if (error !== undefined) throw new CommandError(error);
    return new Array<string>(count).fill('');
  }
  // Counted before anything is built, as `mm check` counts it.
  const bound = listCount(arg);
  if (typeof bound === 'number' && bound > MAX_LAUNCH_VMS) throw new CommandError(launchTooLarge(bound));
  const r = splitList(arg);
  if (!r.ok) throw new CommandError(r.error);
  if (r.values.length === 0) throw new CommandError('no VMs to launch');
  for (const n of r.values) {
    const error = vmNameError(n);
    if (error !== undefined) throw new CommandError(error);
    if (n !== '' && exists(n)) throw new CommandError(`vm already exists with name \`${n}\``);
  }
  return r.values;
}

/** A parsed target: all VMs, or a list of names/ids. */
export interface Target {
  readonly wild: boolean;
  readonly items: readonly string[];
}

/** Parses a target expression; syntax errors are the only error reported. */
export function parseTarget(arg: string): Target {
  const r = splitList(arg);
  if (!r.ok) throw new CommandError(r.error);
  return { wild: r.values.includes('all'), items: r.values };
}

/** Whether a VM is named by a target item (its name or its id). */
export function vmMatches(vm: Vm, item: string): boolean {
  return vm.name === item || String(vm.id) === item;
}

/**
 * Applies an operation to targeted VMs. `applies` says whether the operation
 * applies to a VM in its state (`wild` tells whether `all` selected it).
 * Single-item targets report `vm not found` / `VM state error`.
 */
export function applyToTarget(vms: readonly Vm[], target: Target, applies: (vm: Vm, wild: boolean) => boolean, op: (vm: Vm) => string | undefined): void {
  const errors: string[] = [];
  if (target.wild) {
    for (const vm of vms) if (applies(vm, true)) pushErr(errors, op(vm));
  } else if (target.items.length === 1) {
    const item = target.items[0]!;
    const found = vms.filter((vm) => vmMatches(vm, item));
    if (found.length === 0) throw new CommandError(`vm not found: ${item}`);
    let any = false;
    for (const vm of found) {
      if (applies(vm, false)) {
        any = true;
        pushErr(errors, op(vm));
      }
    }
    if (!any) throw new CommandError(`VM state error: ${item}`);
  } else {
    for (const item of target.items) {
      for (const vm of vms) if (vmMatches(vm, item) && applies(vm, false)) pushErr(errors, op(vm));
    }
  }
  if (errors.length > 0) throw new CommandError(errors.join('\n'));
}

function pushErr(errors: string[], e: string | undefined): void {
  if (e) errors.push(e);
}

/** Finds one VM by name, id or UUID among the visible ones. */
export function findVm(vms: readonly Vm[], key: string): Vm | undefined {
  return vms.find((vm) => vm.name === key || String(vm.id) === key || vm.uuid === key);
}
