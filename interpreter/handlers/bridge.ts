/**
 * `bridge`: the host's virtual switches, with the VLANs in use on them and
 * the trunk ports and tunnels added with `bridge trunk|tunnel`. 2.3 runs
 * Open vSwitch; the simulator records the ports (docs/simulator.md).
 */
import { isIP } from 'node:net';
import { createTable } from '../contracts/responses.js';
import type { SimNode } from '../sim-node.js';
import type { BridgePorts } from '../state/host-settings.js';
import { goList } from '../vm-config-state.js';
import { CommandError, bool, reply, str, type Handler } from './types.js';

function portsOf(node: SimNode, bridge: string, create: boolean): BridgePorts {
  let p = node.hardware.bridgePorts.get(bridge);
  if (!p) {
    if (!create && !node.bridges.has(bridge)) throw new CommandError(`unknown bridge: ${bridge}`);
    p = { trunks: new Set(), tunnels: new Map() };
    node.hardware.bridgePorts.set(bridge, p);
  }
  node.bridges.add(bridge);
  return p;
}

/** VLANs of the VM NICs and host taps on a bridge, sorted. */
function activeVlans(node: SimNode, bridge: string): string[] {
  const vlans = new Set<number>();
  for (const vm of node.vms.values()) for (const n of vm.nets) if (n.connected && n.bridge === bridge) vlans.add(n.vlan);
  for (const t of node.taps.values()) if (t.bridge === bridge) vlans.add(t.vlan);
  return [...vlans].sort((a, b) => a - b).map(String);
}

const bridge: Handler = (ctx) => {
  const { node } = ctx;
  const b = str(ctx, 'bridge');
  const iface = str(ctx, 'interface');
  if (bool(ctx, 'trunk')) {
    const p = portsOf(node, b, true);
    if (p.trunks.has(iface)) throw new CommandError(`${iface} is already a trunk port of ${b}`);
    p.trunks.add(iface);
  } else if (bool(ctx, 'notrunk')) {
    if (!portsOf(node, b, false).trunks.delete(iface)) throw new CommandError(`${iface} is not a trunk port of ${b}`);
  } else if (bool(ctx, 'tunnel')) {
    const remote = str(ctx, 'remote');
    if (isIP(remote) === 0) throw new CommandError(`invalid IP address: ${remote}`);
    // The tunnel port draws its name from the node's tap counter.
    portsOf(node, b, true).tunnels.set(node.nextTapName(), { type: bool(ctx, 'gre') ? 'gre' : 'vxlan', remote });
  } else if (bool(ctx, 'notunnel')) {
    if (!portsOf(node, b, false).tunnels.delete(iface)) throw new CommandError(`${iface} is not a tunnel of ${b}`);
  } else {
    const rows = [...node.bridges].sort().map((name) => {
      const p = node.hardware.bridgePorts.get(name);
      return [name, 'false', goList(activeVlans(node, name)), goList([...(p?.trunks ?? [])].sort()), goList([...(p?.tunnels.keys() ?? [])].sort())];
    });
    return [[createTable(node.name, ['Bridge', 'Existed before minimega', 'Active VLANs', 'Trunk ports', 'Tunnels'], rows)]];
  }
  return reply(ctx);
};

export const bridgeHandlers: Record<string, Handler> = { bridge };
