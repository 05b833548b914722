/**
 * The capture list of a node: pcap captures of a VM
 * interface or a whole bridge, and netflow writers on a bridge. An entry
 * with a VM belongs to that VM's namespace; one without belongs to every
 * namespace (2.3) or to the namespace that started it (3.1).
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
  /** 3.1: whether the netflow output is gzipped (2.3 never compresses). */
  readonly compress?: boolean;
  /** 3.1: the namespace a capture without a VM belongs to. */
  readonly namespace?: string;
}

/** 3.1's capture settings of one namespace (`capture pcap snaplen|filter`, `capture netflow mode|gzip`). */
export interface CaptureDefaults {
  snaplen: number;
  filter: string;
  mode: 'raw' | 'ascii';
  gzip: boolean;
}

/** The settings a namespace starts with (docs/simulator.md: the specs give none). */
export function createCaptureDefaults(): CaptureDefaults {
  return { snaplen: 1600, filter: '', mode: 'raw', gzip: false };
}

export class CaptureTable {
  entries: CaptureEntry[] = [];
  /** Bridges with a pcap mirror, to the mirror's tap name. */
  readonly mirrors = new Map<string, string>();
  /** The netflow timeout in seconds (2.3 prints it and never changes it, a 2.3 bug; 3.1 sets it). */
  netflowTimeout = 10;
  /** 3.1's capture settings by namespace. */
  readonly defaults = new Map<string, CaptureDefaults>();

  /** A namespace's capture settings (made on first use). */
  defaultsOf(namespace: string): CaptureDefaults {
    let d = this.defaults.get(namespace);
    if (!d) {
      d = createCaptureDefaults();
      this.defaults.set(namespace, d);
    }
    return d;
  }

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
  if (namespace === '') return true;
  if (e.vm) return e.vm.namespace === namespace;
  return e.namespace === undefined || e.namespace === namespace;
}
