/** The `vm` family: info, lifecycle, flush and tags (QEMU-facing commands are in vm-qemu.ts, `vm net` in vm-net.ts). */
import { createTable } from '../contracts/responses.js';
import { KILLABLE, clearTags, type Vm } from '../vm-model.js';
import { VM_INFO_COLUMNS, VM_SUMMARY_COLUMNS, vmInfoRows } from '../vm-info.js';
import { applyToTarget, parseTarget, vmMatches } from '../targets.js';
import { startVm } from '../launch.js';
import { bool, reply, str, type Handler, type HandlerContext } from './types.js';
import { launchHandler } from './vm-launch.js';
import { vmTagHandler } from './vm-tag.js';

const info: Handler = (ctx) => {
  const { node } = ctx;
  const cols = bool(ctx, 'summary') ? VM_SUMMARY_COLUMNS : VM_INFO_COLUMNS;
  const vms = node.vmsIn(ctx.ns);
  const print = (v: number): string => node.vlans.print(v, ctx.ns);
  const rows = vmInfoRows(vms, cols, print);
  const r = createTable(node.name, [...cols], rows.length ? rows : null);
  r.data = vms;
  return [[r]];
};

function lifecycle(applies: (vm: Vm, wild: boolean) => boolean, op: (vm: Vm) => string | undefined): Handler {
  return (ctx) => {
    applyToTarget(ctx.node.vmsIn(ctx.ns), parseTarget(str(ctx, 'target')), applies, op);
    return reply(ctx);
  };
}

const start = lifecycle(
  (vm, wild) => (wild ? vm.state === 'BUILDING' || vm.state === 'PAUSED' : vm.state !== 'RUNNING'),
  (vm) => {
    // QUIT and ERROR VMs named explicitly are relaunched with their own
    // config, so a QEMU that could not start fails again.
    if (vm.state === 'QUIT' || vm.state === 'ERROR') {
      const failure = startVm(vm);
      if (failure) return failure;
    }
    vm.state = 'RUNNING';
    return undefined;
  },
);

const stop = lifecycle(
  (vm) => vm.state === 'RUNNING',
  (vm) => {
    vm.state = 'PAUSED';
    return undefined;
  },
);

const kill = lifecycle(
  (vm) => KILLABLE.includes(vm.state),
  (vm) => {
    vm.state = 'QUIT';
    return undefined;
  },
);

const flush: Handler = (ctx) => {
  for (const vm of ctx.node.vmsIn(ctx.ns)) if (vm.state === 'QUIT' || vm.state === 'ERROR') ctx.node.vms.delete(vm.id);
  return reply(ctx);
};

/** VMs named by a `vm tag` target; unknown targets select nothing (no error). */
function tagTargets(ctx: HandlerContext): Vm[] {
  const t = parseTarget(str(ctx, 'target'));
  const vms = ctx.node.vmsIn(ctx.ns);
  return t.wild ? vms : vms.filter((vm) => t.items.some((i) => vmMatches(vm, i)));
}

const tag = vmTagHandler({
  targets: tagTargets,
  label: (vm) => String(vm.id),
  allHeader: ['ID', 'Tag', 'Value'],
  oneHeader: ['ID', 'Value'],
});

const clearTag: Handler = (ctx) => {
  // 2.3 reads a `key` argument the pattern never sets, so `clear vm tag <target> <tag>`
  // clears every tag of the target (observed 7.5).
  const vms = ctx.command.args.string.target === undefined ? ctx.node.vmsIn(ctx.ns) : tagTargets(ctx);
  for (const vm of vms) clearTags(vm);
  return reply(ctx);
};

export const vmHandlers: Record<string, Handler> = {
  'vm info': info,
  'vm launch': launchHandler,
  'vm kill': kill,
  'vm start': start,
  'vm stop': stop,
  'vm flush': flush,
  'vm tag': tag,
  'clear vm tag': clearTag,
};
