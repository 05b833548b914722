/**
 * The capture list of a node: pcap captures of a VM
 * interface or a whole bridge, and netflow writers on a bridge. An entry
 * with a VM belongs to that VM's namespace; one without belongs to every
 * namespace.
 */

/** The VM a capture is on, as it was when the capture started. */
export interface CapturedVm {
  readonly name: string;
  readonly namespace: string;
  readonly iface: number;
}

export interface CaptureEntry {
  readonly type: 'pcap' | 'netflow';
  readonly bridge: string;
  readonly vm?: CapturedVm;
  /** F' (a file) or `tcp:H:P` / `udp:H:P` (a netflow socket). */
  readonly path: string;
  /** `N/A` for pcap, `raw`, `ascii` or the word typed for netflow. */
  readonly mode: string;
  /** What may not repeat among a bridge's netflow writers: F', or `H:P` for a socket. */
  readonly writer?: string;
}

export class CaptureTable {
  entries: CaptureEntry[] = [];
  /** Bridges with a pcap mirror, to the mirror's tap name. */
  readonly mirrors = new Map<string, string>();
  /** The netflow timeout 2.3 prints (it never changes: a 2.3 bug). */
  readonly netflowTimeout = 10;

  /** Entries the namespace sees: its VMs' captures and every capture without a VM. */
  visible(namespace: string): CaptureEntry[] {
    return this.entries.filter((e) => isVisible(e, namespace));
  }

  /** Removes the entries `drop` selects; returns how many went. */
  remove(drop: (e: CaptureEntry) => boolean): number {
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => !drop(e));
    for (const b of [...this.mirrors.keys()]) {
      if (!this.entries.some((e) => e.type === 'pcap' && e.vm === undefined && e.bridge === b)) this.mirrors.delete(b);
    }
    return before - this.entries.length;
  }
}

/** Whether a namespace ("" = none active) sees an entry. */
export function isVisible(e: CaptureEntry, namespace: string): boolean {
  return e.vm === undefined || namespace === '' || e.vm.namespace === namespace;
}
