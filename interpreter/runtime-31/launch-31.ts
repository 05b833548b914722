/**
 * 3.1's `vm launch` and the scheduler run behind it (runtime-3.1.md §3-4):
 * every launch with arguments is queued in the namespace, and with
 * queueing off (the default) scheduled at once; a bare `vm launch` (or
 * `ns schedule`) schedules the queue. Placement is `schedule31`; the local
 * share launches here, each other host gets its share as one
 * `namespace "<ns>" vm launch` carrying the config snapshot.
 */
import { goQuote, splitList } from '../../language/index.js';
import { createError, createTable, type Batch, type Response } from '../contracts/responses.js';
import { launchLocal } from '../launch.js';
import { expandLaunchNames } from '../targets.js';
import type { ScheduleRecord } from '../namespace-state.js';
import type { SimNode } from '../sim-node.js';
import type { VmConfig } from '../vm-config-state.js';
import type { VmType } from '../vm-model.js';
import { CommandError, bool, reply, type Handler, type HandlerContext } from '../handlers/types.js';
import { bondAtLaunch31 } from './vm-net-31.js';
import { cloneConfig31, list31, map31, value31, type Config31 } from './config-31.js';
import { configFromJson, configToJson } from './config-json-31.js';
import { compileOwn } from './namespace-handlers-31.js';
import { NAME_PATTERN, ensureSpace31, type Namespace31, type QueueEntry31 } from './namespace-31.js';
import { schedule31, type HostLoad, type SchedulerEntry } from './scheduler-31.js';

/** The 2.3 launch model's view of a 3.1 config (what `launchLocal` and the VM keep). */
export function toVmConfig(c: Config31, ns: string): VmConfig {
  const v = (name: string): string => value31(c, name);
  const qemu = v('qemu');
  return {
    memory: v('memory'),
    vcpus: v('vcpus'),
    cpu: v('cpu'),
    net: c.nets.map((n) => ({ vlan: n.vlan, bridge: n.bridge, mac: n.mac, driver: n.driver })),
    tags: new Map(map31(c, 'tags')),
    append: list31(c, 'append').join(' '),
    // The default `kvm` is looked up on $PATH, which always works here.
    qemu: qemu === 'kvm' ? '' : qemu,
    qemuAppend: [...list31(c, 'qemu-append')],
    migrate: v('state'),
    disk: c.disks.map((d) => d.split(',')[0]!),
    cdrom: v('cdrom'),
    kernel: v('kernel'),
    initrd: v('initrd'),
    uuid: v('uuid'),
    serial: Number(v('serial-ports')),
    virtioSerial: 0,
    snapshot: v('snapshot') === 'true',
    hostname: v('hostname'),
    init: [...list31(c, 'init')],
    preinit: v('preinit'),
    filesystem: v('filesystem'),
    fifo: Number(v('fifos')),
    namespace: ns,
  };
}

/**
 * Launches names on this node into namespace `space` (§3.7); the errors,
 * one per VM that failed.
 */
export function launchHere31(node: SimNode, space: Namespace31, type: VmType, names: readonly string[], config: Config31): string[] {
  const first = node.nextVmId;
  const r = launchLocal(node, type, names, toVmConfig(config, space.name), false);
  for (let id = first; id < node.nextVmId; id++) {
    const vm = node.vms.get(id);
    if (!vm) continue;
    space.vmConfigs.set(id, config);
    bondAtLaunch31(node, vm, config.bonds);
  }
  return r.errors;
}

/** Names and UUIDs of the namespace's VMs on all its hosts, with the host of each name (§2.8). */
async function namespaceVms(ctx: HandlerContext, ns: string): Promise<{ names: Map<string, string>; uuids: Set<string> }> {
  const batches = await ctx.run(compileOwn(ctx.node, 'vm info summary'), { record: false, compiledRecord: false, source: '', namespace: ns });
  const names = new Map<string, string>();
  const uuids = new Set<string>();
  for (const b of batches) {
    for (const r of b) {
      const nameCol = r.header?.indexOf('name') ?? -1;
      const uuidCol = r.header?.indexOf('uuid') ?? -1;
      for (const row of r.tabular ?? []) {
        if (nameCol >= 0) names.set(row[nameCol]!, r.host);
        if (uuidCol >= 0) uuids.add(row[uuidCol]!);
      }
    }
  }
  return { names, uuids };
}

