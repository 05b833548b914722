/**
 * 3.1's `vm tag` and `clear vm tag` (runtime-3.1.md §5.5): tables
 * `name | tag | value` and `name | value`, `vm not found` for a single
 * missing target, and `clear vm tag <target> <tag>` removing only that tag.
 */
import { parseTarget, vmMatches } from '../targets.js';
import { clearTags, setTag, type Vm } from '../vm-model.js';
import { CommandError, reply, str, type Handler, type HandlerContext } from '../handlers/types.js';
import { vmTagHandler } from '../handlers/vm-tag.js';

/** The VMs a target names; a single name or id that matches nothing is `vm not found`. */
function targets(ctx: HandlerContext): Vm[] {
  const t = parseTarget(str(ctx, 'vm'));
  const vms = ctx.node.vmsIn(ctx.ns);
  if (t.wild) return vms;
  const found = vms.filter((vm) => t.items.some((i) => vmMatches(vm, i)));
  if (found.length === 0 && t.items.length === 1) throw new CommandError(`vm not found: ${t.items[0]}`);
  return found;
}

const tag = vmTagHandler({ targets, label: (vm) => vm.name, allHeader: ['name', 'tag', 'value'], oneHeader: ['name', 'value'] });

const clearTag: Handler = (ctx) => {
  if (ctx.command.args.string.vm === undefined) {
    for (const vm of ctx.node.vmsIn(ctx.ns)) clearTags(vm);
    return reply(ctx);
  }
  const key = ctx.command.args.string.tag;
  for (const vm of targets(ctx)) {
    if (key === undefined) clearTags(vm);
    else if (vm.tags.has(key)) {
      const rest = [...vm.tags].filter(([k]) => k !== key);
      clearTags(vm);
      for (const [k, v] of rest) setTag(vm, k, v);
    }
  }
  return reply(ctx);
};

export const vmTagHandlers31: Record<string, Handler> = {
  'vm tag': tag,
  'clear vm tag': clearTag,
};
