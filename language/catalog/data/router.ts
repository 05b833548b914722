import type { ArgSpec, HandlerSpec } from '../types.js';
import { example, nsVmTarget, paras } from './doc-text.js';

function logLevel(name: string): ArgSpec {
  return { summary: `minirouter log level \`${name}\``, doc: 'Levels from least to most verbose: `fatal`, `error`, `warn`, `info`, `debug`.' };
}

const vmArg: ArgSpec = {
  summary: 'The router VM: one VM name or id',
  doc: 'A VM that runs minirouter and the miniccc agent, e.g. `rtr`.',
  domain: 'vmName',
};

/** Handlers of the `router` family, in minimega 2.3 registration order. */
export const routerHandlers: readonly HandlerSpec[] = [
  {
    id: 'router',
    group: 'router',
    category: 'vmtarget',
    patterns: [
      'router <vm>',
      'router <vm> <commit,>',
      'router <vm> <log,> <level,> <fatal,error,warn,info,debug>',
      'router <vm> <interface,> <network> <IPv4/MASK or IPv6/MASK or dhcp>',
      'router <vm> <dhcp,> <listen address> <range,> <low address> <high address>',
      'router <vm> <dhcp,> <listen address> <router,> <router address>',
      'router <vm> <dhcp,> <listen address> <dns,> <address>',
      'router <vm> <dhcp,> <listen address> <static,> <mac> <ip>',
      'router <vm> <dns,> <ip> <hostname>',
      'router <vm> <upstream,> <ip>',
      'router <vm> <ra,> <subnet>',
      'router <vm> <route,> <static,> <network> <next-hop>',
      'router <vm> <route,> <ospf,> <area> <network>',
    ],
    summary: 'Configure a minirouter VM: addresses, DHCP, DNS, routes; apply with `commit`',
    doc: paras(
      'Builds the configuration of a VM that runs minirouter. Every form except `commit` only changes the staged configuration; `router <vm> commit` sends it to the VM.',
      "- `router <vm>` shows the router's configuration.\n- `router <vm> interface <index> <address/mask>|dhcp` gives the VM's interface number `<index>` a static IPv4 or IPv6 address, or DHCP.\n- `router <vm> dhcp <listen> range <low> <high>` serves DHCP leases on the interface with address `<listen>`; `... router <address>` and `... dns <address>` set the gateway and DNS server handed out; `... static <mac> <ip>` adds a fixed lease.\n- `router <vm> dns <ip> <hostname>` adds a DNS record; `router <vm> upstream <ip>` sets the upstream DNS server.\n- `router <vm> ra <subnet>` sends IPv6 router advertisements for a prefix.\n- `router <vm> route static <network> <next-hop>` adds a static route; `router <vm> route ospf <area> <index>` runs OSPF in an area on interface `<index>`.\n- `router <vm> log level <level>` sets minirouter's log level.",
      nsVmTarget,
      'Example:',
      example(
        'router rtr interface 0 10.0.0.1/24',
        'router rtr dhcp 10.0.0.1 range 10.0.0.10 10.0.0.200',
        'router rtr route static 0.0.0.0/0 10.0.0.254',
        'router rtr commit',
      ),
      'In `mm`: the staged settings are recorded and `router <vm>` lists them as a table `name | setting | committed`, each setting written as the words that made it; `commit` marks them committed. Nothing reaches the VM.',
    ),
    args: {
      vm: vmArg,
      fatal: logLevel('fatal'),
      error: logLevel('error'),
      warn: logLevel('warn'),
      info: logLevel('info'),
      debug: logLevel('debug'),
      network: {
        summary: 'Interface index (`interface`, `route ospf`) or destination network (`route static`)',
        doc: "For `interface` and `route ospf` the VM's interface number, counted from 0; for `route static` a network in CIDR form, e.g. `10.1.0.0/16`.",
      },
      'IPv4/MASK': {
        summary: 'Address with prefix length (IPv4 or IPv6), or `dhcp`',
        doc: 'Example: `10.0.0.1/24`, `fd00::1/64` or `dhcp`.',
      },
      listen: {
        summary: 'Router address whose interface serves the DHCP pool',
        doc: 'Example: `10.0.0.1`.',
        domain: 'ip',
      },
      low: { summary: 'First address of the DHCP range', doc: 'Example: `10.0.0.10`.', domain: 'ip' },
      high: { summary: 'Last address of the DHCP range', doc: 'Example: `10.0.0.200`.', domain: 'ip' },
      router: {
        summary: 'Default gateway handed out by DHCP',
        doc: 'Example: `10.0.0.1`.',
        domain: 'ip',
      },
      address: {
        summary: 'DNS server handed out by DHCP',
        doc: 'Example: `10.0.0.1`.',
        domain: 'ip',
      },
      mac: { summary: 'MAC address for a fixed lease', doc: 'Example: `00:11:22:33:44:55`.', domain: 'mac' },
      ip: {
        summary: 'IP address (of a fixed lease, a DNS record or the upstream server)',
        doc: 'Example: `10.0.0.20`.',
        domain: 'ip',
      },
      hostname: { summary: 'Name for the DNS record', doc: 'Example: `web.lab`.' },
      subnet: { summary: 'IPv6 prefix to advertise', doc: 'Example: `fd00::/64`.' },
      'next-hop': { summary: 'Gateway address of the static route', doc: 'Example: `10.0.0.254`.', domain: 'ip' },
      area: { summary: 'OSPF area', doc: 'Example: `0`.' },
    },
  },
  {
    id: 'clear router',
    group: 'router',
    category: 'vmtarget',
    patterns: [
      'clear router',
      'clear router <vm>',
      'clear router <vm> <interface,>',
      'clear router <vm> <interface,> <network>',
      'clear router <vm> <interface,> <network> <IPv4/MASK or IPv6/MASK or dhcp>',
      'clear router <vm> <dhcp,>',
      'clear router <vm> <dhcp,> <listen address>',
      'clear router <vm> <dhcp,> <listen address> <range,>',
      'clear router <vm> <dhcp,> <listen address> <router,>',
      'clear router <vm> <dhcp,> <listen address> <dns,>',
      'clear router <vm> <dhcp,> <listen address> <static,>',
      'clear router <vm> <dhcp,> <listen address> <static,> <mac>',
      'clear router <vm> <dns,>',
      'clear router <vm> <dns,> <ip>',
      'clear router <vm> <upstream,>',
      'clear router <vm> <ra,>',
      'clear router <vm> <ra,> <subnet>',
      'clear router <vm> <route,>',
      'clear router <vm> <route,> <static,>',
      'clear router <vm> <route,> <static,> <network>',
      'clear router <vm> <route,> <ospf,>',
      'clear router <vm> <route,> <ospf,> <area>',
      'clear router <vm> <route,> <ospf,> <area> <network>',
    ],
    summary: 'Remove staged router settings: one item, one section, a whole router, or all routers',
    doc: paras(
      'Undoes `router` settings in the staged configuration. `clear router` forgets every router, `clear router <vm>` the whole configuration of one router. Adding words narrows it down, following the `router` forms: `clear router <vm> dhcp` removes all DHCP pools, `clear router <vm> dhcp <listen>` one pool, `clear router <vm> dhcp <listen> static <mac>` one fixed lease; likewise for `interface`, `dns`, `upstream`, `ra` and `route static|ospf`.',
      'As with `router`, the VM only sees the change after `router <vm> commit`.',
      nsVmTarget,
      'Examples:',
      example('clear router rtr dhcp 10.0.0.1', 'clear router rtr route static', 'router rtr commit'),
    ),
    args: {
      vm: { ...vmArg, summary: 'The router VM; omit to forget all routers' },
      network: {
        summary: 'Interface index (`interface`, `route ospf`) or destination network (`route static`)',
        doc: 'As given to `router`, e.g. `0` or `10.1.0.0/16`.',
      },
      'IPv4/MASK': {
        summary: 'Address with prefix length, or `dhcp`, as given to `router`',
        doc: 'Example: `10.0.0.1/24`.',
      },
      listen: { summary: 'Router address of the DHCP pool', doc: 'Example: `10.0.0.1`.', domain: 'ip' },
      mac: { summary: 'MAC address of the fixed lease to remove', doc: 'Example: `00:11:22:33:44:55`.', domain: 'mac' },
      ip: { summary: 'Address of the DNS record to remove', doc: 'Example: `10.0.0.20`.', domain: 'ip' },
      subnet: { summary: 'IPv6 prefix to stop advertising', doc: 'Example: `fd00::/64`.' },
      area: { summary: 'OSPF area', doc: 'Example: `0`.' },
    },
  },
];
