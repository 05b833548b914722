import type { HandlerSpec } from '../types.js';

/** Handlers of the `bridge` family, in minimega 2.3 registration order. */
export const bridgeHandlers: readonly HandlerSpec[] = [
  {
    id: "tap",
    group: "bridge",
    category: "local",
    patterns: [
      "tap",
      "tap <create,> <vlan>",
      "tap <create,> <vlan> name <tap name>",
      "tap <create,> <vlan> <dhcp,> [tap name]",
      "tap <create,> <vlan> ip <ip> [tap name]",
      "tap <create,> <vlan> bridge <bridge>",
      "tap <create,> <vlan> bridge <bridge> name [tap name]",
      "tap <create,> <vlan> bridge <bridge> <dhcp,> [tap name]",
      "tap <create,> <vlan> bridge <bridge> ip <ip> [tap name]",
      "tap <delete,> <id or all>",
    ],
    summary: "Lists host taps, or creates a host-side tap on a VLAN (choosing bridge, tap name, static address or DHCP), or removes taps.",
    doc: "Lists host taps, or creates a host-side tap on a VLAN (choosing bridge, tap name, static address or DHCP), or removes taps.",
    simulated: true,
    args: {
      "vlan": { summary: "VLAN number or VLAN alias (aliases are allocated from the namespace's VLAN range on first use)", domain: "vlan" },
      "tap": { summary: "optional tap name; default mega_tapN; 'all' is reserved", domain: "tapName" },
      "ip": { summary: "address with prefix length, handed to 'ip addr add' (e.g. 10.0.0.1/24)" },
      "bridge": { summary: "bridge name; default mega_bridge; 'all' is reserved", domain: "bridge" },
      "id": { summary: "tap name or 'all'", domain: "tapName" },
    },
    quirks: [
      "'tap <create,> <vlan> bridge <bridge> name [tap name]' makes the tap name optional after the literal 'name'",
      "the literal 'bridge' and the variable <bridge> share the word; <tap name>/<id or all> keys are 'tap' and 'id'",
    ],
  },
  {
    id: "clear tap",
    group: "bridge",
    category: "local",
    patterns: [
      "clear tap",
    ],
    summary: "Removes every host tap that minimega created (in the active namespace).",
    doc: "Removes every host tap that minimega created (in the active namespace).",
    simulated: true,
    args: {
    },
  },
  {
    id: "bridge",
    group: "bridge",
    category: "local",
    patterns: [
      "bridge",
      "bridge <trunk,> <bridge> <interface>",
      "bridge <notrunk,> <bridge> <interface>",
      "bridge <tunnel,> <vxlan,gre> <bridge> <remote ip>",
      "bridge <notunnel,> <bridge> <interface>",
    ],
    summary: "Shows managed bridges with their VLANs, trunks and tunnels, or adds/removes trunk ports and VXLAN/GRE tunnels on a bridge.",
    doc: "Shows managed bridges with their VLANs, trunks and tunnels, or adds/removes trunk ports and VXLAN/GRE tunnels on a bridge.",
    simulated: false,
    args: {
      "bridge": { summary: "bridge name (looked up or created)" },
      "interface": { summary: "host port name (trunk) or tunnel port name (notunnel)" },
      "vxlan": { summary: "tunnel encapsulation" },
      "gre": { summary: "tunnel encapsulation" },
      "remote": { summary: "remote tunnel endpoint IP address" },
    },
  },
];
