/**
 * A node's VMs by id. It counts its own changes, so values derived from the
 * VMs (the launch checks' index) are kept between commands and rebuilt only
 * after something else changed the VMs: sequential launches stay linear.
 */
import type { Vm } from './vm-model.js';

export class VmTable extends Map<number, Vm> {
  private changes = 0;
  private readonly derived = new Map<string, { readonly at: number; readonly value: unknown }>();

  override set(id: number, vm: Vm): this {
    this.changes++;
    return super.set(id, vm);
  }

  override delete(id: number): boolean {
    const had = super.delete(id);
    if (had) this.changes++;
    return had;
  }

  override clear(): void {
    this.changes++;
    super.clear();
  }

  /** The value `key` names, built from the VMs when they changed since it was last built. */
  derive<T>(key: string, build: () => T): T {
    const d = this.derived.get(key);
    if (d && d.at === this.changes) return d.value as T;
    const value = build();
    this.derived.set(key, { at: this.changes, value });
    return value;
  }

  /** Adds a VM whose caller brings `key`'s derived value up to date itself (the others go stale). */
  addKeeping(vm: Vm, key: string): void {
    this.set(vm.id, vm);
    const d = this.derived.get(key);
    if (d && d.at === this.changes - 1) this.derived.set(key, { at: this.changes, value: d.value });
  }
}
