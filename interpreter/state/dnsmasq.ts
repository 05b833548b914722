/** Simulated dnsmasq servers (`dnsmasq`, `dnsmasq configure`): what was started and configured. */

export interface DnsmasqServer {
  readonly id: number;
  /** Listening address, first and last lease address ("" when started from a config file only). */
  readonly listen: string;
  readonly low: string;
  readonly high: string;
  /** The instance directory minimega would create. */
  readonly path: string;
  /** The config file given, as typed ("" for none). */
  readonly config: string;
  readonly pid: number;
  /** Static leases: MAC to IP. */
  readonly leases: Map<string, string>;
  /** DNS host records: IP to host names. */
  readonly hosts: Map<string, string[]>;
  /** Extra DHCP options in dnsmasq's syntax. */
  readonly options: string[];
}

export class DnsmasqTable {
  readonly servers = new Map<number, DnsmasqServer>();
  nextId = 0;
}
