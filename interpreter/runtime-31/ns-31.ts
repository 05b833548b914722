/**
 * `ns` (runtime-3.1.md §1.4, §4.5, §10.13): the command namespace's hosts,
 * load key, queueing flag, queue, scheduler (run, dry run, dump, move,
 * status), bridges and `ns run`.
 */
import { goQuote, splitList } from '../../language/index.js';
import { createTable, type Batch } from '../contracts/responses.js';
import { parseTarget } from '../targets.js';
import type { SimNode } from '../sim-node.js';
import { CommandError, bool, reply, str, type Handler, type HandlerContext } from '../handlers/types.js';
import { dumpConfig31 } from './config-31.js';
import { unsplitList31 } from '../render/compress-31.js';
import { compileOwn } from './namespace-handlers-31.js';
import { ensureSpace31, type Namespace31, type QueueEntry31 } from './namespace-31.js';
import { assignmentTable, computeAssignment, runSchedule } from './launch-31.js';
import type { LoadKey } from './scheduler-31.js';
import { formatRfc822 } from './time-31.js';
import { unknownHostError } from '../unknown-host.js';

function hostList(ctx: HandlerContext): string[] {
  const r = splitList(str(ctx, 'hostname'));
  if (!r.ok) throw new CommandError(`invalid hosts -- ${r.error}`);
  return r.values;
}

function addHosts(ctx: HandlerContext, space: Namespace31): void {
  const { node } = ctx;
  const peers = new Set(node.mesh.peers());
  const add: string[] = [];
  for (const h of hostList(ctx)) {
    if (h === 'all') {
      for (const p of peers) space.hosts.add(p);
      return;
    }
    const host = h === 'localhost' ? node.name : h;
    if (host !== node.name && !peers.has(host)) throw new CommandError(unknownHostError(h));
    add.push(host);
  }
  for (const h of add) space.hosts.add(h);
}

function delHosts(ctx: HandlerContext, space: Namespace31): void {
  for (const h of hostList(ctx)) {
    if (h === 'all') {
      space.hosts.clear();
      return;
    }
    space.hosts.delete(h === 'localhost' ? ctx.node.name : h);
  }
}

/** `ns queue`: one block per entry (§3.6). */
function queueText(space: Namespace31): string {
  return (
    space.queue31
      // The dump ends with a blank line, then two more line breaks.
      .map((e) => `VMs: ${e.names.length}\nNames: ${unsplitList31(e.names.filter((n) => n !== ''))}\nVM Type: ${e.type}\n\n${dumpConfig31(e.config)}\n\n\n`)
      .join('')
  );
}

function statusTable(node: SimNode, space: Namespace31): Batch[] {
  const rows = space.schedules.map((s) => [
    formatRfc822(s.start),
    s.end ? formatRfc822(s.end) : '',
    s.state,
    String(s.launched),
    String(s.failures),
    String(s.total),
    String(s.hosts),
  ]);
  return [[createTable(node.name, ['start', 'end', 'state', 'launched', 'failures', 'total', 'hosts'], rows)]];
}

/** `ns schedule mv <target> <dst>` (§4.5). */
function move(ctx: HandlerContext, space: Namespace31): void {
  const a = space.assignment;
  if (!a) throw new CommandError('must run dry-run first');
  const dst = str(ctx, 'dst');
  if (!space.hosts.has(dst)) throw new CommandError('new dst host is not in namespace');
  for (const name of parseTarget(str(ctx, 'vm')).items) {
    let found: { host: string; entry: QueueEntry31 } | undefined;
    for (const [host, entries] of a) {
      const entry = entries.find((e) => e.names.includes(name));
      if (entry) {
        found = { host, entry };
        break;
      }
    }
    if (!found) throw new CommandError(`reassign ${name}: vm not found`);
    const from = a.get(found.host)!;
    let moved: QueueEntry31;
    if (found.entry.names.length === 1) {
      from.splice(from.indexOf(found.entry), 1);
      moved = found.entry;
    } else {
      found.entry.names.splice(found.entry.names.indexOf(name), 1);
      moved = { ...found.entry, names: [name] };
    }
    const to = a.get(dst);
    if (to) to.push(moved);
    else a.set(dst, [moved]);
  }
}

const RUN_REFUSED = ['read', 'mesh send', 'ns run', 'vm launch'];

