/**
 * Smaller 3.1 commands: `status updates [frequency]` (runtime-3.1.md §7.5)
 * and the `vm save` family (§5.5, §9.3: saving needs QEMU, so the listing
 * stays empty and saving a VM answers an error after the VM is found).
 */
import { createTable } from '../contracts/responses.js';
import { formatGoDuration, parseGoDuration } from '../go-duration.js';
import { CommandError, reply, str, type Handler } from '../handlers/types.js';
import { findVm } from '../targets.js';

const statusUpdates: Handler = (ctx) => {
  const { node } = ctx;
  const text = ctx.command.args.string.frequency;
  if (text !== undefined) {
    const d = parseGoDuration(text);
    if (d === undefined || d < 0n) throw new CommandError('invalid frequency duration provided');
    node.statusUpdates = d;
    return reply(ctx);
  }
  return reply(ctx, node.statusUpdates === 0n ? 'status updates disabled' : `status update frequency: ${formatGoDuration(node.statusUpdates)}`);
};

/** `vm save` / `vm snapshot` (its old spelling): the listing, or a save that needs QEMU. */
const save: Handler = (ctx) => {
  const name = ctx.command.args.string.vm;
  if (name === undefined) return [[createTable(ctx.node.name, ['id', 'name', 'status', 'complete (%)'], null)]];
  const vm = findVm(ctx.node.vmsIn(ctx.ns), name);
  if (!vm) throw new CommandError(`vm not found: ${str(ctx, 'vm')}`);
  throw new CommandError(`${ctx.command.handler.id}: saving a VM needs QEMU, which the simulator does not run`);
};

export const miscHandlers31: Record<string, Handler> = {
  'status updates': statusUpdates,
  'vm save': save,
  'vm snapshot': save,
};
