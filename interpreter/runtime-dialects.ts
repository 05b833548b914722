/**
 * What the node runtime does differently per dialect, as data: one entry per
 * dialect, so no code asks which dialect it runs. Today that is the command
 * ordering; the 3.1 runtime adds its pieces here.
 */
import type { CommandOrdering } from './ordering/command-ordering.js';
import { createCommandLock } from './ordering/command-lock.js';
import { createSendQueue } from './ordering/send-queue.js';
import { RENDER_23, RENDER_31, type RenderStyle } from './render/index.js';

/** The dialects a node can run. */
export type RuntimeDialectName = '2.3' | '3.1';

export interface RuntimeDialect {
  readonly name: RuntimeDialectName;
  /** A new node's command ordering. */
  createOrdering(): CommandOrdering;
  /** The active namespace a node starts in ("": none). */
  readonly defaultNamespace: string;
  /** How the node's responses render. */
  readonly render: RenderStyle;
  /** Bridges a node has from the start (3.1 makes `mega_bridge` when it starts). */
  readonly startBridges: readonly string[];
}

/** The default dialect. */
export const DEFAULT_RUNTIME_DIALECT: RuntimeDialectName = '2.3';

export const RUNTIME_DIALECTS: Readonly<Record<RuntimeDialectName, RuntimeDialect>> = {
  // A node-wide lock; a command waiting on the mesh parks (docs/mesh.md, "No deadlocks").
  '2.3': { name: '2.3', createOrdering: createCommandLock, defaultNamespace: '', render: RENDER_23, startBridges: [] },
  // No node-wide lock; outgoing sends one at a time.
  '3.1': { name: '3.1', createOrdering: createSendQueue, defaultNamespace: 'minimega', render: RENDER_31, startBridges: ['mega_bridge'] },
};
