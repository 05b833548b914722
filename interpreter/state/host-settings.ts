/**
 * Settings of the simulated host that only a few commands read back:
 * bridge trunks and tunnels, `optimize`, `log`, `deploy flags`, `web` and
 * the CPU profile of `debug`.
 */

/** Trunk ports and tunnels of one bridge. */
export interface BridgePorts {
  readonly trunks: Set<string>;
  /** Tunnel interface name to `vxlan` or `gre` and the remote address. */
  readonly tunnels: Map<string, { readonly type: string; readonly remote: string }>;
  /** 3.1 `bridge config`: Open vSwitch settings by key. */
  readonly config?: Map<string, string>;
}

export interface OptimizeSettings {
  ksm: boolean;
  affinity: boolean;
  /** The CPU filter as typed ("" for none). */
  affinityFilter: string;
  /** The hugetlbfs mount ("" for none); KVM command lines get `-mem-info <path>`. */
  hugepages: string;
}

export function createOptimizeSettings(): OptimizeSettings {
  return { ksm: false, affinity: false, affinityFilter: '', hugepages: '' };
}

export interface LogSettings {
  level: string;
  stderr: boolean;
  file: string;
  readonly filters: string[];
  /** `remote <tcp|udp> <address>`, `local`, or "" when off. */
  syslog: string;
  /** 3.1 `log mesh`: the node log lines are forwarded to ("" when off). */
  mesh: string;
  /** 3.1 `log ring`: the ring's size in lines, undefined when there is no ring. */
  ring: number | undefined;
}

/** minimega's defaults: `-level warn`, logging to stderr. */
export function createLogSettings(): LogSettings {
  return { level: 'warn', stderr: true, file: '', filters: [], syslog: '', mesh: '', ring: undefined };
}

export interface WebSettings {
  /** The port the web interface was started on, or undefined when it was not started. */
  port: number | undefined;
  root: string;
}

export function createWebSettings(): WebSettings {
  return { port: undefined, root: 'misc/web' };
}
