/**
 * `router` and `clear router`: staged minirouter configurations. 2.3 keeps
 * them per VM and sends them through cc on `commit`; the simulator keeps the
 * staged settings, marks them committed on `commit`, and lists them
 * (docs/simulator.md). Values are recorded as typed.
 */
import { createTable } from '../contracts/responses.js';
import { RouterConfig } from '../state/routers.js';
import { bool, reply, str, type Handler, type HandlerContext } from './types.js';
import { oneVm } from './vm-lookup.js';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug'] as const;

/** Records the setting a `router <vm> ...` form makes. */
function stage(ctx: HandlerContext, r: RouterConfig): void {
  const s = (k: string): string => str(ctx, k);
  const b = (k: string): boolean => bool(ctx, k);
  if (b('commit')) return r.commit();
  if (b('log')) {
    const level = LEVELS.find((l) => b(l))!;
    return r.set('log', [], `log level ${level}`);
  }
  if (b('interface')) return r.set('interface', [s('network'), s('IPv4/MASK')], `interface ${s('network')} ${s('IPv4/MASK')}`);
  if (b('dhcp')) {
    const l = s('listen');
    if (b('range')) return r.set('dhcp', [l, 'range'], `dhcp ${l} range ${s('low')} ${s('high')}`);
    if (b('router')) return r.set('dhcp', [l, 'router'], `dhcp ${l} router ${s('router')}`);
    if (b('dns')) return r.set('dhcp', [l, 'dns'], `dhcp ${l} dns ${s('address')}`);
    return r.set('dhcp', [l, 'static', s('mac')], `dhcp ${l} static ${s('mac')} ${s('ip')}`);
  }
  if (b('dns')) return r.set('dns', [s('ip'), s('hostname')], `dns ${s('ip')} ${s('hostname')}`);
  if (b('upstream')) return r.set('upstream', [], `upstream ${s('ip')}`);
  if (b('ra')) return r.set('ra', [s('subnet')], `ra ${s('subnet')}`);
  if (b('static')) return r.set('route static', [s('network')], `route static ${s('network')} ${s('next-hop')}`);
  return r.set('route ospf', [s('area'), s('network')], `route ospf ${s('area')} ${s('network')}`);
}

const router: Handler = (ctx) => {
  const vm = oneVm(ctx);
  const routers = ctx.node.hardware.routers;
  if (Object.keys(ctx.command.args.bool).length === 0) {
    const rows = (routers.get(vm.id)?.settings ?? []).map((s) => [vm.name, s.words, String(s.committed)]);
    return [[createTable(ctx.node.name, ['name', 'setting', 'committed'], rows)]];
  }
  let r = routers.get(vm.id);
  if (!r) routers.set(vm.id, (r = new RouterConfig()));
  stage(ctx, r);
  return reply(ctx);
};

/** The section and keys a `clear router <vm> ...` form narrows to. */
function narrowing(ctx: HandlerContext): { section: string | undefined; keys: string[] } {
  const args = ctx.command.args.string;
  const b = (k: string): boolean => bool(ctx, k);
  const keys = (...k: (string | undefined)[]): string[] => k.filter((x): x is string => x !== undefined);
  if (b('interface')) return { section: 'interface', keys: keys(args.network, args['IPv4/MASK']) };
  if (b('dhcp')) {
    const part = ['range', 'router', 'dns', 'static'].find((p) => b(p));
    return { section: 'dhcp', keys: keys(args.listen, part, args.mac) };
  }
  if (b('dns')) return { section: 'dns', keys: keys(args.ip) };
  if (b('upstream')) return { section: 'upstream', keys: [] };
  if (b('ra')) return { section: 'ra', keys: keys(args.subnet) };
  if (b('static')) return { section: 'route static', keys: keys(args.network) };
  if (b('ospf')) return { section: 'route ospf', keys: keys(args.area, args.network) };
  if (b('route')) return { section: 'route', keys: [] };
  return { section: undefined, keys: [] };
}

const clearRouter: Handler = (ctx) => {
  const { node } = ctx;
  const routers = node.hardware.routers;
  if (ctx.command.args.string.vm === undefined) {
    for (const vm of node.vmsIn(ctx.ns)) routers.delete(vm.id);
    return reply(ctx);
  }
  const vm = oneVm(ctx);
  const { section, keys } = narrowing(ctx);
  if (section === undefined) routers.delete(vm.id);
  else routers.get(vm.id)?.clear(section, keys);
  return reply(ctx);
};

export const routerHandlers: Record<string, Handler> = {
  router,
  'clear router': clearRouter,
};
