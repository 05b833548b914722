/** The runtime rules of each dialect, for dispatch (dialect-runtime.ts). */
import type { DialectRuntime } from './dialect-runtime.js';
import { runtime23 } from './handlers/runtime-23.js';
import { runtime31 } from './runtime-31/runtime-31.js';
import type { RuntimeDialectName } from './runtime-dialects.js';
import type { SimNode } from './sim-node.js';

const RUNTIMES: Readonly<Record<RuntimeDialectName, DialectRuntime>> = { '2.3': runtime23, '3.1': runtime31 };

/** The runtime rules `node` follows. */
export function runtimeOf(node: SimNode): DialectRuntime {
  return RUNTIMES[node.dialect];
}

/** The runtime rules of a dialect. */
export function runtimeFor(dialect: RuntimeDialectName): DialectRuntime {
  return RUNTIMES[dialect];
}
