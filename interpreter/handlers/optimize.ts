/**
 * `optimize` and `clear optimize`: host tuning (KSM, CPU affinity,
 * hugepages). The simulator records the settings and prints them back;
 * hugepages also adds `-mem-info` to KVM command lines, as in 2.3.
 */
import { splitList, goAtoi } from '../../language/index.js';
import { createTable } from '../contracts/responses.js';
import { createOptimizeSettings, type OptimizeSettings } from '../state/host-settings.js';
import { CommandError, bool, reply, type Handler, type HandlerContext } from './types.js';

/** A CPU filter: one CPU number, or a bracketed list and ranges of them (`[1,2-20]`). */
function checkCpuFilter(filter: string): void {
  const r = splitList(filter);
  if (!r.ok || r.values.length === 0 || r.values.some((v) => goAtoi(v) === undefined || goAtoi(v)! < 0n)) {
    throw new CommandError(`invalid CPU filter: ${filter}`);
  }
}

/** `optimize ksm|affinity [true|false]`: prints the setting, or sets it. */
function toggle(ctx: HandlerContext, o: OptimizeSettings, key: 'ksm' | 'affinity'): ReturnType<Handler> {
  if (bool(ctx, 'true')) o[key] = true;
  else if (bool(ctx, 'false')) o[key] = false;
  else return reply(ctx, String(o[key]));
  return reply(ctx);
}

const optimize: Handler = (ctx) => {
  const o = ctx.node.hardware.optimize;
  const args = ctx.command.args.string;
  if (bool(ctx, 'ksm')) return toggle(ctx, o, 'ksm');
  if (bool(ctx, 'affinity')) {
    if (!bool(ctx, 'filter')) return toggle(ctx, o, 'affinity');
    checkCpuFilter(args.filter ?? '');
    o.affinityFilter = args.filter ?? '';
    return reply(ctx);
  }
  if (bool(ctx, 'hugepages')) {
    if (args.path === undefined) return reply(ctx, o.hugepages);
    o.hugepages = args.path;
    return reply(ctx);
  }
  const rows = [
    ['affinity', String(o.affinity), o.affinityFilter],
    ['hugepages', String(o.hugepages !== ''), o.hugepages],
    ['ksm', String(o.ksm), ''],
  ];
  return [[createTable(ctx.node.name, ['subsystem', 'enabled', 'setting'], rows)]];
};

const clearOptimize: Handler = (ctx) => {
  const o = ctx.node.hardware.optimize;
  if (bool(ctx, 'affinity')) {
    if (!bool(ctx, 'filter')) o.affinity = false;
    o.affinityFilter = '';
  } else if (bool(ctx, 'hugepages')) o.hugepages = '';
  else if (bool(ctx, 'ksm')) o.ksm = false;
  else ctx.node.hardware.optimize = createOptimizeSettings();
  return reply(ctx);
};

export const optimizeHandlers: Record<string, Handler> = {
  optimize,
  'clear optimize': clearOptimize,
};
