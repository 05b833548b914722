/**
 * 3.1's `bridge` (runtime-3.1.md §6.7, §10.13): the listing
 * `bridge | preexisting | vlans | trunks | tunnels | bonds | config` (VLANs
 * printed for the command's namespace), and the new `config` and `destroy`
 * forms; trunks and tunnels are 2.3's bookkeeping.
 */
import { createTable } from '../contracts/responses.js';
import { handlerFor } from '../handlers/registry.js';
import { CommandError, bool, reply, str, type Handler } from '../handlers/types.js';
import { goList31, mapJson } from './config-31.js';

const bridge: Handler = (ctx) => {
  const { node, ns } = ctx;
  const name = str(ctx, 'bridge');
  if (bool(ctx, 'config')) {
    const setting = str(ctx, 'config');
    const eq = setting.indexOf('=');
    if (eq <= 0) throw new CommandError(`set config failed: expected key=value, not ${setting}`);
    node.bridges.add(name);
    let ports = node.hardware.bridgePorts.get(name);
    if (!ports) {
      ports = { trunks: new Set(), tunnels: new Map() };
      node.hardware.bridgePorts.set(name, ports);
    }
    const config = ports.config ?? new Map<string, string>();
    config.set(setting.slice(0, eq), setting.slice(eq + 1));
    node.hardware.bridgePorts.set(name, { ...ports, config });
    return reply(ctx);
  }
  if (bool(ctx, 'destroy')) {
    // A bridge that does not exist is made and then destroyed: nothing to say.
    node.bridges.delete(name);
    node.hardware.bridgePorts.delete(name);
    return reply(ctx);
  }
  if (bool(ctx, 'trunk') || bool(ctx, 'notrunk') || bool(ctx, 'tunnel') || bool(ctx, 'notunnel')) return handlerFor('bridge')(ctx);
  const rows = [...node.bridges].sort().map((b) => {
    const vlans = new Set<number>();
    for (const vm of node.vms.values()) for (const n of vm.nets) if (n.connected && n.bridge === b) vlans.add(n.vlan);
    for (const t of node.taps.values()) if (t.bridge === b) vlans.add(t.vlan);
    const printed = [...vlans].map((v) => node.vlans.print(v, ns)).sort();
    const bonds = new Set<string>();
    for (const vm of node.vms.values()) for (const bond of node.hardware.bonds.of(vm)) if (vm.nets[bond.interfaces[0]!]?.bridge === b) bonds.add(bond.name);
    const p = node.hardware.bridgePorts.get(b);
    return [
      b,
      'false',
      goList31(printed),
      goList31([...(p?.trunks ?? [])].sort()),
      goList31([...(p?.tunnels.keys() ?? [])].sort()),
      goList31([...bonds].sort()),
      mapJson(p?.config ?? new Map()),
    ];
  });
  return [[createTable(node.name, ['bridge', 'preexisting', 'vlans', 'trunks', 'tunnels', 'bonds', 'config'], rows)]];
};

export const bridgeHandlers31: Record<string, Handler> = { bridge };
