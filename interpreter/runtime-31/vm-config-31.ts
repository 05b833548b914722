/**
 * 3.1's `vm config` (runtime-3.1.md §5.6-5.10): one handler per catalog
 * field (`vmConfigParams31` says its type and check), the dump, save,
 * restore and clone, and `clear vm config`, all on the command's namespace.
 */
import { vmConfigParams31, goQuote, type VmConfigParamSpec } from '../../language/index.js';
import { VlanError } from '../vlan-table.js';
import { CommandError, bool, reply, type Handler, type HandlerContext } from '../handlers/types.js';
import { parseBondspec31 } from './bondspec-31.js';
import { cloneConfig31, createConfig31, dumpConfig31, goList31, netsText, resetField31, type Config31, type Net31 } from './config-31.js';
import { compileOwn } from './namespace-handlers-31.js';
import { ensureSpace31, type Namespace31 } from './namespace-31.js';
import { QEMU_CPUS, QEMU_MACHINES, parseDiskspec31, parseNetspec31 } from './netspec-31.js';
import { restoreConfig } from '../handlers/vm-config.js';
import { vmMatches } from '../targets.js';

const UINT64_MAX = 2n ** 64n - 1n;
const INT64_MAX = 2n ** 63n - 1n;

function parseUint(v: string): string {
  if (!/^[0-9]+$/.test(v)) throw new CommandError(`strconv.ParseUint: parsing ${goQuote(v)}: invalid syntax`);
  const n = BigInt(v);
  if (n > UINT64_MAX) throw new CommandError(`strconv.ParseUint: parsing ${goQuote(v)}: value out of range`);
  return n.toString();
}

function parseInt64(v: string): string {
  if (!/^[+-]?[0-9]+$/.test(v)) throw new CommandError(`strconv.ParseInt: parsing ${goQuote(v)}: invalid syntax`);
  const n = BigInt(v);
  if (n > INT64_MAX || n < -INT64_MAX - 1n) throw new CommandError(`strconv.ParseInt: parsing ${goQuote(v)}: value out of range`);
  return n.toString();
}

/** Checks and normalises a single value by the field's check. */
function checked(ctx: HandlerContext, space: Namespace31, p: VmConfigParamSpec, v: string): string {
  const c = space.config;
  switch (p.check) {
    case 'uint':
      return parseUint(v);
    case 'int':
      return parseInt64(v);
    case 'path':
      return v === '' ? '' : ctx.node.files.resolve(v);
    case 'cpu':
      if (!QEMU_CPUS.has(v)) throw new CommandError(`invalid QEMU CPU: \`${v}\`, see help`);
      return v;
    case 'machine':
      if (!QEMU_MACHINES.has(v)) throw new CommandError(`invalid QEMU machine: \`${v}\`, see help`);
      return v;
    case 'schedule': {
      if (c.values.get('colocate') !== '') throw new CommandError('cannot specify schedule and colocate in the same config');
      const host = v === 'localhost' ? ctx.node.name : v;
      if (!space.hosts.has(host)) throw new CommandError(`host is not in namespace: ${v}`);
      return v;
    }
    case 'colocate':
      if (c.values.get('schedule') !== '') throw new CommandError('cannot specify colocate and schedule in the same config');
      return v;
    default:
      return v;
  }
}

/** Tells every mesh peer about a new alias (§6.6), without waiting. */
function broadcastAlias31(ctx: HandlerContext, typed: string, vlan: number): void {
  const { node } = ctx;
  const peers = node.mesh.peers();
  if (peers.length === 0) return;
  const command = compileOwn(node, `namespace ${ctx.ns} vlans add ${goQuote(typed)} ${vlan}`);
  void node.send(peers, { command, source: ctx.ns, record: false }).catch(() => undefined);
}

/** Resolves a VLAN argument in the command's namespace (§6.2). */
export function resolveVlan31(ctx: HandlerContext, text: string): number {
  if (text === '') throw new CommandError('VLAN must be non-empty string');
  try {
    return ctx.node.vlans.resolve(text, ctx.ns, (_key, vlan) => broadcastAlias31(ctx, text, vlan));
  } catch (e) {
    if (e instanceof VlanError) throw new CommandError(e.message);
    throw e;
  }
}

function setNets(ctx: HandlerContext, c: Config31, specs: readonly string[]): void {
  // Any bad spec leaves the list empty (§5.8).
  c.nets = [];
  const nets: Net31[] = [];
  for (const s of specs) {
    const p = parseNetspec31(s);
    if (!p) throw new CommandError('malformed netspec');
    const vlan = resolveVlan31(ctx, p.vlan);
    nets.push({ vlanText: p.vlan, vlan, bridge: p.bridge, mac: p.mac, driver: p.driver, qinq: p.qinq });
  }
  c.nets = nets;
}

function setDisks(ctx: HandlerContext, c: Config31, specs: readonly string[]): void {
  c.disks = [];
  const seen = new Set<string>();
  const disks: string[] = [];
  for (const s of specs) {
    const d = parseDiskspec31(s);
    if (!d) throw new CommandError('malformed diskspec');
    const path = ctx.node.files.resolve(d.path);
    if (seen.has(path)) throw new CommandError(`disk conflict: ${path}`);
    seen.add(path);
    disks.push(path + d.rest);
  }
  c.disks = disks;
}

