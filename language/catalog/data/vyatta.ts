import type { HandlerSpec } from '../types.js';

/** Handlers of the `vyatta` family, in minimega 2.3 registration order. */
export const vyattaHandlers: readonly HandlerSpec[] = [
  {
    id: "vyatta",
    group: "vyatta",
    category: "local",
    patterns: [
      "vyatta",
      "vyatta <dhcp,>",
      "vyatta <dhcp,> add <network> <gateway or none> <low dhcp range> <high dhcp range> [dns server]",
      "vyatta <dhcp,> delete <network>",
      "vyatta <interfaces,> [net A.B.C.D/MASK or dhcp or none]...",
      "vyatta <interfaces6,> [net IPv6 address/MASK or none]...",
      "vyatta <rad,> [prefix]...",
      "vyatta <ospf,> [network]...",
      "vyatta <ospf3,> [network]...",
      "vyatta <routes,> [network and next-hop separated by comma]...",
      "vyatta <config,> [filename]",
      "vyatta <write,> [filename]",
    ],
    summary: "Assembles a Vyatta router configuration (DHCP pools, IPv4/IPv6 interface addresses, router advertisements, OSPF/OSPF3, static routes) and writes it to a floppy image; the API is marked deprecated.",
    doc: "Assembles a Vyatta router configuration (DHCP pools, IPv4/IPv6 interface addresses, router advertisements, OSPF/OSPF3, static routes) and writes it to a floppy image; the API is marked deprecated.",
    simulated: false,
    args: {
      "network": { summary: "CIDR network (dhcp add/delete, ospf)" },
      "gateway": { summary: "gateway IP or 'none'" },
      "low": { summary: "first lease IP" },
      "high": { summary: "last lease IP" },
      "dns": { summary: "DNS server IP" },
      "net": { summary: "per interface: CIDR, 'dhcp' or 'none' (v4); IPv6 CIDR or 'none' (v6); count must match the other family or be 0" },
      "prefix": { summary: "IPv6 prefix or 'none'" },
      "filename": { summary: "config file to embed (config) or output image name (write; random under files dir if omitted)" },
    },
    quirks: [
      "routes list uses key 'network' from '[network and next-hop separated by comma]...'; each item is NETWORK,NEXTHOP",
    ],
  },
  {
    id: "clear vyatta",
    group: "vyatta",
    category: "local",
    patterns: [
      "clear vyatta",
    ],
    summary: "Resets the Vyatta configuration builder to empty.",
    doc: "Resets the Vyatta configuration builder to empty.",
    simulated: false,
    args: {
    },
  },
];
