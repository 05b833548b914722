/**
 * `args` (runtime-3.1.md §7.5): a one-row table of the daemon's flags and
 * their values. A simulated node has no command line, so it shows the flags
 * whose meaning it simulates, with the values it runs with (docs/simulator.md).
 */
import { createTable } from '../contracts/responses.js';
import type { Handler } from '../handlers/types.js';
import type { SimNode } from '../sim-node.js';

/** The flags, in Go's flag order (sorted by name), and how a node reads each one. */
const FLAGS: ReadonlyArray<readonly [string, (node: SimNode) => string]> = [
  ['base', () => '/tmp/minimega'],
  ['context', () => 'minimega'],
  ['degree', () => '0'],
  ['filepath', (node) => node.files.path],
  ['level', () => 'warn'],
  ['msa', () => '10s'],
  ['port', (node) => String(node.mesh.port())],
];

const args: Handler = (ctx) => [
  [
    createTable(
      ctx.node.name,
      FLAGS.map(([name]) => name),
      [FLAGS.map(([, value]) => value(ctx.node))],
    ),
  ],
];

export const argsHandlers31: Record<string, Handler> = { args };
