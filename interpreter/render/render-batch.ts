/**
 * minicli 2.3's `Responses.String()`: the text printed for one batch.
 */
import type { Batch, Flags } from '../responses.js';
import { tableHeader, tableRows } from './annotate.js';
import { renderCompressed } from './compress.js';
import { renderCsv } from './csv.js';
import { renderJson } from './json.js';
import { sortRows } from './sort.js';
import { renderTextTable } from './table.js';
import { trimSpace } from './trim.js';
import { checkBatch } from './validate.js';

/**
 * The flags a batch renders with: the first response's private copy, or a
 * copy of the global flags attached to it now. The attachment is deliberate
 * (minicli mutates the batch at render time, spec 5.2 step 2).
 */
export function batchFlags(batch: Batch, globalFlags: Flags): Flags | undefined {
  const first = batch[0];
  if (first === undefined) return undefined;
  return (first.flags ??= { ...globalFlags });
}

/** Rows of all responses, annotated and (when sort is on) sorted. */
function renderTable(batch: Batch, header: readonly string[] | null, flags: Flags): string {
  const cells = tableHeader(header, flags.annotate);
  const rows = tableRows(batch, flags.annotate);
  if (flags.sort) sortRows(rows);
  return flags.mode === 'csv' ? renderCsv(cells, rows, flags.headers) : renderTextTable(cells, rows, flags.headers);
}

function renderSimple(batch: Batch, annotate: boolean): string {
  let out = '';
  for (const r of batch) {
    if (r.error !== '' || r.response === '') continue;
    if (annotate) out += r.host + ': ';
    out += r.response + '\n';
  }
  return out;
}

/**
 * Renders one batch exactly as minicli 2.3's `Responses.String()`: JSON in
 * json mode (untrimmed); otherwise a check failure text, a table (text or
 * CSV), compressed or simple text, trimmed with Go's `TrimSpace`. Errors are
 * not part of the result (see `renderErrors`). Attaches a copy of
 * `globalFlags` to `batch[0]` if it carries no flags.
 */
export function renderBatch(batch: Batch, globalFlags: Flags): string {
  const flags = batchFlags(batch, globalFlags);
  if (flags === undefined) return '';
  if (flags.mode === 'json') return renderJson(batch);
  const shape = checkBatch(batch);
  if (!shape.ok) return shape.text;
  let count = 0;
  for (const r of batch) count += r.tabular?.length ?? 0;
  let out: string;
  if (shape.tabular && count > 0) out = renderTable(batch, shape.header, flags);
  else if (flags.compress && batch.length > 1) out = renderCompressed(batch, flags.annotate);
  else out = renderSimple(batch, flags.annotate);
  return trimSpace(out);
}
