import type { HandlerSpec } from '../types.js';
import { example, nsLocal, paras } from './doc-text.js';

/** Handlers of the `vyatta` family, in minimega 2.3 registration order. */
export const vyattaHandlers: readonly HandlerSpec[] = [
  {
    id: 'vyatta',
    group: 'vyatta',
    category: 'local',
    patterns: [
      'vyatta',
      'vyatta <dhcp,>',
      'vyatta <dhcp,> add <network> <gateway or none> <low dhcp range> <high dhcp range> [dns server]',
      'vyatta <dhcp,> delete <network>',
      'vyatta <interfaces,> [net A.B.C.D/MASK or dhcp or none]...',
      'vyatta <interfaces6,> [net IPv6 address/MASK or none]...',
      'vyatta <rad,> [prefix]...',
      'vyatta <ospf,> [network]...',
      'vyatta <ospf3,> [network]...',
      'vyatta <routes,> [network and next-hop separated by comma]...',
      'vyatta <config,> [filename]',
      'vyatta <write,> [filename]',
    ],
    summary: 'Build a Vyatta router configuration and write it to a floppy image (deprecated)',
    doc: paras(
      'Builds a configuration for a Vyatta router VM step by step, then writes it to a floppy image for that VM. This command is marked deprecated in 2.3.',
      '- `vyatta` shows the configuration built so far.\n- `vyatta dhcp` lists the DHCP pools; `vyatta dhcp add <network> <gateway|none> <low> <high> [dns]` adds one; `vyatta dhcp delete <network>` removes one.\n- `vyatta interfaces <address/mask|dhcp|none>...` sets the IPv4 address of each interface in order; `vyatta interfaces6 <address/mask|none>...` the IPv6 addresses. Both lists must have the same length, or one of them none.\n- `vyatta rad <prefix|none>...` sets IPv6 router advertisements.\n- `vyatta ospf <network>...` and `vyatta ospf3 <network>...` set the networks for OSPF and OSPFv3.\n- `vyatta routes <network>,<next-hop>...` sets static routes.\n- `vyatta config <file>` uses a complete configuration file instead.\n- `vyatta write [file]` writes the floppy image (a random name in the files directory when omitted).',
      nsLocal,
      'Example:',
      example('vyatta interfaces 10.0.0.1/24 10.1.0.1/24', 'vyatta dhcp add 10.0.0.0/24 10.0.0.1 10.0.0.10 10.0.0.200', 'vyatta write router.img'),
      'In `mm`: the configuration is recorded and listed. `vyatta write` prints the image path and records the image in the files directory without writing it.',
    ),
    args: {
      network: {
        summary: 'Network in CIDR form (DHCP pool, OSPF) or `network,next-hop` (routes)',
        doc: 'Example: `10.0.0.0/24`; for `routes`, `10.2.0.0/16,10.0.0.254`.',
      },
      gateway: { summary: 'Gateway handed out by DHCP, or `none`', doc: 'Example: `10.0.0.1`.' },
      low: { summary: 'First address of the DHCP range', doc: 'Example: `10.0.0.10`.', domain: 'ip' },
      high: { summary: 'Last address of the DHCP range', doc: 'Example: `10.0.0.200`.', domain: 'ip' },
      dns: { summary: 'DNS server handed out by DHCP', doc: 'Example: `10.0.0.1`.', domain: 'ip' },
      net: {
        summary: 'One address per interface: `address/mask`, `dhcp` (IPv4 only) or `none`',
        doc: 'Example: `10.0.0.1/24 dhcp none` or, for `interfaces6`, `fd00::1/64 none`.',
      },
      prefix: { summary: 'IPv6 prefix to advertise per interface, or `none`', doc: 'Example: `fd00::/64`.' },
      filename: {
        summary: 'Configuration file to use (`config`) or floppy image to write (`write`)',
        doc: 'Example: `router.img`.',
        domain: 'path',
      },
    },
  },
  {
    id: 'clear vyatta',
    group: 'vyatta',
    category: 'local',
    patterns: ['clear vyatta'],
    summary: 'Start the Vyatta configuration over from empty',
    doc: paras('Forgets everything set with `vyatta`.', nsLocal, 'Example:', example('clear vyatta')),
    args: {},
  },
];
