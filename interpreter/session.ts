/**
 * Running text on a node, one line at a time, as minimega's front ends do:
 * compile with the node's aliases and record flag, then dispatch.
 */
import { compileCached } from '../language/compile-cached.js';
import type { Batch } from './contracts/responses.js';
import type { SimNode } from './sim-node.js';
import { execute } from './dispatch.js';
import { mentionsRead } from './handlers/read.js';

/** What became of one input line. */
export type LineOutcome =
  | { readonly kind: 'empty' | 'comment'; readonly batches: readonly Batch[] }
  | { readonly kind: 'compileError'; readonly error: string; readonly batches: readonly Batch[] }
  | { readonly kind: 'command'; readonly batches: readonly Batch[] };

/** Compiles and runs one line on the node. Never throws for bad input. */
export async function runLine(node: SimNode, text: string): Promise<LineOutcome> {
  const r = compileCached(text, node.aliases);
  switch (r.kind) {
    case 'empty':
      return { kind: 'empty', batches: [] };
    case 'comment':
      return { kind: 'comment', batches: [] };
    case 'lexError':
    case 'noMatch':
      return { kind: 'compileError', error: r.error, batches: [] };
    case 'command': {
      // minimega switches recording off for a whole command tree that
      // contains `read` at any level (minicli.md 7.1); the lines read run and
      // are recorded on their own.
      const record = node.flags.record && !mentionsRead(r.command);
      const batches = await execute(node, r.command, { record, compiledRecord: record, source: '' });
      return { kind: 'command', batches };
    }
  }
}
