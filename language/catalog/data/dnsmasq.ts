import type { HandlerSpec } from '../types.js';
import { example, nsLocal, paras } from './doc-text.js';

/** Handlers of the `dnsmasq` family, in minimega 2.3 registration order. */
export const dnsmasqHandlers: readonly HandlerSpec[] = [
  {
    id: 'dnsmasq',
    group: 'dnsmasq',
    category: 'local',
    patterns: ['dnsmasq', 'dnsmasq start <listen address> <low dhcp range> <high dhcp range> [config]', 'dnsmasq start <config>', 'dnsmasq kill <id or all>'],
    summary: 'List, start or stop dnsmasq DHCP/DNS servers on this host',
    doc: paras(
      'Runs dnsmasq instances that serve DHCP and DNS to VMs, usually on a host tap.',
      '- `dnsmasq` lists the running instances with their ids.\n- `dnsmasq start <listen> <low> <high> [config]` serves DHCP on the address `<listen>`, handing out leases from `<low>` to `<high>`, optionally with an extra dnsmasq config file.\n- `dnsmasq start <config>` starts an instance from a config file only.\n- `dnsmasq kill <id>` stops one instance, `dnsmasq kill all` every instance.',
      nsLocal,
      'Examples:',
      example('tap create 100 ip 10.0.0.1/24', 'dnsmasq start 10.0.0.1 10.0.0.2 10.0.0.254', 'dnsmasq kill all'),
      'Note: the two `start` forms are told apart only by the number of arguments: one argument is a config file, three or four are an address range.',
      'In `mm`: no dnsmasq process is started. Each server is recorded with its id, its addresses and a generated process id, and listed by `dnsmasq`.',
    ),
    args: {
      listen: {
        summary: 'IPv4 address the server listens on',
        doc: 'Usually the address of a host tap, e.g. `10.0.0.1`.',
        domain: 'ip',
      },
      low: {
        summary: 'First IPv4 address of the lease range',
        doc: 'Example: `10.0.0.2`.',
        domain: 'ip',
      },
      high: {
        summary: 'Last IPv4 address of the lease range',
        doc: 'Example: `10.0.0.254`.',
        domain: 'ip',
      },
      config: {
        summary: 'Absolute path of a dnsmasq config file',
        doc: 'Extra dnsmasq configuration, e.g. `/etc/dnsmasq.d/lab.conf`.',
        domain: 'path',
      },
      id: {
        summary: 'Instance id as listed by `dnsmasq`, or `all`',
        doc: 'An integer id, e.g. `0`, or `all` for every instance.',
      },
    },
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
      'dnsmasq configure <ID> <options,>',
      'dnsmasq configure <ID> <options,> <optionstring>',
    ],
    summary: 'Show or add static leases, DNS records or DHCP options of a dnsmasq server',
    doc: paras(
      'Changes a running dnsmasq instance.',
      "- `dnsmasq configure <id> ip` lists its static leases; `dnsmasq configure <id> ip <mac> <ip>` always gives the VM with that MAC address that IP address.\n- `dnsmasq configure <id> dns` lists its host records; `dnsmasq configure <id> dns <ip> <hostname>` makes the name resolve to the address.\n- `dnsmasq configure <id> options` lists its extra DHCP options; `dnsmasq configure <id> options <option>` adds one in dnsmasq's `dhcp-option` syntax.",
      nsLocal,
      'Examples:',
      example(
        'dnsmasq configure 0 ip 00:11:22:33:44:55 10.0.0.10',
        'dnsmasq configure 0 dns 10.0.0.10 web.lab',
        'dnsmasq configure all options option:dns-server,10.0.0.1',
      ),
      'In `mm`: leases, host records and options are recorded and listed; no dnsmasq is reconfigured.',
    ),
    args: {
      ID: {
        summary: 'Instance id as listed by `dnsmasq`, or `all`',
        doc: 'An integer id, e.g. `0`, or `all` for every instance.',
      },
      ip: {
        summary: 'IPv4 address to hand out or to resolve to',
        doc: 'Example: `10.0.0.10`.',
        domain: 'ip',
      },
      mac: {
        summary: 'MAC address of the VM interface',
        doc: 'Example: `00:11:22:33:44:55`.',
        domain: 'mac',
      },
      hostname: {
        summary: 'Host name for the DNS record',
        doc: 'Example: `web.lab`.',
      },
      optionstring: {
        summary: "A DHCP option in dnsmasq's `dhcp-option` syntax",
        doc: 'Example: `option:dns-server,10.0.0.1`.',
      },
    },
  },
];
