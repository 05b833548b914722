/**
 * One handler per catalog entry, looked up by the catalog id. Every 2.3
 * handler is simulated (decision 12; test/interpreter/simulated.test.ts
 * walks the catalog): this table is the one place that says which ids the
 * simulator runs.
 */
import { bridgeHandlers } from './bridge.js';
import { builtinHandlers } from './builtins.js';
import { captureHandlers } from './capture.js';
import { ccHandlers } from './cc.js';
import { diskHandlers } from './disk.js';
import { dnsmasqHandlers } from './dnsmasq.js';
import { fileHandlers } from './file.js';
import { helpHandlers } from './help.js';
import { hostHandlers } from './host.js';
import { hostToolHandlers } from './host-tools.js';
import { logHandlers } from './log.js';
import { meshHandlers } from './mesh.js';
import { miscHandlers } from './misc.js';
import { namespaceHandlers } from './namespace.js';
import { optimizeHandlers } from './optimize.js';
import { qosHandlers } from './qos.js';
import { readHandlers } from './read.js';
import { routerHandlers } from './router.js';
import { tapHandlers } from './taps.js';
import { vizHandlers } from './viz.js';
import { vlansHandlers } from './vlans.js';
import { vmConfigHandlers } from './vm-config.js';
import { vmNetHandlers } from './vm-net.js';
import { vmQemuHandlers } from './vm-qemu.js';
import { vmHandlers } from './vm.js';
import { vncHandlers } from './vnc.js';
import { vyattaHandlers } from './vyatta.js';
import { CommandError, type Handler } from './types.js';

const table: ReadonlyMap<string, Handler> = new Map(
  Object.entries({
    ...builtinHandlers,
    ...namespaceHandlers,
    ...tapHandlers,
    ...bridgeHandlers,
    ...captureHandlers,
    ...ccHandlers,
    ...diskHandlers,
    ...dnsmasqHandlers,
    ...fileHandlers,
    ...miscHandlers,
    ...helpHandlers,
    ...hostHandlers,
    ...hostToolHandlers,
    ...logHandlers,
    ...meshHandlers,
    ...optimizeHandlers,
    ...qosHandlers,
    ...readHandlers,
    ...routerHandlers,
    ...vizHandlers,
    ...vlansHandlers,
    ...vmHandlers,
    ...vmNetHandlers,
    ...vmQemuHandlers,
    ...vmConfigHandlers,
    ...vncHandlers,
    ...vyattaHandlers,
  }),
);

/** The handler for a catalog id; an id the simulator has no handler for answers with an error naming the command. */
export function handlerFor(id: string): Handler {
  return (
    table.get(id) ??
    (() => {
      throw new CommandError(`${id.replace(/#\d+$/, '')}: not supported by the simulator`);
    })
  );
}

/** Whether the simulator has a handler for a catalog id. */
export function isSimulated(id: string): boolean {
  return table.has(id);
}