function setBonds(c: Config31, specs: readonly string[]): void {
  c.bonds = [];
  for (const s of specs) parseBondspec31(s);
  c.bonds = [...specs];
}

/** The values given to a field handler: its list argument, else its `value`. */
function given(ctx: HandlerContext): string[] | undefined {
  const lists = Object.values(ctx.command.args.list);
  if (lists.length > 0) return lists[0]!.length > 0 ? [...lists[0]!] : undefined;
  const v = ctx.command.args.string.value;
  return v === undefined ? undefined : [v];
}

function fieldHandler(p: VmConfigParamSpec): Handler {
  return (ctx) => {
    const space = ensureSpace31(ctx.node, ctx.ns);
    const c = space.config;
    const values = given(ctx);
    switch (p.type) {
      case 'bool':
        if (bool(ctx, 'true') || bool(ctx, 'false')) {
          c.values.set(p.name, bool(ctx, 'true') ? 'true' : 'false');
          return reply(ctx);
        }
        return reply(ctx, c.values.get(p.name) ?? '');
      case 'strings': {
        if (!values) {
          const items = c.lists.get(p.name) ?? [];
          return reply(ctx, items.length ? goList31(items) : '');
        }
        c.lists.set(p.name, values);
        return reply(ctx);
      }
      case 'map': {
        const m = c.maps.get(p.name)!;
        const k = ctx.command.args.string.key;
        const v = ctx.command.args.string.value;
        if (k === undefined)
          return reply(
            ctx,
            [...m.keys()]
              .sort()
              .map((x) => `${x} -> ${m.get(x)}`)
              .join('\n'),
          );
        // `vm config tags <key>` looks the empty key up (§5.6).
        if (v === undefined) return reply(ctx, m.get('') ?? '');
        m.set(k, p.check === 'path' ? ctx.node.files.resolve(v) : v);
        return reply(ctx);
      }
      case 'networks':
        if (!values) return reply(ctx, netsText(c));
        setNets(ctx, c, values);
        return reply(ctx);
      case 'disks':
        if (!values) return reply(ctx, goList31(c.disks));
        setDisks(ctx, c, values);
        return reply(ctx);
      case 'bonds':
        if (!values) return reply(ctx, goList31(c.bonds));
        setBonds(c, values);
        return reply(ctx);
      case 'overrides':
        return overrides(ctx, c);
      default:
        if (!values) return reply(ctx, c.values.get(p.name) ?? '');
        c.values.set(p.name, checked(ctx, space, p, values[0]!));
        return reply(ctx);
    }
  };
}

/** `vm config qemu-override [<match> <replacement>]`: adds one or lists them (no QEMU argv: the simulator runs no QEMU). */
function overrides(ctx: HandlerContext, c: Config31): ReturnType<Handler> {
  const match = ctx.command.args.string.match;
  if (match !== undefined) {
    c.overrides.push({ match, replacement: ctx.command.args.string.replacement ?? '' });
    return reply(ctx);
  }
  return reply(ctx, ['id\tmatch\treplacement', ...c.overrides.map((o, i) => `${i}\t${o.match}\t${o.replacement}`)].join('\n'));
}

const vmConfig: Handler = (ctx) => {
  const { node } = ctx;
  const space = ensureSpace31(node, ctx.ns);
  const name = ctx.command.args.string.name;
  if (bool(ctx, 'save')) {
    space.saved.set(name!, cloneConfig31(space.config));
    return reply(ctx);
  }
  if (bool(ctx, 'restore')) {
    return restoreConfig(ctx, space.saved, cloneConfig31, (c) => {
      space.config = c;
    });
  }
  if (bool(ctx, 'clone')) {
    const target = ctx.command.args.string.vm ?? '';
    const vm = node.vmsIn(ctx.ns).find((v) => vmMatches(v, target));
    if (!vm) throw new CommandError(`vm not found: ${target}`);
    const c = cloneConfig31(space.vmConfigs.get(vm.id) ?? createConfig31());
    c.values.set('uuid', '');
    space.config = c;
    return reply(ctx);
  }
  return reply(ctx, dumpConfig31(space.config));
};

const clearVmConfig: Handler = (ctx) => {
  const space = ensureSpace31(ctx.node, ctx.ns);
  const field = Object.keys(ctx.command.args.bool)[0];
  if (field === undefined) {
    space.config = createConfig31();
    return reply(ctx);
  }
  resetField31(space.config, field === 'migrate' ? 'state' : field);
  return reply(ctx);
};

const clearVmConfigTag: Handler = (ctx) => {
  const tags = ensureSpace31(ctx.node, ctx.ns).config.maps.get('tags')!;
  const k = ctx.command.args.string.key ?? '';
  if (k === 'all') tags.clear();
  else tags.delete(k);
  return reply(ctx);
};

export const vmConfigHandlers31: Record<string, Handler> = {
  'vm config': vmConfig,
  'clear vm config': clearVmConfig,
  'clear vm config tag': clearVmConfigTag,
  ...Object.fromEntries(vmConfigParams31.map((p) => [p.handler, fieldHandler(p)])),
};
