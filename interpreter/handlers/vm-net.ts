/**
 * `vm net connect|disconnect`: a local command on a VM of
 * either type. Checks come in 2.3's order: the VM, the position, (for
 * connect) the VLAN, then the position against the VM's NICs. A NIC keeps
 * its tap name; its qos values are dropped.
 */
import { atoiError, goAtoi } from '../../language/index.js';
import { VlanError } from '../vlan-table.js';
import { NO_QOS } from '../vm-model.js';
import { CommandError, bool, reply, str, type Handler } from './types.js';
import { oneVm } from './vm-lookup.js';

const net: Handler = (ctx) => {
  const { node } = ctx;
  const vm = oneVm(ctx);
  const posText = str(ctx, 'tap');
  const pos = goAtoi(posText);
  if (pos === undefined) throw new CommandError(atoiError(posText));
  let vlan = 0;
  if (bool(ctx, 'connect')) {
    // 2.3 resolves the VLAN (blacklisting a number, allocating an alias) before it checks the position.
    try {
      vlan = node.vlans.resolve(str(ctx, 'vlan'), ctx.ns);
    } catch (e) {
      if (e instanceof VlanError) throw new CommandError(e.message);
      throw e;
    }
  }
  // A negative position crashes 2.3; the simulator gives the out-of-range error.
  const nic = pos < 0n ? undefined : vm.nets[Number(pos)];
  if (!nic) throw new CommandError(`no network ${pos}, VM only has ${vm.nets.length} networks`);
  nic.qos = NO_QOS;
  if (bool(ctx, 'connect')) {
    nic.bridge = str(ctx, 'bridge');
    nic.vlan = vlan;
    nic.connected = true;
    node.bridges.add(nic.bridge);
  } else {
    nic.bridge = '';
    nic.connected = false;
  }
  return reply(ctx);
};

export const vmNetHandlers: Record<string, Handler> = { 'vm net': net };
