/**
 * 3.1's new `log` forms (catalog-3.1.json `log mesh`, `log ring`, `clear
 * log <mesh,|ring,>`). The simulated node writes no log, so forwarding to a
 * mesh node is only recorded and a ring holds no lines (docs/simulator.md).
 */
import { atoiError, goAtoi } from '../../language/index.js';
import { handlerFor } from '../handlers/registry.js';
import { CommandError, bool, reply, type Handler } from '../handlers/types.js';

const clear23 = handlerFor('clear log');

/** `log mesh [node]`: the node log lines go to, or forward to a node of the mesh. */
const mesh: Handler = (ctx) => {
  const { node } = ctx;
  const target = ctx.command.args.string.node;
  if (target === undefined) return reply(ctx, node.hardware.log.mesh);
  if (target !== node.name && !node.mesh.topology().has(target)) throw new CommandError(`log mesh: ${target} is not in the mesh`);
  node.hardware.log.mesh = target;
  return reply(ctx);
};

/** `log ring [size]`: dump the ring (empty: the simulator logs nothing), or make a new one. */
const ring: Handler = (ctx) => {
  const log = ctx.node.hardware.log;
  const text = ctx.command.args.string.size;
  if (text === undefined) {
    if (log.ring === undefined) throw new CommandError('log ring: there is no log ring (`log ring <size>` makes one)');
    return reply(ctx);
  }
  const size = goAtoi(text);
  if (size === undefined) throw new CommandError(atoiError(text));
  if (size <= 0n) throw new CommandError('log ring: the size must be a positive number of lines');
  log.ring = Number(size);
  return reply(ctx);
};

/** `clear log [part]`: 3.1 adds the mesh and ring parts to 2.3's. */
const clear: Handler = (ctx) => {
  const log = ctx.node.hardware.log;
  if (bool(ctx, 'mesh')) log.mesh = '';
  else if (bool(ctx, 'ring')) log.ring = undefined;
  else return clear23(ctx);
  return reply(ctx);
};

export const logHandlers31: Record<string, Handler> = {
  'log mesh': mesh,
  'log ring': ring,
  'clear log': clear,
};
