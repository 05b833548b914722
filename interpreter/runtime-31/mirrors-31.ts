/**
 * 3.1's tap mirrors (runtime-3.1.md §10.11): each bridge keeps its mirror
 * destinations (node-wide), each namespace the destinations it made. Mirrors
 * appear in no listing, only in these commands' errors.
 */
import { DEFAULT_BRIDGE } from '../../language/index.js';
import { handlerFor } from '../handlers/registry.js';
import { CommandError, bool, reply, str, type Handler, type HandlerContext } from '../handlers/types.js';
import type { SimNode } from '../sim-node.js';
import { findVm, vmMatches } from '../targets.js';
import type { Vm } from '../vm-model.js';
import { adapt23 } from './renamed-args-31.js';
import { ensureSpace31, type Namespace31 } from './namespace-31.js';

/** The bridge a tap is on: a host tap, a VM's, or one left behind by a destroyed mirror. */
function bridgeOf(node: SimNode, tap: string): string | undefined {
  const host = node.taps.get(tap);
  if (host) return host.bridge;
  for (const vm of node.vms.values()) for (const n of vm.nets) if (n.tap === tap) return n.bridge;
  return node.leakedTaps.get(tap);
}

/** `tap mirror <src> <dst> [bridge]`'s checks and effect; the error text or "". */
function mirror(node: SimNode, space: Namespace31, src: string, dst: string, bridge: string): string {
  node.bridges.add(bridge);
  if (src === dst) return 'cannot mirror tap to itself';
  if (src !== '' && bridgeOf(node, src) !== bridge) return 'source tap is not on bridge';
  if (bridgeOf(node, dst) !== bridge) return 'destination tap is not on bridge';
  let set = node.mirrors.get(bridge);
  if (set?.has(dst)) return 'destination tap is already a mirror';
  if (!set) node.mirrors.set(bridge, (set = new Set()));
  set.add(dst);
  space.mirrors.add(dst);
  return '';
}

/** Removes the namespace's mirror to `dst`; the error text or "". */
function unmirror(node: SimNode, space: Namespace31, dst: string): string {
  if (!space.mirrors.has(dst)) return 'not a valid mirror';
  const bridge = bridgeOf(node, dst);
  if (bridge === undefined) return 'unknown tap';
  if (!node.mirrors.get(bridge)?.has(dst)) return `tap is not a mirror on bridge ${bridge}: ${dst}`;
  node.mirrors.get(bridge)!.delete(dst);
  space.mirrors.delete(dst);
  return '';
}

/** Every mirror of the namespace, in name order; the first error stops. */
function unmirrorAll(node: SimNode, space: Namespace31): void {
  for (const dst of [...space.mirrors].sort()) {
    const err = unmirror(node, space, dst);
    if (err) throw new CommandError(err);
  }
}

const tap23 = adapt23('tap', handlerFor('tap'));
const clearTap23 = handlerFor('clear tap');

/** `tap` with 3.1's `tap mirror <src> <dst> [bridge]`; the other forms are 2.3's. */
const tap: Handler = (ctx) => {
  if (!bool(ctx, 'mirror')) return tap23(ctx);
  const err = mirror(ctx.node, ensureSpace31(ctx.node, ctx.ns), str(ctx, 'src'), str(ctx, 'dst'), ctx.command.args.string.bridge ?? DEFAULT_BRIDGE);
  if (err) throw new CommandError(err);
  return reply(ctx);
};

/** `clear tap [mirror [name]]`: mirrors first (an error stops before any tap is deleted), then host taps. */
const clearTap: Handler = (ctx) => {
  const { node } = ctx;
  const space = ensureSpace31(node, ctx.ns);
  const name = ctx.command.args.string.name ?? '';
  if (bool(ctx, 'mirror') && name !== '' && name !== 'all') {
    const err = unmirror(node, space, name);
    if (err) throw new CommandError(err);
    return reply(ctx);
  }
  unmirrorAll(node, space);
  return bool(ctx, 'mirror') ? reply(ctx) : clearTap23(ctx);
};

/** One side of the VM form: the VM and its interface, or why not (`missing` when only the VM is absent). */
type Side = { readonly vm: Vm; readonly index: number } | { readonly error: string; readonly missing: boolean };

function side(ctx: HandlerContext, name: string, index: string): Side {
  if (!/^-?[0-9]+$/.test(index) || index.startsWith('-')) return { error: `invalid interface number: \`${index}\``, missing: false };
  const vm = findVm(ctx.node.vmsIn(ctx.ns), name);
  if (!vm) return { error: `vm not found: ${name}`, missing: true };
  const i = Number(index);
  if (i >= vm.nets.length) return { error: `no such interface ${i} for ${name}`, missing: false };
  return { vm, index: i };
}

/** `tap mirror <vm> <index> <vm2> <index2>` (vm-target). */
const vmMirror: Handler = (ctx) => {
  const a = side(ctx, str(ctx, 'vm'), str(ctx, 'interface'));
  const b = side(ctx, str(ctx, 'vm2'), str(ctx, 'interface2'));
  if ('error' in a) throw new CommandError(a.missing && !('error' in b) ? `vms are not colocated or invalid vm name: ${str(ctx, 'vm')}` : a.error);
  if ('error' in b) throw new CommandError(b.missing ? `vms are not colocated or invalid vm name: ${str(ctx, 'vm2')}` : b.error);
  const na = a.vm.nets[a.index]!;
  const nb = b.vm.nets[b.index]!;
  if (na.bridge !== nb.bridge) throw new CommandError(`interfaces on different bridges: ${na.bridge} and ${nb.bridge}`);
  const err = mirror(ctx.node, ensureSpace31(ctx.node, ctx.ns), na.tap, nb.tap, na.bridge);
  if (err) throw new CommandError(err);
  return reply(ctx);
};

/** `clear tap mirror <vm> <index or all>` (vm-target). */
const clearVmMirror: Handler = (ctx) => {
  const { node } = ctx;
  const space = ensureSpace31(node, ctx.ns);
  const index = str(ctx, 'interface');
  if (index === 'all') {
    const vm = node.vmsIn(ctx.ns).find((v) => vmMatches(v, str(ctx, 'vm')));
    if (!vm) throw new CommandError(`vm not found: ${str(ctx, 'vm')}`);
    for (const n of vm.nets) {
      if (!space.mirrors.has(n.tap)) continue;
      const err = unmirror(node, space, n.tap);
      if (err) throw new CommandError(err);
    }
    return reply(ctx);
  }
  const s = side(ctx, str(ctx, 'vm'), index);
  if ('error' in s) throw new CommandError(s.error);
  const err = unmirror(node, space, s.vm.nets[s.index]!.tap);
  if (err) throw new CommandError(err);
  return reply(ctx);
};

export const mirrorHandlers31: Record<string, Handler> = {
  tap,
  'clear tap': clearTap,
  'tap mirror': vmMirror,
  'clear tap mirror': clearVmMirror,
};
