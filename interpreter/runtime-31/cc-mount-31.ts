/**
 * 3.1's `cc mount` family (catalog-3.1.json, runtime-3.1.md §2.1: raw, with
 * its own fan-out). A mount is kept per namespace as if the guest's file
 * server had answered and the 9p mount had worked (decision 12); nothing is
 * mounted on the host. The simulator's choices (the listing, the port, the
 * errors for a missing mount point or a taken one) are in docs/simulator.md.
 */
import { goQuote } from '../../language/index.js';
import { createTable, type Batch } from '../contracts/responses.js';
import { CommandError, ccOf, reply, str, type Handler, type HandlerContext } from '../handlers/types.js';
import { findVm } from '../targets.js';
import { compileOwn } from './namespace-handlers-31.js';
import { findSpace31 } from './namespace-31.js';

/** The guest file-server port a simulated VM answers with. */
const portOf = (id: number): number => 6000 + id;

/** The namespace's hosts, sorted (this node alone when it has no record). */
function hostsOf(ctx: HandlerContext): string[] {
  return [...(findSpace31(ctx.node, ctx.ns)?.hosts ?? [ctx.node.name])].sort();
}

/** Runs this command on `hosts` as a fan-out leg of the command's namespace. */
function onHosts(ctx: HandlerContext, hosts: readonly string[], text: string) {
  const command = compileOwn(ctx.node, `namespace ${goQuote(ctx.ns)} ${text}`);
  return ctx.runOn(hosts, { command, source: ctx.ns, record: false });
}

/** This node's mounts of the namespace as a table. */
function localTable(ctx: HandlerContext) {
  const rows = [...ccOf(ctx).mounts.values()].map((m) => [m.name, m.uuid, String(m.port), m.path]);
  return createTable(ctx.node.name, ['name', 'uuid', 'port', 'path'], rows.length ? rows : null);
}

/** `cc mount`: the mounts of every host of the namespace, and this node's when it is not one of them. */
const list: Handler = async (ctx): Promise<Batch[]> => {
  if (ctx.options.source !== '') return [[localTable(ctx)]];
  const hosts = hostsOf(ctx);
  const responses = await onHosts(ctx, hosts, 'cc mount');
  return [hosts.includes(ctx.node.name) ? responses : [...responses, localTable(ctx)]];
};

/** `cc mount <vm> [path]`: mount a guest's filesystem (without a path, only when sent by another node: the port). */
const mount: Handler = (ctx) => {
  const key = str(ctx, 'uuid');
  const vm = findVm(ctx.node.vmsIn(ctx.ns), key);
  if (!vm) throw new CommandError(`vm not found: ${key}`);
  const path = ctx.command.args.string.path;
  if (path === undefined) {
    if (ctx.options.source === '') throw new CommandError('cc mount: a mount point is needed (`cc mount <vm> <path>`)');
    return reply(ctx, String(portOf(vm.id)));
  }
  const mounts = ccOf(ctx).mounts;
  const there = mounts.get(vm.uuid);
  if (there) throw new CommandError(`cc mount: ${vm.name} is already mounted on ${there.path}`);
  if ([...mounts.values()].some((m) => m.path === path)) throw new CommandError(`cc mount: ${path} is already a mount point`);
  mounts.set(vm.uuid, { name: vm.name, uuid: vm.uuid, port: portOf(vm.id), path });
  return reply(ctx);
};

/** `clear cc mount [vm or path]`: unmount here, then (typed by a user) on the namespace's other hosts; the first error. */
const clear: Handler = async (ctx) => {
  const key = ctx.command.args.string.uuid;
  const mounts = ccOf(ctx).mounts;
  for (const [uuid, m] of mounts) if (key === undefined || key === m.name || key === uuid || key === m.path) mounts.delete(uuid);
  if (ctx.options.source === '') {
    const others = hostsOf(ctx).filter((h) => h !== ctx.node.name);
    if (others.length > 0) {
      const failed = (await onHosts(ctx, others, ctx.command.original)).find((r) => r.error !== '');
      if (failed) throw new CommandError(failed.error);
    }
  }
  return reply(ctx);
};

export const ccMountHandlers31: Record<string, Handler> = {
  'cc mount': list,
  'cc mount#2': mount,
  'clear cc mount': clear,
};
