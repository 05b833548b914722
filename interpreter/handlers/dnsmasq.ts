/**
 * `dnsmasq` and `dnsmasq configure`: DHCP and DNS servers for the VMs. The
 * simulator starts no process: it records each server with a node-unique id
 * and a generated process id, and the leases, host records and options
 * configured on it (docs/simulator.md).
 */
import { isIP } from 'node:net';
import { atoiError, goAtoi, isMac } from '../../language/index.js';
import { BASE_DIR } from '../files-dir.js';
import { createTable } from '../contracts/responses.js';
import type { DnsmasqServer } from '../state/dnsmasq.js';
import { CommandError, bool, reply, str, type Handler, type HandlerContext } from './types.js';

/** First process id handed to simulated servers. */
const FIRST_PID = 4000;

function checkIp(ip: string): void {
  if (isIP(ip) !== 4) throw new CommandError(`invalid IPv4 address: ${ip}`);
}

/** The servers an id (or `all`) names; an unknown id fails. */
function servers(ctx: HandlerContext, key: string): DnsmasqServer[] {
  const table = ctx.node.hardware.dnsmasq.servers;
  const id = str(ctx, key);
  if (id === 'all') return [...table.values()];
  const n = goAtoi(id);
  if (n === undefined) throw new CommandError(atoiError(id));
  const s = table.get(Number(n));
  if (!s) throw new CommandError(`no dnsmasq server with id ${id}`);
  return [s];
}

const dnsmasq: Handler = (ctx) => {
  const { node } = ctx;
  const table = node.hardware.dnsmasq;
  const args = ctx.command.args.string;
  if (ctx.command.pattern.startsWith('dnsmasq kill')) {
    for (const s of servers(ctx, 'id')) table.servers.delete(s.id);
    return reply(ctx);
  }
  if (ctx.command.pattern.startsWith('dnsmasq start')) {
    const ranged = args.listen !== undefined;
    if (ranged) for (const k of ['listen', 'low', 'high']) checkIp(str(ctx, k));
    const id = table.nextId++;
    table.servers.set(id, {
      id,
      listen: args.listen ?? '',
      low: args.low ?? '',
      high: args.high ?? '',
      path: `${BASE_DIR}/dnsmasq_${id}`,
      config: args.config ?? '',
      pid: FIRST_PID + node.hardware.next(),
      leases: new Map(),
      hosts: new Map(),
      options: [],
    });
    return reply(ctx);
  }
  const rows = [...table.servers.values()].map((s) => [String(s.id), s.listen, s.low, s.high, s.path, String(s.pid)]);
  return [[createTable(node.name, ['ID', 'Listening Address', 'Min', 'Max', 'Path', 'PID'], rows)]];
};

const configure: Handler = (ctx) => {
  const list = servers(ctx, 'ID');
  const args = ctx.command.args.string;
  const table = (header: string[], rows: string[][]): ReturnType<Handler> => [[createTable(ctx.node.name, header, rows)]];
  if (bool(ctx, 'ip')) {
    if (args.mac === undefined)
      return table(
        ['ID', 'MAC', 'IP'],
        list.flatMap((s) => [...s.leases].map(([m, ip]) => [String(s.id), m, ip])),
      );
    if (!isMac(args.mac)) throw new CommandError(`invalid MAC address: ${args.mac}`);
    checkIp(str(ctx, 'ip'));
    for (const s of list) s.leases.set(args.mac.toLowerCase(), str(ctx, 'ip'));
    return reply(ctx);
  }
  if (bool(ctx, 'dns')) {
    if (args.ip === undefined) {
      return table(
        ['ID', 'IP', 'Hostname'],
        list.flatMap((s) => [...s.hosts].flatMap(([ip, names]) => names.map((h) => [String(s.id), ip, h]))),
      );
    }
    if (isIP(args.ip) === 0) throw new CommandError(`invalid IP address: ${args.ip}`);
    for (const s of list) {
      const names = s.hosts.get(args.ip) ?? [];
      if (!names.includes(str(ctx, 'hostname'))) names.push(str(ctx, 'hostname'));
      s.hosts.set(args.ip, names);
    }
    return reply(ctx);
  }
  if (args.optionstring === undefined)
    return table(
      ['ID', 'Option'],
      list.flatMap((s) => s.options.map((o) => [String(s.id), o])),
    );
  for (const s of list) s.options.push(args.optionstring);
  return reply(ctx);
};

export const dnsmasqHandlers: Record<string, Handler> = {
  dnsmasq,
  'dnsmasq configure': configure,
};