/** `ns run <command>`: the nested command on every host of the namespace, as a broadcast fan-out. */
async function nsRun(ctx: HandlerContext, space: Namespace31): Promise<Batch[]> {
  if (ctx.options.source === 'meshage') throw new CommandError(`cannot run \`${ctx.command.original}\` via meshage`);
  const sub = ctx.command.subcommand;
  if (sub?.kind !== 'Command') return [];
  const text = sub.original;
  if (RUN_REFUSED.some((r) => text === r || text.startsWith(`${r} `))) throw new CommandError(`cannot run \`${text}\` using \`ns run\``);
  const command = compileOwn(ctx.node, `namespace ${goQuote(space.name)} ${text}`);
  return [await ctx.runOn([...space.hosts].sort(), { command, source: space.name, record: false })];
}

const LOADS: readonly LoadKey[] = ['cpucommit', 'netcommit', 'memcommit'];

const ns: Handler = async (ctx) => {
  const { node } = ctx;
  const space = ensureSpace31(node, ctx.ns);
  if (bool(ctx, 'hosts')) return reply(ctx, unsplitList31([...space.hosts]));
  if (bool(ctx, 'add-hosts')) {
    addHosts(ctx, space);
    return reply(ctx);
  }
  if (bool(ctx, 'del-hosts')) {
    delHosts(ctx, space);
    return reply(ctx);
  }
  if (bool(ctx, 'load')) {
    const key = LOADS.find((k) => bool(ctx, k));
    if (!key) return reply(ctx, space.load);
    space.load = key;
    return reply(ctx);
  }
  if (bool(ctx, 'queueing')) {
    if (bool(ctx, 'true')) space.queueing = true;
    else if (bool(ctx, 'false')) space.queueing = false;
    else return reply(ctx, String(space.queueing));
    return reply(ctx);
  }
  if (bool(ctx, 'queue')) return reply(ctx, queueText(space));
  if (bool(ctx, 'flush')) {
    space.queue31 = [];
    return reply(ctx);
  }
  if (bool(ctx, 'schedule')) {
    if (bool(ctx, 'dry-run')) {
      if (space.hosts.size === 0) throw new CommandError('namespace must contain at least one host to launch VMs');
      if (space.queue31.length === 0) throw new CommandError('namespace must contain at least one queued VM to launch VMs');
      space.assignment = await computeAssignment(ctx, space);
      return assignmentTable(node, space.assignment);
    }
    if (bool(ctx, 'dump')) {
      if (!space.assignment) throw new CommandError('must run dry-run first');
      return assignmentTable(node, space.assignment);
    }
    if (bool(ctx, 'mv')) {
      move(ctx, space);
      return reply(ctx);
    }
    if (bool(ctx, 'status')) return statusTable(node, space);
    return runSchedule(ctx, space);
  }
  if (bool(ctx, 'bridge')) return bridge(ctx, space);
  if (bool(ctx, 'del-bridge')) return delBridge(ctx, space);
  if (bool(ctx, 'run')) return nsRun(ctx, space);
  // `ns save` and `ns snapshot` save running QEMU VMs to disk.
  throw new CommandError('ns save: saving VMs needs QEMU, which the simulator does not run');
};

/**
 * `ns bridge <bridge> [vxlan,gre]` (§10.13): with one host nothing happens
 * and nothing is recorded; otherwise the bridge is recorded with a key (the
 * tunnels need host addresses, which simulated hosts do not have).
 */
function bridge(ctx: HandlerContext, space: Namespace31): Batch[] {
  const name = str(ctx, 'bridge');
  if (name === '') throw new CommandError('bridge name must not be empty string');
  if (space.hosts.size === 1) return reply(ctx);
  // A random 32-bit tunnel key (the node's generator gives 32-bit integers).
  space.nsBridges.set(name, ctx.node.random());
  if (space.hosts.has(ctx.node.name)) ctx.node.bridges.add(name);
  return reply(ctx);
}

function delBridge(ctx: HandlerContext, space: Namespace31): Batch[] {
  const name = str(ctx, 'bridge');
  if (name === '') throw new CommandError('bridge name must not be empty string');
  if (!space.nsBridges.has(name)) throw new CommandError('bridge is not associated with namespace');
  ctx.node.bridges.delete(name);
  return reply(ctx);
}

export const nsHandlers31: Record<string, Handler> = { ns };
