/**
 * `vm tag`'s set-or-read logic, shared by 2.3 and 3.1: the dialects differ in
 * which VMs a target selects, how a row names its VM and the column headers.
 */
import { createTable } from '../contracts/responses.js';
import { setTag, type Vm } from '../vm-model.js';
import { CommandError, reply, str, type Handler, type HandlerContext } from './types.js';

/** What one dialect's `vm tag` prints and selects. */
export interface VmTagDialect {
  /** The VMs the command's target names. */
  targets(ctx: HandlerContext): Vm[];
  /** The first cell of a row: the VM as the dialect names it. */
  label(vm: Vm): string;
  /** Headers of the every-tag table (VM, tag, value) and the one-tag table (VM, value). */
  allHeader: readonly [string, string, string];
  oneHeader: readonly [string, string];
}

/** A `vm tag` handler: with a value it sets the tag, else it lists one tag or all of them. */
export function vmTagHandler(d: VmTagDialect): Handler {
  return (ctx) => {
    const vms = d.targets(ctx);
    const key = str(ctx, 'key');
    const value = ctx.command.args.string.value;
    if (value !== undefined) {
      if (key === 'all') throw new CommandError('cannot assign to wildcard');
      for (const vm of vms) setTag(vm, key, value);
      return reply(ctx);
    }
    if (key === '' || key === 'all') {
      const rows = vms.flatMap((vm) => [...vm.tags].map(([k, v]) => [d.label(vm), k, v]));
      return [[createTable(ctx.node.name, [...d.allHeader], rows.length ? rows : null)]];
    }
    const rows = vms.map((vm) => [d.label(vm), vm.tags.get(key) ?? '']);
    return [[createTable(ctx.node.name, [...d.oneHeader], rows.length ? rows : null)]];
  };
}
