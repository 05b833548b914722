/** `host`: facts about the node (broadcast: every namespace host answers). */
import os from 'node:os';
import { createTable } from '../contracts/responses.js';
import type { SimNode } from '../sim-node.js';
import { isMachineFact, machineFact } from '../machine-facts.js';
import { reply, type Handler } from './types.js';

const FIELDS = ['name', 'cpus', 'load', 'memused', 'memtotal', 'bandwidth', 'vms', 'vmsall', 'uptime'] as const;

/** One host field as 2.3 prints it; machine figures come from the machine mm runs on. */
function field(node: SimNode, f: (typeof FIELDS)[number], ns: string): string {
  if (isMachineFact(f)) return machineFact(f, ' MB');
  switch (f) {
    case 'name':
      return node.name;
    case 'bandwidth':
      return '0.0/0.0 (rx/tx MB/s)';
    case 'vms':
      return String(node.vmsIn(ns).length);
    case 'vmsall':
      return String(node.vms.size);
    case 'uptime':
      return `${os.uptime().toFixed(2)} s`;
  }
}

const host: Handler = (ctx) => {
  const chosen = FIELDS.find((f) => ctx.command.args.bool[f]);
  if (chosen) return reply(ctx, field(ctx.node, chosen, ctx.ns));
  return [[createTable(ctx.node.name, [...FIELDS], [FIELDS.map((f) => field(ctx.node, f, ctx.ns))])]];
};

export const hostHandlers: Record<string, Handler> = { host };
