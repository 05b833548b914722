import type { HandlerSpec } from '../types.js';
import { example, nsLocal, paras } from './doc-text.js';

/** Handlers of the `bridge` family, in minimega 2.3 registration order. */
export const bridgeHandlers: readonly HandlerSpec[] = [
  {
    id: 'tap',
    group: 'bridge',
    category: 'local',
    role: 'tap',
    patterns: [
      'tap',
      'tap <create,> <vlan>',
      'tap <create,> <vlan> name <tap name>',
      'tap <create,> <vlan> <dhcp,> [tap name]',
      'tap <create,> <vlan> ip <ip> [tap name]',
      'tap <create,> <vlan> bridge <bridge>',
      'tap <create,> <vlan> bridge <bridge> name [tap name]',
      'tap <create,> <vlan> bridge <bridge> <dhcp,> [tap name]',
      'tap <create,> <vlan> bridge <bridge> ip <ip> [tap name]',
      'tap <delete,> <id or all>',
    ],
    summary: 'List host taps, create a host tap on a VLAN, or delete host taps',
    doc: paras(
      'A host tap is a network interface of this host itself, attached to a bridge on a VM VLAN, so the host can talk to the VMs on that VLAN.',
      '- `tap` lists the host taps as a table `bridge | tap | vlan`; with no namespace active a fourth column `namespace` names the owning namespace.\n- `tap create <vlan>` creates a tap on that VLAN and answers with its name (`mega_tap<N>` unless you give one). Add `name <tap name>` to choose the name, `dhcp` to configure its address with a DHCP client, or `ip <address/prefix>` to give it a static address; `bridge <bridge>` chooses the bridge (default `mega_bridge`, created when needed).\n- `tap delete <name>` deletes one host tap, `tap delete all` every host tap.',
      'VLANs print as numbers or as `alias (number)`. If setting the address fails, the tap is deleted again and the error (`ip error ...` or `dhcp error ...`) is returned.',
      nsLocal +
        ' Taps created while a namespace is active belong to it: the listing then shows only its taps, `tap delete` can only delete its taps (`not a host tap in active namespace` otherwise), and `clear namespace <name>` deletes them.',
      'Examples:',
      example('tap create 100', 'tap create web bridge mybr ip 10.0.0.1/24 web_tap', 'tap delete web_tap'),
      "Errors: a name already on that bridge gives `tap already on bridge`; `all` cannot be used as a bridge or tap name; deleting an unknown tap gives `unknown tap` and a VM's tap `not a host tap`. Quirk: deleting a namespace's tap while no namespace is active leaves its name in the namespace, and a later `clear namespace <name>` then fails with `unknown tap`.",
    ),
    args: {
      vlan: {
        summary: 'VLAN number (0-4095) or VLAN alias',
        doc: "A number such as `100`, or an alias such as `web`, which gets a VLAN number on first use (see `vlans`). `other//web` refers to another namespace's alias.",
        domain: 'vlan',
      },
      tap: {
        summary: 'Name for the new tap; default `mega_tap<N>`',
        doc: 'Any name except `all`, e.g. `web_tap`. Optional after `dhcp`, `ip <ip>` and `bridge <bridge> name`.',
        domain: 'tapName',
      },
      ip: {
        summary: 'Static address with prefix length, e.g. `10.0.0.1/24`',
        doc: 'Assigned to the tap after it is created, in `address/prefix` form.',
      },
      bridge: {
        summary: 'Bridge to put the tap on; default `mega_bridge`',
        doc: 'A bridge name, created when needed. `all` is reserved. Example: `mybr`.',
        domain: 'bridge',
      },
      id: {
        summary: 'Host tap to delete, or `all`',
        doc: 'The tap name as shown by `tap`, e.g. `mega_tap3`, or `all` for every host tap (of the active namespace, when one is active).',
        domain: 'tapName',
      },
    },
    quirks: [
      '`tap create <vlan> bridge <bridge> name` accepts the tap name as optional, unlike `tap create <vlan> name <tap name>`',
      "Deleting a namespace's tap while no namespace is active makes a later `clear namespace <name>` fail with `unknown tap`",
    ],
  },
  {
    id: 'clear tap',
    group: 'bridge',
    category: 'local',
    patterns: ['clear tap'],
    summary: 'Delete every host tap (of the active namespace, when one is active)',
    doc: paras(
      'Deletes all host taps created with `tap create`, like `tap delete all`. Taps that belong to VMs are not touched.',
      nsLocal + " With a namespace active, only that namespace's taps are deleted.",
      'Example:',
      example('clear tap'),
    ),
    args: {},
  },
  {
    id: 'bridge',
    group: 'bridge',
    category: 'local',
    patterns: [
      'bridge',
      'bridge <trunk,> <bridge> <interface>',
      'bridge <notrunk,> <bridge> <interface>',
      'bridge <tunnel,> <vxlan,gre> <bridge> <remote ip>',
      'bridge <notunnel,> <bridge> <interface>',
    ],
    summary: 'Show bridges, or add and remove trunk ports and VXLAN/GRE tunnels',
    doc: paras(
      'Manages the virtual switches (bridges) that VM interfaces and host taps are connected to.',
      '- `bridge` shows the bridges with their VLANs, trunk ports and tunnels.\n- `bridge trunk <bridge> <interface>` adds a host interface to the bridge as a trunk port; `bridge notrunk <bridge> <interface>` removes it.\n- `bridge tunnel vxlan|gre <bridge> <remote ip>` connects the bridge to another host through a VXLAN or GRE tunnel; `bridge notunnel <bridge> <interface>` removes the tunnel port.',
      nsLocal + ' Bridges are not namespace-aware.',
      'Examples:',
      example('bridge trunk mega_bridge eth1', 'bridge tunnel vxlan mega_bridge 10.0.0.2'),
      'In `mm`: a bridge exists once something uses it (a VM interface, a host tap, a capture, a trunk or a tunnel). Trunk ports and tunnels are recorded and listed; tunnel ports take `mega_tap<N>` names. Open vSwitch is never touched.',
    ),
    args: {
      bridge: {
        summary: 'Bridge name, e.g. `mega_bridge`',
        doc: 'The bridge to change; it is created if it does not exist.',
        domain: 'bridge',
      },
      interface: {
        summary: 'Host interface (trunk) or tunnel port (notunnel)',
        doc: "For `trunk`/`notrunk` a network interface of the host, e.g. `eth1`; for `notunnel` the tunnel's port name as shown by `bridge`.",
      },
      vxlan: {
        summary: 'Use a VXLAN tunnel',
        doc: "Encapsulate the bridge's traffic in VXLAN to the remote host.",
      },
      gre: {
        summary: 'Use a GRE tunnel',
        doc: "Encapsulate the bridge's traffic in GRE to the remote host.",
      },
      remote: {
        summary: 'IP address of the other tunnel end',
        doc: 'The address of the remote host, e.g. `10.0.0.2`.',
        domain: 'ip',
      },
    },
  },
];
