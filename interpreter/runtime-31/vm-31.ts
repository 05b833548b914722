/**
 * 3.1's `vm info`, `vm start` and `vm flush` (runtime-3.1.md §5.3-5.4):
 * 3.1's columns, `vm is already running` for a listed running VM, and the
 * `vm flush <target>` form.
 */
import { createTable } from '../contracts/responses.js';
import { applyToTarget, parseTarget } from '../targets.js';
import { startVm } from '../launch.js';
import type { Vm } from '../vm-model.js';
import { goQuote } from '../../language/index.js';
import { CommandError, bool, reply, str, type Handler } from '../handlers/types.js';
import { createConfig31 } from './config-31.js';
import { findSpace31 } from './namespace-31.js';
import { VM_INFO_COLUMNS_31, VM_SUMMARY_COLUMNS_31, vmInfoRows31 } from './vm-info-31.js';

const info: Handler = (ctx) => {
  const { node } = ctx;
  const cols = bool(ctx, 'summary') ? VM_SUMMARY_COLUMNS_31 : VM_INFO_COLUMNS_31;
  const vms = node.vmsIn(ctx.ns);
  const space = findSpace31(node, ctx.ns);
  const rows = vmInfoRows31(vms, cols, {
    configOf: (vm) => space?.vmConfigs.get(vm.id) ?? createConfig31(),
    vlan: (vm, v) => node.vlans.print(v, vm.namespace),
    bondsOf: (vm) => node.hardware.bonds.of(vm),
  });
  const r = createTable(node.name, [...cols], rows.length ? rows : null);
  r.data = vms;
  return [[r]];
};

const start: Handler = (ctx) => {
  const target = parseTarget(str(ctx, 'vm'));
  applyToTarget(
    ctx.node.vmsIn(ctx.ns),
    target,
    (vm, wild) => (wild ? vm.state === 'BUILDING' || vm.state === 'PAUSED' : true),
    (vm) => {
      if (vm.state === 'RUNNING') return 'vm is already running';
      if (vm.state === 'QUIT' || vm.state === 'ERROR') {
        const failure = startVm(vm);
        if (failure) return failure;
      }
      vm.state = 'RUNNING';
      return undefined;
    },
  );
  return reply(ctx);
};

const flushable = (vm: Vm): boolean => vm.state === 'QUIT' || vm.state === 'ERROR';

const flush: Handler = (ctx) => {
  const { node } = ctx;
  const space = findSpace31(node, ctx.ns);
  const drop = (vm: Vm): undefined => {
    node.vms.delete(vm.id);
    for (const n of vm.nets) node.releaseTap(n.tap, n.bridge);
    space?.vmConfigs.delete(vm.id);
    return undefined;
  };
  const targetText = ctx.command.args.string.vm;
  if (targetText === undefined) {
    for (const vm of node.vmsIn(ctx.ns)) if (flushable(vm)) drop(vm);
    return reply(ctx);
  }
  const target = parseTarget(targetText);
  applyToTarget(node.vmsIn(ctx.ns), target, flushable, drop);
  return reply(ctx);
};

const INT64_MAX = 2n ** 63n - 1n;

/**
 * `vm top [duration]` (runtime-3.1.md §10.12): one row per VM with a process
 * (not QUIT or ERROR). The simulated processes use no CPU and their memory
 * is invented from the VM's: virtual = memory + 512 MB, resident = memory,
 * shared 16 MB. The sampling window is not waited for.
 */
const top: Handler = (ctx) => {
  const d = ctx.command.args.string.duration;
  if (d !== undefined) {
    if (!/^[+-]?[0-9]+$/.test(d)) throw new CommandError(`strconv.Atoi: parsing ${goQuote(d)}: invalid syntax`);
    const n = BigInt(d);
    if (n > INT64_MAX || n < -INT64_MAX - 1n) throw new CommandError(`strconv.Atoi: parsing ${goQuote(d)}: value out of range`);
  }
  const rows = ctx.node
    .vmsIn(ctx.ns)
    .filter((vm) => vm.state !== 'QUIT' && vm.state !== 'ERROR')
    .map((vm) => {
      const mem = Number(vm.config.memory) || 0;
      return [vm.name, String(mem + 512), String(mem), '16', '0.00', '0.00', '0s', '1', '0.00', '0.00'];
    });
  return [[createTable(ctx.node.name, ['name', 'virt', 'res', 'shr', 'cpu', 'vcpu', 'time', 'procs', 'rx', 'tx'], rows.length ? rows : null)]];
};

export const vmHandlers31: Record<string, Handler> = {
  'vm info': info,
  'vm start': start,
  'vm flush': flush,
  'vm top': top,
};