/** Queues a `vm launch <type> <names> [config]` (§3.4); throws the first failure. */
async function enqueue(ctx: HandlerContext, space: Namespace31, type: VmType, arg: string, saved: string | undefined): Promise<void> {
  space.assignment = null;
  let config = space.config;
  if (saved !== undefined) {
    const s = space.saved.get(saved);
    if (!s) throw new CommandError(`config ${saved} does not exist`);
    config = s;
  }
  const names = expandLaunchNames(arg, () => false);
  const seen = new Set<string>();
  for (const n of names) {
    if (n !== '' && seen.has(n)) throw new CommandError(`\`${n}\` is specified twice in VMs to launch`);
    seen.add(n);
  }
  const uuid = value31(config, 'uuid');
  if (names.length > 1 && uuid !== '') throw new CommandError('cannot launch multiple VMs with a pre-configured UUID');
  const existing = await namespaceVms(ctx, space.name);
  for (const n of names) {
    if (existing.names.has(n)) throw new CommandError(`vm already exists with name \`${n}\``);
    if (n !== '' && !NAME_PATTERN.test(n)) throw new CommandError(`invalid name; must only include letters, numbers, hyphens and underscores: \`${n}\``);
  }
  if (uuid !== '' && existing.uuids.has(uuid)) throw new CommandError(`vm already exists with UUID \`${uuid}\``);
  const queued = new Set(space.queue31.flatMap((e) => e.names));
  for (const n of names) if (n !== '' && queued.has(n)) throw new CommandError(`vm already queued with name \`${n}\``);
  if (uuid !== '' && space.queue31.some((e) => value31(e.config, 'uuid') === uuid)) throw new CommandError(`vm already queued with UUID \`${uuid}\``);
  space.queue31.push({ names, type, config: cloneConfig31(config) });
}

/** The `host` statistics of the namespace's hosts that answered, local node first (§4.1). */
async function hostLoads(ctx: HandlerContext, ns: string): Promise<HostLoad[]> {
  const batches = await ctx.run(compileOwn(ctx.node, 'host'), { record: false, compiledRecord: false, source: '', namespace: ns });
  const out: HostLoad[] = [];
  for (const b of batches) {
    for (const r of b) {
      const row = r.tabular?.[0];
      if (r.error !== '' || !r.header || !row) continue;
      const n = (col: string): number => Number(row[r.header!.indexOf(col)] ?? 0);
      out.push({
        name: r.host,
        cpus: n('cpus'),
        memTotal: n('memtotal'),
        vms: n('vms'),
        cpuCommit: n('cpucommit'),
        memCommit: n('memcommit'),
        netCommit: n('netcommit'),
        limit: n('vmlimit'),
      });
    }
  }
  return out;
}

interface View extends SchedulerEntry {
  readonly entry: QueueEntry31;
}

/** Computes an assignment of the queue (§3.5 steps 4-5); throws the scheduler's error. */
export async function computeAssignment(ctx: HandlerContext, space: Namespace31): Promise<Map<string, QueueEntry31[]>> {
  const loads = await hostLoads(ctx, space.name);
  const vms = await namespaceVms(ctx, space.name);
  const views: View[] = space.queue31.map((entry) => {
    const c = entry.config;
    const colocate = value31(c, 'colocate');
    const host = colocate !== '' ? vms.names.get(colocate) : undefined;
    return {
      entry,
      names: entry.names,
      schedule: host ?? value31(c, 'schedule'),
      colocate,
      coschedule: Number(value31(c, 'coschedule')),
      vcpus: Number(value31(c, 'vcpus')),
      memory: Number(value31(c, 'memory')),
      networks: c.nets.length,
    };
  });
  const r = schedule31({
    entries: views,
    hosts: loads,
    local: ctx.node.name,
    load: space.load,
    oneName: (v, name) => ({ ...v, names: [name], entry: { ...v.entry, names: [name] } }),
  });
  if (!r.ok) throw new CommandError(r.error);
  const out = new Map<string, QueueEntry31[]>();
  // With one host the entries are the queue's own (a quirk `ns schedule mv` shows, §4.5).
  for (const [host, placed] of r.assignment)
    out.set(
      host,
      placed.map((v) => v.entry),
    );
  return out;
}

/** `vm | dst` of an assignment. */
export function assignmentTable(node: SimNode, a: ReadonlyMap<string, readonly QueueEntry31[]>): Batch[] {
  const rows: string[][] = [];
  for (const [host, entries] of a) for (const e of entries) for (const n of e.names) rows.push([n, host]);
  return [[createTable(node.name, ['vm', 'dst'], rows)]];
}

