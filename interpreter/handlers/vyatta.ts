/**
 * `vyatta` and `clear vyatta` (deprecated in 2.3): a Vyatta router
 * configuration built step by step. The simulator keeps it and lists it;
 * `vyatta write` records the floppy image in the files directory without
 * writing it (docs/simulator.md).
 */
import { createTable } from '../contracts/responses.js';
import { createVyattaConfig, VYATTA_LISTS } from '../state/vyatta.js';
import { goList } from '../vm-config-state.js';
import { CommandError, bool, list, reply, str, type Handler } from './types.js';

/** The list key each section's items arrive under. */
const LIST_KEYS: Readonly<Record<(typeof VYATTA_LISTS)[number], string>> = {
  interfaces: 'net',
  interfaces6: 'net',
  rad: 'prefix',
  ospf: 'network',
  ospf3: 'network',
  routes: 'network',
};

const vyatta: Handler = (ctx) => {
  const { node } = ctx;
  const v = node.hardware.vyatta;
  const args = ctx.command.args.string;
  if (bool(ctx, 'dhcp')) {
    if (ctx.command.pattern.includes(' add ')) {
      const network = str(ctx, 'network');
      v.dhcp.set(network, { network, gateway: str(ctx, 'gateway'), low: str(ctx, 'low'), high: str(ctx, 'high'), dns: args.dns ?? '' });
      return reply(ctx);
    }
    if (ctx.command.pattern.includes(' delete ')) {
      if (!v.dhcp.delete(str(ctx, 'network'))) throw new CommandError(`no dhcp pool for network ${str(ctx, 'network')}`);
      return reply(ctx);
    }
    const rows = [...v.dhcp.values()].map((p) => [p.network, p.gateway, p.low, p.high, p.dns]);
    return [[createTable(node.name, ['network', 'gateway', 'low', 'high', 'dns'], rows)]];
  }
  const section = VYATTA_LISTS.find((s) => bool(ctx, s));
  if (section) {
    const items = list(ctx, LIST_KEYS[section]);
    if (items.length === 0) return reply(ctx, goList(v.lists.get(section) ?? []));
    v.lists.set(section, [...items]);
    return reply(ctx);
  }
  if (bool(ctx, 'config')) {
    if (args.filename === undefined) return reply(ctx, v.configFile);
    v.configFile = args.filename;
    return reply(ctx);
  }
  if (bool(ctx, 'write')) {
    const files = node.files;
    const path = args.filename !== undefined ? files.resolve(args.filename) : files.under(`vyatta_${node.hardware.next()}.img`);
    files.markMade(path);
    return reply(ctx, path);
  }
  const rows: string[][] = [];
  for (const p of v.dhcp.values()) rows.push(['dhcp', [p.network, p.gateway, p.low, p.high, p.dns].filter((x) => x !== '').join(' ')]);
  for (const s of VYATTA_LISTS) {
    const items = v.lists.get(s);
    if (items?.length) rows.push([s, goList(items)]);
  }
  if (v.configFile !== '') rows.push(['config', v.configFile]);
  return [[createTable(node.name, ['section', 'setting'], rows)]];
};

const clearVyatta: Handler = (ctx) => {
  ctx.node.hardware.vyatta = createVyattaConfig();
  return reply(ctx);
};

export const vyattaHandlers: Record<string, Handler> = {
  vyatta,
  'clear vyatta': clearVyatta,
};
