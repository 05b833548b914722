/** `vm config` (every parameter), save/restore/clone, `clear vm config` forms. */
import { atoiError, goAtoi, netspecMacError, parseNetspec } from '../../language/index.js';
import { cloneConfig, createDefaultConfig, dumpConfig, goList, tagsJson, type NetConfig, type VmConfig } from '../vm-config-state.js';
import { overrideListing, qemuArgv } from '../qemu-argv.js';
import { findVm } from '../targets.js';
import { VlanError } from '../vlan-table.js';
import type { SimNode } from '../sim-node.js';
import { CommandError, bool, list, reply, str, type Handler, type HandlerContext } from './types.js';
import { broadcastAlias } from './vlans.js';
import type { Batch } from '../contracts/responses.js';

/** How a network list prints: `[mega_bridge,A (102) br,100,mac]`. */
export function printNets(node: SimNode, nets: readonly NetConfig[], ns: string): string {
  return goList(nets.map((n) => [n.bridge, node.vlans.print(n.vlan, ns), ...(n.mac ? [n.mac] : [])].join(',')));
}

const orEmpty = (items: readonly string[]): string => (items.length ? goList(items) : '');

function intField(text: string): number {
  const v = goAtoi(text);
  if (v === undefined) throw new CommandError(atoiError(text));
  return Number(v);
}

interface Field {
  /** The argument key holding the value(s). */
  readonly key: string;
  readonly list?: boolean;
  readonly get: (c: VmConfig, ctx: HandlerContext) => string;
  readonly set: (c: VmConfig, values: readonly string[], ctx: HandlerContext) => void;
}

const stringField = (k: keyof VmConfig, key: string): Field => ({
  key,
  get: (c) => String(c[k]),
  set: (c, [v]) => {
    (c as unknown as Record<string, unknown>)[k] = v!;
  },
});

const fields: Record<string, Field> = {
  memory: stringField('memory', 'memory'),
  vcpus: stringField('vcpus', 'number'),
  cpu: stringField('cpu', 'cpu'),
  // An empty list prints `[]` (observed 5.8), unlike disk and qemu-append.
  net: { key: 'netspec', list: true, get: (c, ctx) => printNets(ctx.node, c.net, ctx.ns), set: setNets },
  append: { key: 'arg', list: true, get: (c) => c.append, set: (c, v) => void (c.append = v.join(' ')) },
  qemu: stringField('qemu', 'path'),
  'qemu-append': { key: 'argument', list: true, get: (c) => orEmpty(c.qemuAppend), set: (c, v) => void (c.qemuAppend = [...v]) },
  migrate: {
    key: 'path',
    get: (c) => c.migrate,
    set: (c, [v], ctx) => void (c.migrate = ctx.node.files.resolve(v!)),
  },
  disk: { key: 'path', list: true, get: (c) => orEmpty(c.disk), set: (c, v) => void (c.disk = [...v]) },
  cdrom: stringField('cdrom', 'path'),
  kernel: stringField('kernel', 'path'),
  initrd: stringField('initrd', 'path'),
  uuid: stringField('uuid', 'uuid'),
  serial: { key: 'number', get: (c) => String(c.serial), set: (c, [v]) => void (c.serial = intField(v!)) },
  'virtio-serial': { key: 'number', get: (c) => String(c.virtioSerial), set: (c, [v]) => void (c.virtioSerial = intField(v!)) },
  hostname: stringField('hostname', 'hostname'),
  init: { key: 'init', list: true, get: (c) => orEmpty(c.init), set: (c, v) => void (c.init = [...v]) },
  preinit: stringField('preinit', 'preinit'),
  filesystem: stringField('filesystem', 'filesystem'),
  fifo: { key: 'number', get: (c) => String(c.fifo), set: (c, [v]) => void (c.fifo = intField(v!)) },
};

function setNets(c: VmConfig, specs: readonly string[], ctx: HandlerContext): void {
  const { node } = ctx;
  // 2.3 empties the list first, so a bad spec leaves the earlier ones in place.
  c.net = [];
  for (const s of specs) {
    const r = parseNetspec(s);
    if (!r.ok) throw new CommandError(r.error);
    let vlan: number;
    try {
      vlan = node.vlans.resolve(r.spec.vlan, ctx.ns, (key, v) => broadcastAlias(ctx, r.spec.vlan, key, v));
    } catch (e) {
      if (e instanceof VlanError) throw new CommandError(e.message);
      throw e;
    }
    const macErr = netspecMacError(r.spec);
    if (macErr) throw new CommandError(macErr);
    c.net.push({ vlan, bridge: r.spec.bridge, mac: r.spec.mac.toLowerCase(), driver: r.spec.driver });
  }
}

function fieldHandler(name: string): Handler {
  const f = fields[name]!;
  return (ctx) => {
    const c = ctx.node.vmConfig;
    const values = f.list ? list(ctx, f.key) : ctx.command.args.string[f.key] !== undefined ? [str(ctx, f.key)] : [];
    if (values.length === 0) return reply(ctx, f.get(c, ctx));
    f.set(c, values, ctx);
    return reply(ctx);
  };
}

const snapshot: Handler = (ctx) => {
  if (bool(ctx, 'true')) ctx.node.vmConfig.snapshot = true;
  else if (bool(ctx, 'false')) ctx.node.vmConfig.snapshot = false;
  else return reply(ctx, String(ctx.node.vmConfig.snapshot));
  return reply(ctx);
};

const tag: Handler = (ctx) => {
  const tags = ctx.node.vmConfig.tags;
  const key = ctx.command.args.string.key;
  const value = ctx.command.args.string.value;
  if (value !== undefined) {
    tags.set(key!, value);
    return reply(ctx);
  }
  if (key === undefined) return reply(ctx, tagsJson(tags));
  return reply(ctx, tags.get(key) ?? '');
};