/** Runs the scheduler on the queue (§3.5): the stored dry run if any, else a fresh placement; then dispatch. */
export async function runSchedule(ctx: HandlerContext, space: Namespace31): Promise<Batch[]> {
  if (space.hosts.size === 0) throw new CommandError('namespace must contain at least one host to launch VMs');
  if (space.queue31.length === 0) throw new CommandError('namespace must contain at least one queued VM to launch VMs');
  const assignment = space.assignment ?? (await computeAssignment(ctx, space));
  await dispatch(ctx, space, assignment);
  return reply(ctx);
}

/** Groups a host's one-name entries that share a config and type into one launch each. */
function launches(entries: readonly QueueEntry31[]): QueueEntry31[] {
  const out: { names: string[]; type: VmType; config: Config31 }[] = [];
  for (const e of entries) {
    const last = out[out.length - 1];
    if (last && last.config === e.config && last.type === e.type) last.names.push(...e.names);
    else out.push({ names: [...e.names], type: e.type, config: e.config });
  }
  return out;
}

/** Dispatch (§4.4): a statistics row, names for unnamed VMs, one launch per host share. */
async function dispatch(ctx: HandlerContext, space: Namespace31, assignment: Map<string, QueueEntry31[]>): Promise<void> {
  const { node } = ctx;
  const stats: ScheduleRecord = {
    start: new Date(node.now()),
    end: null,
    state: 'running',
    launched: 0,
    failures: 0,
    total: space.queue31.reduce((n, e) => n + e.names.length, 0),
    hosts: space.hosts.size,
  };
  space.schedules.push(stats);
  space.queue31 = [];
  space.assignment = null;
  const hosts = [...assignment.keys()].sort();
  const shares = new Map<string, QueueEntry31[]>();
  for (const h of hosts) {
    const entries = launches(assignment.get(h)!);
    for (const e of entries) for (let i = 0; i < e.names.length; i++) if (e.names[i] === '') e.names[i] = `vm-${space.nameCounter++}`;
    shares.set(h, entries);
  }
  const results = await Promise.all(hosts.map((h) => launchShare(ctx, space, h, shares.get(h)!)));
  for (const r of results.flat()) {
    if (r.error !== '') stats.failures++;
    else stats.launched += Number(r.response) || 0;
  }
  stats.end = new Date(node.now());
  stats.state = 'completed';
}

/** One host's launches: here directly, elsewhere as one message each; one response per launch. */
async function launchShare(ctx: HandlerContext, space: Namespace31, host: string, entries: readonly QueueEntry31[]): Promise<Response[]> {
  const { node } = ctx;
  const out: Response[] = [];
  for (const e of entries) {
    if (host === node.name) {
      const errors = launchHere31(node, space, e.type, e.names, e.config);
      out.push({ ...node.respond(String(e.names.length)), error: errors.join('\n') });
      continue;
    }
    const command = compileOwn(node, `namespace ${goQuote(space.name)} vm launch ${e.type} ${e.names.join(',')}`);
    const replies = await node.send([host], { command, source: space.name, record: false, payload: configToJson(e.config) });
    out.push(...(replies.length ? replies : [createError(node.name, `no route to host ${host}`)]));
  }
  return out;
}

/** A scheduler leg from another node (§3.7): launch the names with the config that came with them. */
function launchLeg(ctx: HandlerContext, space: Namespace31, type: VmType, arg: string, payload: string): Batch[] {
  const config = configFromJson(payload);
  const parsed = splitList(arg);
  if (!parsed.ok) throw new CommandError(parsed.error);
  const errors = launchHere31(ctx.node, space, type, parsed.values, config);
  if (errors.length > 0) throw new CommandError(errors.join('\n'));
  return reply(ctx, '0');
}

const launch: Handler = async (ctx) => {
  const { node } = ctx;
  if (ctx.options.source === 'meshage') throw new CommandError(`cannot run \`${ctx.command.original}\` via meshage`);
  const space = ensureSpace31(node, ctx.ns);
  const type: VmType = bool(ctx, 'container') ? 'container' : 'kvm';
  const arg = ctx.command.args.string.name;
  if (ctx.options.payload !== undefined && arg !== undefined) return launchLeg(ctx, space, type, arg, ctx.options.payload);
  if (arg === undefined) return runSchedule(ctx, space);
  await enqueue(ctx, space, type, arg, ctx.command.args.string.config);
  if (space.queueing) return reply(ctx);
  return runSchedule(ctx, space);
};

export const launchHandlers31: Record<string, Handler> = { 'vm launch': launch };
