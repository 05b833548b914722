/**
 * 3.1's `cc mount` family (catalog-3.1.json, runtime-3.1.md §2.1: raw, with
 * its own fan-out). A mount is kept per namespace as if the guest's file
 * server had answered and the 9p mount had worked (decision 12); nothing is
 * mounted on the host. The simulator's choices (the listing, the port, the
 * errors for a missing mount point or a taken one) are in docs/simulator.md.
 * A VM is looked up on every host of the namespace, as 3.1 does.
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

interface Guest {
  readonly host: string;
  readonly name: string;
  readonly uuid: string;
}

/** The VM `key` names (name, id or UUID) on any host of the namespace, from `vm info summary`. */
async function findInNamespace(ctx: HandlerContext, key: string): Promise<Guest | undefined> {
  const batches = await ctx.run(compileOwn(ctx.node, 'vm info summary'), { record: false, compiledRecord: false, source: '', namespace: ctx.ns });
  for (const r of batches.flat()) {
    const col = (name: string): number => r.header?.indexOf(name) ?? -1;
    const [id, name, uuid] = [col('id'), col('name'), col('uuid')];
    const row = (r.tabular ?? []).find((cells) => [id, name, uuid].some((c) => c >= 0 && cells[c] === key));
    if (row) return { host: r.host, name: row[name] ?? key, uuid: row[uuid] ?? '' };
  }
  return undefined;
}

/** The file-server port of a VM on another host, as that host answers `cc mount <uuid>`. */
async function remotePort(ctx: HandlerContext, guest: Guest): Promise<number> {
  const [r] = await onHosts(ctx, [guest.host], `cc mount ${goQuote(guest.uuid)}`);
  if (!r) throw new CommandError(`vm not found: ${guest.name}`);
  if (r.error !== '') throw new CommandError(r.error);
  return Number(r.response);
}

/**
 * `cc mount <vm> [path]`: mount a guest's filesystem. A VM on another host
 * of the namespace is asked for its port there. Sent by another node
 * without a path: only the port.
 */
const mount: Handler = async (ctx) => {
  const key = str(ctx, 'uuid');
  const path = ctx.command.args.string.path;
  const vm = findVm(ctx.node.vmsIn(ctx.ns), key);
  const typed = ctx.options.source === '';
  const guest = vm ? { host: ctx.node.name, name: vm.name, uuid: vm.uuid } : typed ? await findInNamespace(ctx, key) : undefined;
  if (!guest) throw new CommandError(`vm not found: ${key}`);
  if (path === undefined) {
    if (typed || !vm) throw new CommandError('cc mount: a mount point is needed (`cc mount <vm> <path>`)');
    return reply(ctx, String(portOf(vm.id)));
  }
  const mounts = ccOf(ctx).mounts;
  const there = mounts.get(guest.uuid);
  if (there) throw new CommandError(`cc mount: ${guest.name} is already mounted on ${there.path}`);
  if ([...mounts.values()].some((m) => m.path === path)) throw new CommandError(`cc mount: ${path} is already a mount point`);
  const port = vm ? portOf(vm.id) : await remotePort(ctx, guest);
  mounts.set(guest.uuid, { name: guest.name, uuid: guest.uuid, port, path });
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
