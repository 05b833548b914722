import type { HandlerSpec } from '../types.js';
import { example, nsNode, paras } from './doc-text.js';

const instanceDoc = 'An integer id as listed by `dnsmasq`, e.g. `0`, or `all` for every instance.';

/** Handlers of the `dnsmasq` family, in minimega 3.1 registration order. */
export const dnsmasqHandlers: readonly HandlerSpec[] = [
  {
    id: 'dnsmasq',
    group: 'dnsmasq',
    category: 'local',
    patterns: ['dnsmasq', 'dnsmasq start <listen address> <low dhcp range> <high dhcp range> [config]', 'dnsmasq start <config>', 'dnsmasq kill <id or all>'],
    summary: 'List, start or stop dnsmasq DHCP/DNS servers on this host',
    doc: paras(
      'Runs dnsmasq instances that serve DHCP and DNS to VMs, usually on a host tap.',
      '- `dnsmasq` lists the running instances with their ids.\n- `dnsmasq start <listen> <low> <high> [config]` serves DHCP on the address `<listen>` with leases from `<low>` to `<high>`, optionally with a dnsmasq config file.\n- `dnsmasq start <config>` starts an instance from a config file alone.\n- `dnsmasq kill <id>` stops one instance, `dnsmasq kill all` every one.',
      nsNode + ' `clear all` stops every instance.',
      'Example:',
      example('tap create 100 ip 10.0.0.1/24', 'dnsmasq start 10.0.0.1 10.0.0.2 10.0.0.254', 'dnsmasq kill all'),
      'Note: the two `start` forms are told apart by the number of words only: one is a config file, three or four are an address range.',
    ),
    args: {
      listen: { summary: 'IPv4 address the server listens on', doc: 'Usually the address of a host tap, e.g. `10.0.0.1`.', domain: 'ip' },
      low: { summary: 'First IPv4 address of the lease range', doc: 'Example: `10.0.0.2`.', domain: 'ip' },
      high: { summary: 'Last IPv4 address of the lease range', doc: 'Example: `10.0.0.254`.', domain: 'ip' },
      config: { summary: 'Absolute path of a dnsmasq config file', doc: 'Example: `/etc/dnsmasq.d/lab.conf`.', domain: 'path' },
      id: { summary: 'Instance id, or `all`', doc: instanceDoc },
    },
    quirks: ['`dnsmasq start <config>` and the address form are told apart only by the number of words'],
  },
  {
    id: 'dnsmasq configure',
    group: 'dnsmasq',
    category: 'local',
    patterns: [
      'dnsmasq configure <ID> <ip,>',
      'dnsmasq configure <ID> <ip,> <mac address> <ip>',
      'dnsmasq configure <ID> <dns,>',
      'dnsmasq configure <ID> <dns,> <ip> <hostname>',
      'dnsmasq configure <ID> <dns,> <upstream,>',
      'dnsmasq configure <ID> <dns,> <upstream,> server <ip>',
      'dnsmasq configure <ID> <options,>',
      'dnsmasq configure <ID> <options,> <optionstring>',
    ],
    summary: 'Show or add static leases, DNS records, upstream DNS servers or DHCP options of dnsmasq',
    doc: paras(
      "- `dnsmasq configure <id> ip` lists the static leases; `... ip <mac> <ip>` always gives the interface with that MAC address that address.\n- `dnsmasq configure <id> dns` lists the host records; `... dns <ip> <hostname>` makes the name resolve to the address.\n- `dnsmasq configure <id> dns upstream` lists the upstream DNS servers; `... dns upstream server <ip>` adds one.\n- `dnsmasq configure <id> options` lists extra DHCP options; `... options <option>` adds one in dnsmasq's `dhcp-option` syntax.",
      nsNode,
      'Examples:',
      example(
        'dnsmasq configure 0 ip 00:11:22:33:44:55 10.0.0.10',
        'dnsmasq configure 0 dns upstream server 8.8.8.8',
        'dnsmasq configure all options option:dns-server,10.0.0.1',
      ),
    ),
    args: {
      ID: { summary: 'Instance id, or `all`', doc: instanceDoc },
      ip: { summary: 'IPv4 address: the lease, the DNS record or the upstream server', doc: 'Example: `10.0.0.10`.', domain: 'ip' },
      mac: { summary: 'MAC address of the VM interface', doc: 'Example: `00:11:22:33:44:55`.', domain: 'mac' },
      hostname: { summary: 'Host name of the DNS record', doc: 'Example: `web.lab`.' },
      optionstring: { summary: "A DHCP option in dnsmasq's `dhcp-option` syntax", doc: 'Example: `option:dns-server,10.0.0.1`.' },
    },
    since23: { kind: 'changed', from: 'dnsmasq configure', note: 'New `dns upstream` forms for upstream DNS servers.' },
  },
];
