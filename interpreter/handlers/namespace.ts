/** `namespace`, `nsmod`, `clear namespace`: 2.3's namespace records, their hosts and the active namespace. */
import { leavesActive, namespaceStepKind, splitList, unsplitList } from '../../language/index.js';
import { createNamespaceRecord, type NamespaceRecord, type ScheduleRecord } from '../namespace-state.js';
import type { SimNode } from '../sim-node.js';
import { CommandError, bool, reply, str, type Handler } from './types.js';
import { unknownHostError } from '../unknown-host.js';
import { formatGoTime } from '../go-time.js';
import { Tabwriter } from '../render/tabwriter.js';

/** Gets or creates a namespace record; new ones get every mesh peer, or this node when alone. */
export function ensureNamespace(node: SimNode, name: string): NamespaceRecord {
  if (name === '') throw new CommandError('namespace names cannot be empty');
  let r = node.namespaces.get(name);
  if (!r) {
    const peers = node.mesh.peers();
    r = createNamespaceRecord(name, peers.length > 0 ? peers : [node.name]);
    node.namespaces.set(name, r);
  }
  return r;
}

const namespace: Handler = async (ctx) => {
  const { node } = ctx;
  const name = ctx.command.args.string.name;
  if (name === undefined) {
    const r = node.activeRecord();
    if (!r) return reply(ctx, `Namespaces: [${[...node.namespaces.keys()].sort().join(' ')}]`);
    return reply(ctx, describeNamespace(r));
  }
  ensureNamespace(node, name);
  const sub = ctx.command.subcommand;
  if (namespaceStepKind(ctx.command.handler.role, name, sub !== null) === 'switch') {
    node.activeNamespace = name;
    return reply(ctx);
  }
  // `enter`: the nested command runs in `name`, and the namespace active before comes back.
  if (sub?.kind !== 'Command') return [];
  const previous = node.activeNamespace;
  node.activeNamespace = name;
  try {
    return await ctx.run(sub, { ...ctx.options, record: ctx.options.compiledRecord });
  } finally {
    node.activeNamespace = previous;
  }
};

function describeNamespace(r: NamespaceRecord): string {
  const taps = [...r.taps].sort().map((t) => `${t}:true`);
  return [
    `Namespace: "${r.name}"`,
    `Hosts: ${unsplitList([...r.hosts])}`,
    `Taps: map[${taps.join(' ')}]`,
    `Number of queuedVMs: ${r.queue.length}`,
    '',
    'Schedules:',
    scheduleTable(scheduleRows(r.schedules)),
  ].join('\n');
}

const SCHEDULE_HEADER = ['start', 'end', 'state', 'launched', 'failures', 'total', 'hosts'];

/**
 * The schedule table under `Schedules:`: not a minicli table but Go's
 * tabwriter (min width 5, padding 1, space padding), header first, no final
 * line break.
 */
export function scheduleTable(rows: readonly (readonly string[])[]): string {
  const tw = new Tabwriter({ minwidth: 5, tabwidth: 0, padding: 1, padchar: ' ' });
  for (const r of [SCHEDULE_HEADER, ...rows]) tw.writeLine(r);
  return tw.flush().slice(0, -1);
}

function scheduleRows(stats: readonly ScheduleRecord[]): string[][] {
  return stats.map((s) => [
    formatGoTime(s.start),
    s.end ? formatGoTime(s.end) : '',
    s.state,
    String(s.launched),
    String(s.failures),
    String(s.total),
    String(s.hosts),
  ]);
}

const nsmod: Handler = (ctx) => {
  const { node } = ctx;
  const r = node.activeRecord();
  if (!r) throw new CommandError('cannot run nsmod without active namespace');
  const parsed = splitList(str(ctx, 'hosts'));
  if (!parsed.ok) throw new CommandError(`invalid hosts -- ${parsed.error}`);
  if (bool(ctx, 'add-host')) {
    const peers = new Set(node.mesh.peers());
    const add: string[] = [];
    for (const h of parsed.values) {
      if (h === 'all') {
        for (const p of peers) r.hosts.add(p);
        return reply(ctx);
      }
      const host = h === 'localhost' ? node.name : h;
      if (host !== node.name && !peers.has(host)) throw new CommandError(unknownHostError(h));
      add.push(host);
    }
    for (const h of add) r.hosts.add(h);
    return reply(ctx);
  }
  for (const h of parsed.values) {
    if (h === 'all') {
      r.hosts.clear();
      break;
    }
    // 2.3 does not translate `localhost` here, so `del-host localhost` is a no-op.
    r.hosts.delete(h);
  }
  return reply(ctx);
};

const clearNamespace: Handler = (ctx) => {
  const { node } = ctx;
  const name = ctx.command.args.string.name;
  if (name === undefined) {
    node.activeNamespace = '';
    return reply(ctx);
  }
  const r = node.namespaces.get(name);
  if (!r) throw new CommandError(`unknown namespace: ${name}`);
  if (r.schedules.some((s) => s.state !== 'completed')) throw new CommandError('scheduler still running for namespace');
  for (const t of [...r.taps]) {
    if (!node.taps.has(t)) throw new CommandError('unknown tap');
    node.taps.delete(t);
    r.taps.delete(t);
  }
  node.vlans.clear('', name);
  if (leavesActive(node.activeNamespace, name)) node.activeNamespace = '';
  node.namespaces.delete(name);
  return reply(ctx);
};

export const namespaceHandlers: Record<string, Handler> = {
  namespace,
  nsmod,
  'clear namespace': clearNamespace,
};
