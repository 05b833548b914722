import type { ArgSpec, HandlerSpec } from '../types.js';
import { example, nsLocal, nsNode, nsVmTarget, paras } from './doc-text.js';

const mirrorsHidden =
  'Mirrors are not listed anywhere (`tap`, `bridge` and `vm info` show no trace of them); only the errors of later mirror commands reveal them.';

const vmSide = (which: string): ArgSpec => ({
  summary: `${which} VM: name, id or UUID`,
  doc: 'A VM of the namespace on the same host as the other one, in any state, e.g. `web1`.',
  domain: 'vmName',
});

const indexArg = (which: string): ArgSpec => ({
  summary: `Interface index of the ${which} VM, counted from 0`,
  doc: 'An integer; `0` is the first interface of `vm config networks`. A word that is not an integer gives ``invalid interface number: `<x>` ``.',
  domain: 'int',
});

/** Handlers of the `bridge` family, in minimega 3.1 registration order. */
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
      'tap <mirror,> <src name> <dst name> [bridge]',
      'tap <delete,> <tap name or all>',
    ],
    summary: "List the namespace's host taps, create one on a VLAN, mirror one tap to another, or delete taps",
    doc: paras(
      'A host tap is a network interface of this host attached to a bridge on a VM VLAN, so the host can talk to the VMs there.',
      '- `tap` lists the namespace\'s host taps as `bridge | tap | vlan`.\n- `tap create <vlan>` creates a tap and prints its name (`mega_tap<N>` unless you give one); `name <tap name>` chooses the name, `dhcp` runs a DHCP client on it, `ip <address/prefix>` gives it a static address, and `bridge <bridge>` picks the bridge (default `mega_bridge`, created when needed).\n- `tap mirror <src> <dst> [bridge]` copies all traffic of tap `<src>` to tap `<dst>`; both must be on the bridge (default `mega_bridge`), and an empty `<src>` (`""`) mirrors the whole bridge.\n- `tap delete <name>` deletes one of the namespace\'s host taps, `tap delete all` all of them.',
      "VLANs print as numbers or as `alias (number)` (another namespace's alias as `ns//alias (number)`). Generated tap names share one counter per node with the taps of VMs. " +
        mirrorsHidden,
      nsLocal + ' Taps and mirrors belong to that namespace; `clear namespace` deletes them.',
      'Examples:',
      example('tap create 100', 'tap create web bridge mybr ip 10.0.0.1/24 web_tap', 'tap mirror web_tap mega_tap3 mybr', 'tap delete web_tap'),
      "Errors: `tap already on bridge`; `all` is reserved as a bridge or tap name; `unknown tap`, `not a host tap` and `not a host tap in active namespace` (it means the command's namespace) when deleting; `cannot mirror tap to itself`, `source tap is not on bridge`, `destination tap is not on bridge` and `destination tap is already a mirror` when mirroring.",
      'Quirk: deleting a tap that is a mirror destination removes only the mirror; the tap stays on its bridge for good, keeps its name taken and is no longer listed.',
    ),
    args: {
      vlan: {
        summary: 'VLAN number (0-4095) or VLAN alias',
        doc: "A number such as `100`, or an alias such as `web`, which gets a number on first use (see `vlans`). `other//web` names another namespace's alias.",
        domain: 'vlan',
      },
      tap: {
        summary: 'Tap name: for `create` the new name (default `mega_tap<N>`), for `delete` a tap or `all`',
        doc: 'Any name except `all` when creating, e.g. `web_tap`. Optional after `dhcp`, `ip <ip>` and `bridge <bridge> name`.',
        domain: 'tapName',
      },
      ip: {
        summary: 'Static address with prefix length, e.g. `10.0.0.1/24`',
        doc: 'Given to the tap after it is created; on failure the tap is deleted again and the answer is ``ip error ...``.',
      },
      bridge: {
        summary: 'Bridge of the tap or of both mirror taps; default `mega_bridge`',
        doc: 'A bridge name, created when needed; `all` is reserved. Example: `mybr`.',
        domain: 'bridge',
      },
      src: {
        summary: 'Tap whose traffic is copied; `""` for the whole bridge',
        doc: 'Any tap on the bridge: host taps of any namespace or VM taps, e.g. `mega_tap0`.',
        domain: 'tapName',
      },
      dst: {
        summary: 'Tap that receives the copy',
        doc: 'A tap on the same bridge that is not a mirror destination yet, e.g. `mega_tap3`.',
        domain: 'tapName',
      },
    },
    quirks: [
      '`tap create <vlan> bridge <bridge> name` takes the tap name as optional, unlike `tap create <vlan> name <tap name>`',
      'Deleting a tap that is a mirror destination leaves the tap on its bridge, unlisted, with its name taken',
    ],
    since23: {
      kind: 'changed',
      from: 'tap',
      note: "New `tap mirror` form. The listing has no `namespace` column any more: it shows only the namespace's taps.",
    },
  },
  {
    id: 'tap mirror',
    group: 'bridge',
    category: 'vmtarget',
    patterns: ['tap <mirror,> <vm name> <interface index> <vm2 name> <interface2 index>'],
    summary: 'Copy the traffic of one VM interface to an interface of another VM on the same host',
    doc: paras(
      '`tap mirror <vm> <index> <vm2> <index2>` mirrors interface `<index>` of `<vm>` onto interface `<index2>` of `<vm2>`. Both VMs must run on the same host and both interfaces must be on the same bridge. ' +
        mirrorsHidden,
      nsVmTarget,
      'Example:',
      example('tap mirror web1 0 ids1 1'),
      'Errors: ``invalid interface number: `<x>` ``, `no such interface <i> for <vm>`, `vms are not colocated or invalid vm name: <vm>` (one VM is missing on a host that has the other), `interfaces on different bridges: <b1> and <b2>`, then the errors of the tap form. In a namespace with several hosts, each host that has one of the VMs reports its own error.',
    ),
    args: {
      vm: vmSide('Source'),
      interface: indexArg('source'),
      vm2: vmSide('Destination'),
      interface2: indexArg('destination'),
    },
    since23: { kind: 'added', note: 'New in 3.1.' },
  },
  {
    id: 'clear tap',
    group: 'bridge',
    category: 'local',
    patterns: ['clear tap', 'clear tap <mirror,> [name]'],
    summary: "Delete the namespace's host taps and mirrors, or only mirrors",
    doc: paras(
      "`clear tap` first removes every mirror the namespace created, then deletes all its host taps; a mirror that cannot be removed stops it before any tap is deleted. `clear tap mirror` (or `clear tap mirror all`) removes only the namespace's mirrors; `clear tap mirror <tap>` removes the mirror whose destination is `<tap>`.",
      nsLocal + " VMs' own taps are not touched.",
      'Example:',
      example('clear tap mirror mega_tap3', 'clear tap'),
      'Errors: `not a valid mirror` (the namespace made no such mirror), `unknown tap`, `tap is not a mirror on bridge <bridge>: <tap>`.',
    ),
    args: {
      name: {
        summary: 'Destination tap of the mirror to remove; omit or `all` for every mirror',
        doc: 'The `<dst>` given to `tap mirror`, e.g. `mega_tap3`.',
        domain: 'tapName',
      },
    },
    since23: { kind: 'changed', from: 'clear tap', note: "New `clear tap mirror` forms; `clear tap` also removes the namespace's mirrors." },
  },
  {
    id: 'clear tap mirror',
    group: 'bridge',
    category: 'vmtarget',
    patterns: ['clear tap <mirror,> <vm name> <interface index or all>'],
    summary: 'Remove the mirrors that copy traffic from one interface, or all interfaces, of a VM',
    doc: paras(
      '`clear tap mirror <vm> <index>` removes the mirror made from that interface of the VM with `tap mirror <vm> <index> ...`; `clear tap mirror <vm> all` removes the mirrors of all its interfaces that the namespace created, skipping the others.',
      nsVmTarget,
      'Example:',
      example('clear tap mirror web1 all'),
      'Errors: `vm not found: <vm>`, ``invalid interface number: `<x>` ``, `no such interface <i> for <vm>`, then those of `clear tap mirror <tap>`.',
    ),
    args: {
      vm: vmSide('The'),
      interface: {
        summary: 'Interface index of the VM, counted from 0, or `all`',
        doc: 'An integer such as `0`, or `all` for every interface of the VM.',
      },
    },
    since23: { kind: 'added', note: 'New in 3.1.' },
  },
  {
    id: 'bridge',
    group: 'bridge',
    category: 'local',
    patterns: [
      'bridge',
      'bridge <config,> <bridge> <config>',
      'bridge <trunk,> <bridge> <interface>',
      'bridge <notrunk,> <bridge> <interface>',
      'bridge <tunnel,> <vxlan,gre> <bridge> <remote ip> [key]',
      'bridge <notunnel,> <bridge> <interface>',
      'bridge <destroy,> <bridge>',
    ],
    summary: 'Show bridges, or change one: OVS settings, trunk ports, VXLAN/GRE tunnels, or destroy it',
    doc: paras(
      '- `bridge` prints `bridge | preexisting | vlans | trunks | tunnels | bonds | config`, one row per bridge minimega manages.\n- `bridge config <bridge> <key=value>` sets an Open vSwitch bridge setting, e.g. `rstp_enable=true`.\n- `bridge trunk <bridge> <interface>` adds a host interface as a trunk port; `bridge notrunk` removes it.\n- `bridge tunnel vxlan|gre <bridge> <remote ip> [key]` connects the bridge to another host through a tunnel, optionally with a tunnel key; `bridge notunnel <bridge> <port>` removes the tunnel port.\n- `bridge destroy <bridge>` removes the bridge.',
      "VLANs in the listing print relative to the command's namespace (`alias (number)`, or `ns//alias (number)` for another namespace's alias). `ns bridge` builds tunnels between all hosts of a namespace with these commands.",
      nsNode,
      'Examples:',
      example('bridge config mega_bridge rstp_enable=true', 'bridge tunnel vxlan mega_bridge 10.0.0.2', 'bridge destroy mybr'),
      'Quirk: a bridge named in any of these forms is created first when it does not exist, so `bridge destroy nosuch` succeeds quietly.',
    ),
    args: {
      bridge: {
        summary: 'Bridge name, e.g. `mega_bridge`',
        doc: 'The bridge to change; created if it does not exist.',
        domain: 'bridge',
      },
      config: {
        summary: 'Open vSwitch bridge setting `key=value`',
        doc: 'Passed to Open vSwitch as a bridge setting, e.g. `rstp_enable=true`.',
      },
      interface: {
        summary: 'Host interface (trunk) or tunnel port (notunnel)',
        doc: 'For `trunk`/`notrunk` a network interface of the host, e.g. `eth1`; for `notunnel` the tunnel port as listed in `tunnels`.',
      },
      vxlan: { summary: 'Use a VXLAN tunnel', doc: 'Encapsulates the bridge traffic in VXLAN.' },
      gre: { summary: 'Use a GRE tunnel', doc: 'Encapsulates the bridge traffic in GRE.' },
      remote: {
        summary: 'IP address of the other end of the tunnel',
        doc: 'Example: `10.0.0.2`.',
        domain: 'ip',
      },
      key: {
        summary: 'Tunnel key; omit for none',
        doc: 'A number that both ends must use, e.g. `42`.',
      },
    },
    since23: { kind: 'changed', from: 'bridge', note: 'New `config` and `destroy` forms; tunnels take an optional key.' },
  },
];
