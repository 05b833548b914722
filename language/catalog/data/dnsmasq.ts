import type { HandlerSpec } from '../types.js';

/** Handlers of the `dnsmasq` family, in minimega 2.3 registration order. */
export const dnsmasqHandlers: readonly HandlerSpec[] = [
  {
    id: "dnsmasq",
    group: "dnsmasq",
    category: "local",
    patterns: [
      "dnsmasq",
      "dnsmasq start <listen address> <low dhcp range> <high dhcp range> [config]",
      "dnsmasq start <config>",
      "dnsmasq kill <id or all>",
    ],
    summary: "Lists dnsmasq DHCP/DNS instances, launches one for an address and lease range and/or a config file, or terminates instances.",
    doc: "Lists dnsmasq DHCP/DNS instances, launches one for an address and lease range and/or a config file, or terminates instances.",
    simulated: false,
    args: {
      "listen": { summary: "IPv4 address to serve on" },
      "low": { summary: "first IPv4 of the lease range" },
      "high": { summary: "last IPv4 of the lease range" },
      "config": { summary: "absolute path of an extra dnsmasq config file" },
      "id": { summary: "integer instance ID, or 'all'" },
    },
    quirks: [
      "'dnsmasq start <config>' (one arg) and the 3-4 arg form are told apart only by argument count",
    ],
  },
  {
    id: "dnsmasq configure",
    group: "dnsmasq",
    category: "local",
    patterns: [
      "dnsmasq configure <ID> <ip,>",
      "dnsmasq configure <ID> <ip,> <mac address> <ip>",
      "dnsmasq configure <ID> <dns,>",
      "dnsmasq configure <ID> <dns,> <ip> <hostname>",
      "dnsmasq configure <ID> <options,>",
      "dnsmasq configure <ID> <options,> <optionstring>",
    ],
    summary: "Shows or adds static MAC-to-IP leases, hostname records, or raw DHCP options on a running dnsmasq instance.",
    doc: "Shows or adds static MAC-to-IP leases, hostname records, or raw DHCP options on a running dnsmasq instance.",
    simulated: false,
    args: {
      "ID": { summary: "instance ID or 'all'" },
      "ip": { summary: "IPv4 address" },
      "mac": { summary: "MAC address" },
      "hostname": { summary: "DNS name" },
      "optionstring": { summary: "dnsmasq dhcp-option syntax, e.g. option:dns-server,172.17.0.254" },
    },
    quirks: [
      "key 'ip' is both a single choice (BoolArgs) and a string (StringArgs) in '<ip,> <mac address> <ip>'",
    ],
  },
];
