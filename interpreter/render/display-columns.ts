/**
 * A narrower display of wide tables, for an editor's output panel, where
 * `vm info`'s 35 columns wrap every row over several lines. minimega's text
 * is never changed: this makes a second, display-only copy of a batch whose
 * tables have more than DISPLAY_MAX_COLUMNS columns, keeping the columns a
 * reader looks at first, and says how many it left out.
 */
import type { Batch, Response } from '../contracts/responses.js';

/** Most columns a table of the display keeps (the `host` column annotation adds comes on top). */
export const DISPLAY_MAX_COLUMNS = 12;

/** The columns kept when a wide table has them (`vm info`'s of both dialects), in the table's order. */
const FIRST_LOOK = new Set(['id', 'name', 'state', 'namespace', 'type', 'vlan', 'ip', 'memory', 'vcpus', 'disk', 'tags']);

/** A batch narrowed for display, and the columns it leaves out. */
export interface NarrowedBatch {
  readonly batch: Batch;
  readonly left: readonly string[];
}

/** The display copy of a batch whose tables are wider than DISPLAY_MAX_COLUMNS, else undefined. */
export function narrowBatch(batch: Batch): NarrowedBatch | undefined {
  const wide = batch.find((r) => r.header !== null && r.header.length > DISPLAY_MAX_COLUMNS);
  if (!wide?.header) return undefined;
  const header = wide.header;
  const keep = keptColumns(header);
  const left = header.filter((_, i) => !keep.includes(i));
  return { batch: batch.map((r) => (r.header === null ? r : narrowResponse(r, keep))), left };
}

/** Indexes of the columns to keep: the first-look columns the table has, else its first ones. */
function keptColumns(header: readonly string[]): number[] {
  const known = header.flatMap((h, i) => (FIRST_LOOK.has(h) ? [i] : []));
  return known.length >= 3 ? known : header.slice(0, DISPLAY_MAX_COLUMNS).map((_, i) => i);
}

/** A response with only the kept columns (responses of one batch share their header). */
function narrowResponse(r: Response, keep: readonly number[]): Response {
  const pick = (cells: readonly string[]): string[] => keep.map((i) => cells[i] ?? '');
  return { ...r, header: pick(r.header!), tabular: r.tabular === null ? null : r.tabular.map(pick) };
}
