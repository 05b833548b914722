/** A node's record of one namespace: its hosts, taps, launch queue and schedules. */
import { LaunchQueue } from './launch-queue.js';

/** Statistics of one scheduler run. */
export interface ScheduleRecord {
  readonly start: Date;
  end: Date | null;
  state: 'running' | 'completed';
  /** VMs launched (decision 2: statistics count VMs, not batches). */
  launched: number;
  failures: number;
  readonly total: number;
  readonly hosts: number;
}

export interface NamespaceRecord {
  readonly name: string;
  readonly hosts: Set<string>;
  readonly taps: Set<string>;
  readonly queue: LaunchQueue;
  readonly schedules: ScheduleRecord[];
}

/** Creates a namespace record with the given default hosts. */
export function createNamespaceRecord(name: string, hosts: Iterable<string>): NamespaceRecord {
  return { name, hosts: new Set(hosts), taps: new Set(), queue: new LaunchQueue(), schedules: [] };
}
