/**
 * 3.1's `vm net` (runtime-3.1.md §5.5, vm-target): the `bond` forms and
 * `clear vm net bond` are 3.1's own and checked with 3.1's errors (§8);
 * `connect` without a bridge keeps the interface's bridge (else
 * `mega_bridge`); the rest is 2.3's handler. Bonds are kept as if Open
 * vSwitch had made them (state/bonds.ts).
 */
import { goAtoi } from '../../language/index.js';
import { handlerFor } from '../handlers/registry.js';
import { CommandError, bool, reply, str, type Handler, type HandlerContext } from '../handlers/types.js';
import { applyToTarget, findVm, parseTarget } from '../targets.js';
import type { SimNode } from '../sim-node.js';
import type { Vm } from '../vm-model.js';
import { BOND_MODES, LACP_MODES, parseBondspec31 } from './bondspec-31.js';
import { adapt23 } from './renamed-args-31.js';

const net23 = adapt23('vm net', handlerFor('vm net'));

/** Runs `op` on every VM of the command's target (vm-target errors). */
function onTarget(ctx: HandlerContext, op: (vm: Vm) => string | undefined): void {
  applyToTarget(ctx.node.vmsIn(ctx.ns), parseTarget(str(ctx, 'vm')), () => true, op);
}

/** The comma-separated interface indexes of a bond. */
function indexes(text: string): number[] {
  return text.split(',').map((w) => {
    const i = goAtoi(w);
    if (i === undefined) throw new CommandError(`invalid interface index: ${w}`);
    return Number(i);
  });
}

/** Why a VM cannot bond these interfaces, or undefined when it can. */
function bondError(vm: Vm, interfaces: readonly number[]): string | undefined {
  for (const i of interfaces) if (i < 0 || i >= vm.nets.length) return `interface ${i} not found for vm ${vm.name}`;
  if (new Set(interfaces.map((i) => vm.nets[i]!.bridge)).size > 1) return 'interfaces being bonded are not on the same bridge';
  return undefined;
}

/**
 * Makes the bonds of a launch config's bondspecs on a new VM; one the VM
 * cannot make (an interface it lacks, two bridges) is left out.
 */
export function bondAtLaunch31(node: SimNode, vm: Vm, specs: readonly string[]): void {
  const bonds = node.hardware.bonds;
  for (const s of specs) {
    const b = parseBondspec31(s);
    if (bondError(vm, b.interfaces) === undefined) bonds.add(vm, { ...b, name: b.name ?? bonds.nextName() });
  }
}

const bond: Handler = (ctx) => {
  const mode = BOND_MODES.find((m) => bool(ctx, m)) ?? 'active-backup';
  const lacp = LACP_MODES.find((l) => bool(ctx, l)) ?? 'off';
  if (mode === 'balance-tcp' && lacp === 'off') throw new CommandError('LACP mode must be set to active or passive for balance-tcp bond mode');
  const interfaces = indexes(str(ctx, 'interface'));
  const bonds = ctx.node.hardware.bonds;
  const given = ctx.command.args.string.name;
  onTarget(ctx, (vm) => {
    const e = bondError(vm, interfaces);
    if (e) return e;
    bonds.add(vm, { name: given ?? bonds.nextName(), interfaces, mode, lacp, fallback: !bool(ctx, 'no-lacp-fallback'), qinq: bool(ctx, 'qinq') });
    return undefined;
  });
  return reply(ctx);
};

const net: Handler = (ctx) => {
  if (bool(ctx, 'bond')) return bond(ctx);
  if (bool(ctx, 'connect') && ctx.command.args.string.bridge === undefined) {
    const vm = findVm(ctx.node.vmsIn(ctx.ns), str(ctx, 'vm'));
    const pos = goAtoi(str(ctx, 'tap'));
    const current = vm && pos !== undefined && pos >= 0n ? vm.nets[Number(pos)]?.bridge : undefined;
    const bridge = current || 'mega_bridge';
    return net23({ ...ctx, command: { ...ctx.command, args: { ...ctx.command.args, string: { ...ctx.command.args.string, bridge } } } });
  }
  return net23(ctx);
};

/** `clear vm net bond <vm target> [name]`: one bond by name, or every bond, of the targeted VMs. */
const clearBond: Handler = (ctx) => {
  const name = ctx.command.args.string.name;
  const bonds = ctx.node.hardware.bonds;
  onTarget(ctx, (vm) => (bonds.remove(vm, name) === 0 && name !== undefined ? `bond ${name} doesn't exist on VM ${vm.name}` : undefined));
  return reply(ctx);
};

export const vmNetHandlers31: Record<string, Handler> = {
  'vm net': net,
  'clear vm net bond': clearBond,
};
