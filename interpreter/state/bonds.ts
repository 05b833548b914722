/**
 * 3.1 bonds of VM interfaces (`vm net bond`, `clear vm net bond`): kept per
 * VM as if Open vSwitch had made them; nothing is touched on the host.
 */
import type { Vm } from '../vm-model.js';

export interface Bond {
  readonly name: string;
  /** The bonded interfaces, by position, as given. */
  readonly interfaces: readonly number[];
  readonly mode: string;
  readonly lacp: string;
  /** False with `no-lacp-fallback`. */
  readonly fallback: boolean;
  readonly qinq: boolean;
}

const NONE: readonly Bond[] = [];

export class BondTable {
  private readonly byVm = new WeakMap<Vm, Bond[]>();
  private serial = 0;

  /** A VM's bonds in the order they were made. */
  of(vm: Vm): readonly Bond[] {
    return this.byVm.get(vm) ?? NONE;
  }

  /** Adds a bond; one of the same name on that VM is replaced. */
  add(vm: Vm, bond: Bond): void {
    const bonds = (this.byVm.get(vm) ?? []).filter((b) => b.name !== bond.name);
    bonds.push(bond);
    this.byVm.set(vm, bonds);
  }

  /** Removes one bond by name, or all of a VM's; the number removed. */
  remove(vm: Vm, name?: string): number {
    const bonds = this.byVm.get(vm) ?? [];
    const kept = name === undefined ? [] : bonds.filter((b) => b.name !== name);
    this.byVm.set(vm, kept);
    return bonds.length - kept.length;
  }

  /** A name for a bond made without one: `mega_bond<N>`, from a node-wide counter. */
  nextName(): string {
    return `mega_bond${this.serial++}`;
  }
}
