/**
 * One handler per catalog entry, looked up by the catalog id. Commands the
 * simulator does not model answer `<command>: not supported by the simulator`
 * (decision 12) and change nothing.
 */
import { handlers as catalog } from '../../language/catalog/index.js';
import { builtinHandlers } from './builtins.js';
import { helpHandlers } from './help.js';
import { hostHandlers } from './host.js';
import { meshHandlers } from './mesh.js';
import { miscHandlers } from './misc.js';
import { namespaceHandlers } from './namespace.js';
import { readHandlers } from './read.js';
import { tapHandlers } from './taps.js';
import { vlansHandlers } from './vlans.js';
import { vmConfigHandlers } from './vm-config.js';
import { vmHandlers } from './vm.js';
import { CommandError, reply, type Handler } from './types.js';

/** Clearing state the simulator never holds (captures, cc, routers, vnc) succeeds with nothing to do. */
const nothingToClear: Handler = (ctx) => reply(ctx);

const implemented: Record<string, Handler> = {
  ...builtinHandlers,
  ...namespaceHandlers,
  ...tapHandlers,
  ...miscHandlers,
  ...helpHandlers,
  ...hostHandlers,
  ...meshHandlers,
  ...readHandlers,
  ...vlansHandlers,
  ...vmHandlers,
  ...vmConfigHandlers,
  'clear capture': nothingToClear,
  'clear cc': nothingToClear,
  'clear router': nothingToClear,
  'clear vnc': nothingToClear,
};

function notSupported(id: string): Handler {
  const name = id.replace(/#\d+$/, '');
  return () => {
    throw new CommandError(`${name}: not supported by the simulator`);
  };
}

const table = new Map<string, Handler>(catalog.map((h) => [h.id, implemented[h.id] ?? notSupported(h.id)]));

/** The handler for a catalog id. */
export function handlerFor(id: string): Handler {
  return table.get(id) ?? notSupported(id);
}

/** Catalog ids the simulator models (for docs and tests). */
export function isSimulated(id: string): boolean {
  return id in implemented;
}
