/**
 * 3.1's `namespace`, `clear namespace` and `clear all` (runtime-3.1.md
 * §1.1-1.5, §7.4): the listing `namespace | vlans | active`, tagging a
 * nested command instead of switching, and destroying a namespace with its
 * VMs on this node and on every mesh peer.
 */
import { goQuote } from '../../language/index.js';
import { createError, createTable, type Batch, type Response } from '../contracts/responses.js';
import type { SimNode } from '../sim-node.js';
import { CommandError, reply, type Handler, type HandlerContext } from '../handlers/types.js';
import { DEFAULT_NAMESPACE, INVALID_NAME, NAME_PATTERN, ensureSpace31, findSpace31, type Namespace31 } from './namespace-31.js';

/** Compiles one of the runtime's own lines (they always match). */
export function compileOwn(node: SimNode, text: string) {
  const c = node.language.compile(text);
  if (c.kind !== 'command') throw new CommandError(`cannot run \`${text}\``);
  return c.command;
}

/** Runs a line of the runtime's own on this node with the caller's `Source`; the first error, or "". */
export async function runOwn(ctx: HandlerContext, text: string, extra: Partial<HandlerContext['options']> = {}): Promise<Batch[]> {
  return ctx.run(compileOwn(ctx.node, text), { ...ctx.options, record: false, compiledRecord: false, ...extra });
}

/** The first error text of some batches ("" for none). */
export function firstError(batches: readonly Batch[]): string {
  for (const b of batches) for (const r of b) if (r.error !== '') return r.error;
  return '';
}

function vlanRange(node: SimNode, name: string): string {
  const r = node.vlans.ranges.get(name === DEFAULT_NAMESPACE ? '' : name);
  return r ? `${r.min}-${r.max}` : '';
}

const namespace: Handler = async (ctx) => {
  const { node } = ctx;
  const name = ctx.command.args.string.name;
  if (name === undefined) {
    const rows = [...node.namespaces.keys()].map((n) => [n, vlanRange(node, n), String(n === node.activeNamespace)]);
    return [[createTable(node.name, ['namespace', 'vlans', 'active'], rows)]];
  }
  if (!NAME_PATTERN.test(name)) throw new CommandError(INVALID_NAME);
  ensureSpace31(node, name);
  const sub = ctx.command.subcommand;
  if (!ctx.command.items.some((i) => i.type === 'command')) {
    node.activeNamespace = name;
    return reply(ctx);
  }
  if (sub?.kind !== 'Command') return [];
  // Only the outer line is recorded (§0.6).
  return ctx.run(sub, { ...ctx.options, namespace: name, record: false });
};

/**
 * Destroys a record on this node (§1.5): its captures and VNC recordings and
 * playbacks go (its cc state goes with the record), its VMs are killed and
 * flushed, its host taps deleted, its VLAN aliases and range freed.
 */
export function destroySpace31(node: SimNode, space: Namespace31): void {
  if (space.schedules.some((s) => s.state !== 'completed')) throw new CommandError('scheduler still running for namespace');
  const hw = node.hardware;
  hw.captures.remove((e) => (e.vm?.namespace ?? e.namespace) === space.name);
  hw.captures.defaults.delete(space.name);
  for (const k of [...hw.vnc.recordings.keys()]) if (k.split(':')[1] === space.name) hw.vnc.recordings.delete(k);
  for (const k of [...hw.vnc.playbacks.keys()]) if (k.split(':')[0] === space.name) hw.vnc.playbacks.delete(k);
  for (const vm of [...node.vms.values()]) {
    if (vm.namespace !== space.name) continue;
    node.vms.delete(vm.id);
    for (const n of vm.nets) node.releaseTap(n.tap, n.bridge);
  }
  for (const t of [...space.taps]) {
    const tap = node.taps.get(t);
    if (!tap) throw new CommandError('unknown tap');
    node.taps.delete(t);
    node.releaseTap(t, tap.bridge);
    space.taps.delete(t);
  }
  node.vlans.clear('', space.name);
  if (node.activeNamespace === space.name) node.activeNamespace = DEFAULT_NAMESPACE;
  node.namespaces.delete(space.name);
}

function destroyLocal(node: SimNode, name: string, fromPeer: boolean): void {
  if (name === 'all') {
    for (const n of [...node.namespaces.keys()]) destroySpace31(node, findSpace31(node, n)!);
    return;
  }
  const space = findSpace31(node, name);
  if (!space) {
    if (fromPeer) throw new CommandError(`unknown namespace: ${name}`);
    return;
  }
  destroySpace31(node, space);
}

const clearNamespace: Handler = async (ctx) => {
  const { node } = ctx;
  const name = ctx.command.args.string.name;
  if (name === undefined) {
    node.activeNamespace = DEFAULT_NAMESPACE;
    return reply(ctx);
  }
  if (ctx.options.source !== '') {
    destroyLocal(node, name, true);
    return reply(ctx);
  }
  const spaces = name === 'all' ? [...node.namespaces.keys()].map((n) => findSpace31(node, n)!) : [ensureSpace31(node, name)];
  for (const space of spaces) {
    for (const bridge of space.nsBridges.keys()) {
      const err = firstError(await runOwn(ctx, `namespace ${goQuote(space.name)} ns del-bridge ${goQuote(bridge)}`));
      if (err !== '') throw new CommandError(err);
    }
  }
  destroyLocal(node, name, false);
  const out: Response[] = [node.respond()];
  const peers = node.mesh.peers();
  if (peers.length > 0) {
    const command = compileOwn(node, `clear namespace ${goQuote(name)}`);
    const replies = await node.send(peers, { command, source: name, record: false });
    // Peers that never had the namespace say so; that is not an error for the user.
    for (const r of replies) out.push(r.error.startsWith('unknown namespace:') ? { ...r, error: '' } : r);
  }
  return [out];
};

/** The steps of `clear all`, in order (§7.4). */
const CLEAR_ALL = ['clear deploy flags', 'dnsmasq kill all', 'clear namespace all', 'clear vlans all', 'clear plumb', 'clear pipe', 'clear history'];

const clearAll: Handler = async (ctx) => {
  for (const line of CLEAR_ALL) {
    const err = firstError(await runOwn(ctx, line));
    if (err !== '') return [[createError(ctx.node.name, err)]];
  }
  ctx.record = false;
  return reply(ctx);
};

export const namespaceHandlers31: Record<string, Handler> = {
  namespace,
  'clear namespace': clearNamespace,
  'clear all': clearAll,
};
