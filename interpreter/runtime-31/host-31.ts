/**
 * 3.1's `host` (runtime-3.1.md §7.2): the machine's figures plus what the
 * scheduler reads (§4.1): VMs of every namespace on this node, their vcpus,
 * memory and interfaces, and the tightest `coschedule` limit.
 */
import os from 'node:os';
import { createTable } from '../contracts/responses.js';
import type { SimNode } from '../sim-node.js';
import { isMachineFact, machineFact } from '../machine-facts.js';
import { reply, type Handler } from '../handlers/types.js';
import { findSpace31 } from './namespace-31.js';
import { value31 } from './config-31.js';

const FIELDS = ['cpus', 'load', 'memused', 'memtotal', 'rx', 'tx', 'vms', 'vmlimit', 'cpucommit', 'memcommit', 'netcommit', 'uptime'] as const;
type Field = (typeof FIELDS)[number];

/** The scheduler's counts over every VM on the node. */
export function commitments(node: SimNode): { vms: number; cpu: number; mem: number; net: number; limit: number } {
  let cpu = 0;
  let mem = 0;
  let net = 0;
  let limit = -1;
  for (const vm of node.vms.values()) {
    cpu += Number(vm.config.vcpus) || 0;
    mem += Number(vm.config.memory) || 0;
    net += vm.nets.length;
    const c = findSpace31(node, vm.namespace)?.vmConfigs.get(vm.id);
    const cos = c ? Number(value31(c, 'coschedule')) : -1;
    if (cos !== -1 && (limit === -1 || cos + 1 < limit)) limit = cos + 1;
  }
  return { vms: node.vms.size, cpu, mem, net, limit };
}

/** Go's Duration of whole and fractional seconds, e.g. `34m13.48s`. */
function goSeconds(total: number): string {
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = Number((total % 60).toFixed(2));
  return `${h > 0 ? `${h}h` : ''}${h > 0 || m > 0 ? `${m}m` : ''}${s}s`;
}

function field(node: SimNode, f: Field): string {
  if (isMachineFact(f)) return machineFact(f, '');
  const c = commitments(node);
  switch (f) {
    case 'rx':
    case 'tx':
      return '0.0';
    case 'vms':
      return String(c.vms);
    case 'vmlimit':
      return String(c.limit);
    case 'cpucommit':
      return String(c.cpu);
    case 'memcommit':
      return String(c.mem);
    case 'netcommit':
      return String(c.net);
    case 'uptime':
      return goSeconds(os.uptime());
  }
}

const host: Handler = (ctx) => {
  const chosen = FIELDS.find((f) => ctx.command.args.bool[f]);
  if (ctx.command.args.bool.name) return reply(ctx, ctx.node.name);
  if (chosen) return reply(ctx, field(ctx.node, chosen));
  return [[createTable(ctx.node.name, [...FIELDS], [FIELDS.map((f) => field(ctx.node, f))])]];
};

export const hostHandlers31: Record<string, Handler> = { host };