const qemuOverride: Handler = (ctx) => {
  const { node } = ctx;
  if (ctx.command.pattern.includes(' add ')) {
    // An empty match makes 2.3 exit (a fatal log); the simulator refuses it.
    if (str(ctx, 'match') === '') throw new CommandError('qemu-override: the match cannot be empty');
    node.qemuOverrides.push({ id: node.nextOverrideId++, match: str(ctx, 'match'), replacement: str(ctx, 'replacement') });
    return reply(ctx);
  }
  if (ctx.command.pattern.includes(' delete ')) {
    const id = str(ctx, 'id');
    if (id === 'all') node.qemuOverrides = [];
    else {
      const n = goAtoi(id);
      if (n === undefined) throw new CommandError(`invalid id ${id}`);
      node.qemuOverrides = node.qemuOverrides.filter((o) => BigInt(o.id) !== n);
    }
    return reply(ctx);
  }
  // The command line of the current config as if for VM 0, with an empty
  // instance directory, no taps yet and only the configured MACs.
  const c = node.vmConfig;
  const argv = qemuArgv(c, {
    id: 0,
    dir: '',
    taps: c.net.map(() => ''),
    macs: c.net.map((n) => n.mac),
    hugepages: node.hardware.optimize.hugepages,
  });
  return reply(ctx, overrideListing(argv, node.qemuOverrides));
};

/**
 * `vm config restore [name]`: without a name the saved names, sorted; with
 * one, `use` gets a copy of that saved config. Each dialect keeps its own
 * store and config type.
 */
export function restoreConfig<C>(ctx: HandlerContext, saved: ReadonlyMap<string, C>, clone: (c: C) => C, use: (c: C) => void): Batch[] {
  const name = ctx.command.args.string.name;
  if (name === undefined) {
    if (saved.size === 0) throw new CommandError('no vm configs saved');
    return reply(ctx, [...saved.keys()].sort().join('\n'));
  }
  const config = saved.get(name);
  if (!config) throw new CommandError(`config ${name} does not exist`);
  use(clone(config));
  return reply(ctx);
}

/** `vm config`, save, restore, clone. */
const vmConfig: Handler = (ctx) => {
  const { node } = ctx;
  const name = str(ctx, 'name');
  if (bool(ctx, 'save')) {
    node.savedConfigs.set(name, cloneConfig(node.vmConfig));
    return reply(ctx);
  }
  if (bool(ctx, 'restore')) {
    return restoreConfig(ctx, node.savedConfigs, cloneConfig, (c) => {
      node.vmConfig = c;
    });
  }
  if (bool(ctx, 'clone')) {
    const vm = findVm(node.vmsIn(ctx.ns), str(ctx, 'vm'));
    if (!vm) throw new CommandError(`vm not found: ${str(ctx, 'vm')}`);
    // 2.3 copies the whole config, UUID and namespace included.
    const c = cloneConfig(vm.config);
    c.uuid = vm.uuid;
    c.tags = new Map(vm.tags);
    node.vmConfig = c;
    return reply(ctx);
  }
  return reply(
    ctx,
    dumpConfig(node.vmConfig, (nets) => printNets(node, nets, ctx.ns)),
  );
};

const CLEARABLE: Record<string, (c: VmConfig, d: VmConfig) => void> = {
  cpu: (c, d) => void (c.cpu = d.cpu),
  memory: (c, d) => void (c.memory = d.memory),
  net: (c) => void (c.net = []),
  vcpus: (c, d) => void (c.vcpus = d.vcpus),
  append: (c) => void (c.append = ''),
  cdrom: (c) => void (c.cdrom = ''),
  migrate: (c) => void (c.migrate = ''),
  disk: (c) => void (c.disk = []),
  initrd: (c) => void (c.initrd = ''),
  kernel: (c) => void (c.kernel = ''),
  qemu: (c) => void (c.qemu = ''),
  'qemu-append': (c) => void (c.qemuAppend = []),
  snapshot: (c) => void (c.snapshot = true),
  uuid: (c) => void (c.uuid = ''),
  serial: (c) => void (c.serial = 0),
  'virtio-serial': (c) => void (c.virtioSerial = 0),
  hostname: (c) => void (c.hostname = ''),
  filesystem: (c) => void (c.filesystem = ''),
  init: (c, d) => void (c.init = d.init),
  preinit: (c) => void (c.preinit = ''),
};

const clearVmConfig: Handler = (ctx) => {
  const { node } = ctx;
  const field = Object.keys(ctx.command.args.bool)[0];
  if (field === undefined) {
    node.vmConfig = createDefaultConfig();
    node.qemuOverrides = [];
    return reply(ctx);
  }
  if (field === 'qemu-override') {
    node.qemuOverrides = [];
    return reply(ctx);
  }
  const clear = CLEARABLE[field];
  if (!clear) throw new CommandError('no callback defined for clear');
  clear(node.vmConfig, createDefaultConfig());
  return reply(ctx);
};

const clearVmConfigTag: Handler = (ctx) => {
  const key = str(ctx, 'key');
  if (key === '' || key === 'all') ctx.node.vmConfig.tags.clear();
  else ctx.node.vmConfig.tags.delete(key);
  return reply(ctx);
};

export const vmConfigHandlers: Record<string, Handler> = {
  'vm config': vmConfig,
  'vm config snapshot': snapshot,
  'vm config tag': tag,
  'vm config qemu-override': qemuOverride,
  'clear vm config': clearVmConfig,
  'clear vm config tag': clearVmConfigTag,
  ...Object.fromEntries(Object.keys(fields).map((f) => [`vm config ${f}`, fieldHandler(f)])),
};
