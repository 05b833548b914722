/**
 * The `vm` commands that talk to QEMU: `vm hotplug`,
 * `vm cdrom`, `vm qmp`, `vm migrate`, `vm screenshot`. After the lookup,
 * the VM's state says whether QEMU can answer; the simulator then records
 * what 2.3 records when QEMU says yes.
 */
import { atoiError, goAtoi } from '../../language/index.js';
import { createTable } from '../contracts/responses.js';
import type { Vm } from '../vm-model.js';
import { CommandError, bool, reply, str, type Handler } from './types.js';
import { kvmVm, needQemu, oneVm, qmpError } from './vm-lookup.js';

const hotplug: Handler = (ctx) => {
  const vm = kvmVm(ctx);
  const table = ctx.node.hardware.hotplug;
  const disks = table.get(vm) ?? new Map<number, string>();
  if (bool(ctx, 'show')) {
    const rows = [...disks].sort(([a], [b]) => a - b).map(([id, file]) => [String(id), file]);
    return [[createTable(ctx.node.name, ['hotplug ID', 'File'], rows)]];
  }
  if (bool(ctx, 'add')) {
    needQemu(vm);
    // The highest id in use plus one: ids below it are not reused.
    const id = disks.size === 0 ? 0 : Math.max(...disks.keys()) + 1;
    disks.set(id, str(ctx, 'filename'));
    table.set(vm, disks);
    return reply(ctx);
  }
  const which = str(ctx, 'disk');
  if (which === 'all') {
    if (disks.size > 0) needQemu(vm);
    disks.clear();
    return reply(ctx);
  }
  const id = goAtoi(which);
  if (id === undefined) throw new CommandError(atoiError(which));
  if (!disks.has(Number(id))) throw new CommandError('no such hotplug device id');
  needQemu(vm);
  disks.delete(Number(id));
  return reply(ctx);
};

const cdrom: Handler = (ctx) => {
  const vms = str(ctx, 'vm') === 'all' ? ctx.node.vmsIn(ctx.ns).filter((v) => v.type === 'kvm') : [kvmVm(ctx)];
  const errors: string[] = [];
  for (const vm of vms) {
    // 2.3 forgets the disc whatever QEMU answers to the eject.
    vm.cdrom = '';
    const e = qmpError(vm);
    if (e !== undefined) errors.push(e);
    else if (bool(ctx, 'change')) vm.cdrom = str(ctx, 'path');
  }
  if (errors.length) throw new CommandError(errors.join('\n'));
  return reply(ctx);
};

/** QEMU's `query-status` answer in a state where QEMU runs. */
const STATUS: Partial<Record<Vm['state'], { running: boolean; status: string }>> = {
  BUILDING: { running: false, status: 'prelaunch' },
  RUNNING: { running: true, status: 'running' },
  PAUSED: { running: false, status: 'paused' },
};

const qmp: Handler = (ctx) => {
  const vm = kvmVm(ctx);
  needQemu(vm);
  let request: unknown;
  try {
    request = JSON.parse(str(ctx, 'qmp'));
  } catch {
    request = undefined;
  }
  const execute = typeof request === 'object' && request !== null ? (request as { execute?: unknown }).execute : undefined;
  const s = STATUS[vm.state];
  // The simulated QEMU knows `query-status`; anything else gets QEMU's
  // error reply, which has no `return` and so reads as a nil status in 2.3.
  if (execute !== 'query-status' || !s) throw new CommandError('received nil status');
  // Compact JSON with sorted keys, as 2.3 re-encodes QEMU's reply.
  return reply(ctx, `{"return":{"running":${s.running},"singlestep":false,"status":"${s.status}"}}`);
};

const migrate: Handler = (ctx) => {
  const { node } = ctx;
  const migrations = node.hardware.migrations;
  if (ctx.command.args.string.vm === undefined) {
    const rows: string[][] = [];
    for (const vm of node.vmsIn(ctx.ns)) {
      if (vm.type !== 'kvm') continue;
      const e = qmpError(vm);
      if (e !== undefined) throw new CommandError(e);
      // A VM that never migrated has no status and no row (a real QEMU may
      // make 2.3 fail here instead; docs/simulator.md).
      const status = migrations.get(vm);
      if (status !== undefined) rows.push([String(vm.id), vm.name, status, status === 'completed' ? '100.00' : '0.00']);
    }
    // The header cell goes through Printf like every cell: `%%` prints as `%`.
    return [[createTable(node.name, ['id', 'name', 'status', '%% complete'], rows)]];
  }
  const vm = kvmVm(ctx);
  needQemu(vm);
  // 2.3 joins the file under the files directory even when it is absolute.
  const path = node.files.under(str(ctx, 'filename'));
  migrations.set(vm, 'completed');
  node.files.markMade(path);
  return reply(ctx);
};

const screenshot: Handler = (ctx) => {
  const max = ctx.command.args.string.maximum;
  if (max !== undefined && goAtoi(max) === undefined) throw new CommandError(atoiError(max));
  const vm = oneVm(ctx);
  if (vm.type !== 'kvm') throw new CommandError('cannot take screenshot of container');
  if (vm.state !== 'RUNNING') throw new CommandError(`vm not running: ${vm.id}`);
  // A simulated VM has no screen to capture: nothing is written (docs/simulator.md).
  return reply(ctx);
};

export const vmQemuHandlers: Record<string, Handler> = {
  'vm hotplug': hotplug,
  'vm cdrom': cdrom,
  'vm qmp': qmp,
  'vm migrate': migrate,
  'vm screenshot': screenshot,
};
