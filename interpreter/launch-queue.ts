/**
 * A namespace's launch queue (runtime.md §3.4): the entries in order, and
 * what every queued line asks of it (is a name queued already, how many VMs
 * wait) kept as the entries come, so queueing stays linear in the lines.
 */
import type { VmConfig } from './vm-config-state.js';
import type { VmType } from './vm-model.js';

/** One queued `vm launch` request with its config snapshot. */
export interface QueueEntry {
  readonly names: readonly string[];
  readonly type: VmType;
  readonly config: VmConfig;
}

export class LaunchQueue {
  private entries: QueueEntry[] = [];
  private readonly names = new Set<string>();
  private vms = 0;

  /** Queued requests (2.3's `Number of queuedVMs` counts these, not VMs). */
  get length(): number {
    return this.entries.length;
  }

  /** VMs waiting, over every entry. */
  get vmCount(): number {
    return this.vms;
  }

  /** Whether a queued entry holds the (non-empty) name `name`. */
  has(name: string): boolean {
    return this.names.has(name);
  }

  /** The entries in order, left in the queue (what is waiting, for a report). */
  peek(): readonly QueueEntry[] {
    return this.entries;
  }

  push(entry: QueueEntry): void {
    this.entries.push(entry);
    for (const n of entry.names) if (n !== '') this.names.add(n);
    this.vms += entry.names.length;
  }

  /** Empties the queue and returns what it held, in order. */
  take(): QueueEntry[] {
    const out = this.entries;
    this.entries = [];
    this.names.clear();
    this.vms = 0;
    return out;
  }
}
