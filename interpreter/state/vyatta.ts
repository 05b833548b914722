/** The Vyatta router configuration `vyatta` builds step by step (deprecated in 2.3). */

export interface VyattaDhcpPool {
  readonly network: string;
  readonly gateway: string;
  readonly low: string;
  readonly high: string;
  readonly dns: string;
}

export interface VyattaConfig {
  readonly dhcp: Map<string, VyattaDhcpPool>;
  /** The lists of `vyatta interfaces`, `interfaces6`, `rad`, `ospf`, `ospf3`, `routes`, as typed. */
  readonly lists: Map<string, readonly string[]>;
  /** A complete config file given with `vyatta config <file>` ("" for none). */
  configFile: string;
}

/** The list sections, in the order the listing shows them. */
export const VYATTA_LISTS = ['interfaces', 'interfaces6', 'rad', 'ospf', 'ospf3', 'routes'] as const;

export function createVyattaConfig(): VyattaConfig {
  return { dhcp: new Map(), lists: new Map(), configFile: '' };
}
