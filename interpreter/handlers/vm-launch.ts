/**
 * `vm launch`: local launches, the namespace launch queue, and the flush that
 * hands the queue to the scheduler (docs/simulator.md, decisions 2 and 3).
 */
import { quoteWord, type Command } from '../../language/index.js';
import { cloneConfig } from '../vm-config-state.js';
import { createError, type Batch, type Response } from '../contracts/responses.js';
import { launchLocal, launchNameTaken } from '../launch.js';
import { expandLaunchNames } from '../targets.js';
import { schedule, type Placement } from '../scheduler.js';
import { launchRequests } from '../launch-requests.js';
import type { NamespaceRecord, ScheduleRecord } from '../namespace-state.js';
import { CommandError, bool, reply, type Handler, type HandlerContext } from './types.js';
import { MAX_NODE_VMS } from '../../language/index.js';

/** Refuses a launch or a queue entry that would take the node past MAX_NODE_VMS. */
function checkNodeRoom(node: HandlerContext['node'], adding: number): void {
  let held = node.vms.size;
  for (const r of node.namespaces.values()) held += r.queue.vmCount;
  if (held + adding > MAX_NODE_VMS) throw new CommandError(`too many VMs on this node: ${held} and ${adding} more (the limit is ${MAX_NODE_VMS})`);
}

export const launchHandler: Handler = async (ctx) => {
  const ns = ctx.ns;
  const record = ctx.space;
  const type = bool(ctx, 'container') ? 'container' : 'kvm';
  const arg = ctx.command.args.string.name;
  if (!record) {
    if (arg === undefined) throw new CommandError('invalid command when namespace is not active');
    return launchHere(ctx, type, arg, '');
  }
  if (ctx.options.source === ns) {
    if (arg === undefined) throw new CommandError('invalid command when namespace is not active');
    return launchHere(ctx, type, arg, ns);
  }
  if (arg !== undefined) {
    await enqueue(ctx, record, type, arg);
    return reply(ctx);
  }
  return flush(ctx, record);
};

function launchHere(ctx: HandlerContext, type: 'kvm' | 'container', arg: string, ns: string): Batch[] {
  const { node } = ctx;
  const names = expandLaunchNames(arg, launchNameTaken(node, ctx.ns));
  checkNodeRoom(node, names.length);
  const config = cloneConfig(node.vmConfig);
  config.namespace = ns;
  const { errors, early } = launchLocal(node, type, names, config);
  // With `noblock`, 2.3 only logs what failed once VMs were being created.
  if (errors.length && (early || !bool(ctx, 'noblock'))) throw new CommandError(errors.join('\n'));
  return reply(ctx);
}

async function enqueue(ctx: HandlerContext, record: NamespaceRecord, type: 'kvm' | 'container', arg: string): Promise<void> {
  const existing = await namespaceVmNames(ctx);
  const names = expandLaunchNames(arg, (n) => existing.has(n));
  checkNodeRoom(ctx.node, names.length);
  for (const n of names) if (n !== '' && record.queue.has(n)) throw new CommandError(`vm already queued with name \`${n}\``);
  const config = cloneConfig(ctx.node.vmConfig);
  config.namespace = record.name;
  record.queue.push({ names, type, config });
}

/** Names of the namespace's VMs on every host (a `vm info` fan-out). */
async function namespaceVmNames(ctx: HandlerContext): Promise<Set<string>> {
  const r = ctx.node.language.compile('vm info summary');
  if (r.kind !== 'command') return new Set();
  const batches = await ctx.run(r.command, { record: false, compiledRecord: false, source: '' });
  const names = new Set<string>();
  for (const b of batches) {
    for (const resp of b) {
      const col = resp.header?.indexOf('name') ?? -1;
      if (col >= 0) for (const row of resp.tabular ?? []) names.add(row[col]!);
    }
  }
  return names;
}

async function flush(ctx: HandlerContext, record: NamespaceRecord): Promise<Batch[]> {
  if (record.hosts.size === 0) throw new CommandError('namespace must contain at least one host to launch VMs');
  if (record.queue.length === 0) throw new CommandError('namespace must contain at least one queued VM to launch VMs');
  const queue = record.queue.take();
  const placements = schedule(queue, [...record.hosts]);
  const stats: ScheduleRecord = {
    start: new Date(),
    end: null,
    state: 'running',
    launched: 0,
    failures: 0,
    total: queue.reduce((n, e) => n + e.names.length, 0),
    hosts: record.hosts.size,
  };
  record.schedules.push(stats);
  const results = await Promise.all(placements.map((p) => dispatchPlacement(ctx, record.name, p)));
  const errors: Response[] = [];
  results.forEach((r, i) => {
    const p = placements[i]!;
    stats.launched += p.count - r.failed;
    stats.failures += r.failed;
    if (r.error) errors.push(createError(p.host, r.error));
  });
  stats.end = new Date();
  stats.state = 'completed';
  return errors.length ? [errors] : reply(ctx);
}

interface HostResult {
  readonly error: string;
  /** VMs that did not launch on the host. */
  readonly failed: number;
}

/** Sends a host its share: the config commands, then `vm launch` (all with Source = namespace). */
async function dispatchPlacement(ctx: HandlerContext, ns: string, p: Placement): Promise<HostResult> {
  const { node } = ctx;
  const errors: string[] = [];
  let failed = 0;
  if (p.host === node.name) {
    // On this node the snapshot is launched directly, so the user's own
    // `vm config` is left as it was.
    for (const pe of p.entries) {
      const r = launchLocal(node, pe.entry.type, pe.names, pe.entry.config, false);
      errors.push(...r.errors);
      failed += pe.names.length - r.launched.length;
    }
    return { error: errors.join('\n'), failed };
  }
  for (const req of launchRequests(p.entries)) {
    const lines = [...req.config, req.launch];
    let stepError = '';
    let atLaunch = false;
    for (const line of lines) {
      atLaunch = line === req.launch;
      const text = `namespace ${quoteWord(ns)} ${line}`;
      const c = node.language.compile(text);
      if (c.kind !== 'command') {
        stepError = `cannot send \`${line}\`: ${c.kind === 'noMatch' || c.kind === 'lexError' ? c.error : 'not a command'}`;
        break;
      }
      const err = await runStepOn(ctx, p.host, c.command, ns);
      if (err) {
        stepError = err;
        break;
      }
    }
    if (stepError) {
      errors.push(stepError);
      // A failed config step launches nothing; a failed launch may have launched some.
      failed += atLaunch && !stepError.startsWith('cannot send') ? countFailed(stepError, req.count) : req.count;
    }
  }
  return { error: errors.join('\n'), failed };
}

function countFailed(error: string, n: number): number {
  return Math.min(n, error.split('\n').length);
}

/** Runs a command on `host` as fan-out does; returns the error text or "". */
async function runStepOn(ctx: HandlerContext, host: string, command: Command, ns: string): Promise<string> {
  const replies = await ctx.runOn([host], { command, source: ns, record: false });
  if (replies.length === 0) return `no route to host ${host}`;
  return replies
    .map((r) => r.error)
    .filter((e) => e !== '')
    .join('\n');
}
