/**
 * minicli 2.3's `Responses.String()`: the text printed for one batch.
 */
import type { Batch, Flags } from '../contracts/responses.js';
import { tableLines } from './annotate.js';
import { collect } from './chunks.js';
import { renderCompressed } from './compress.js';
import { csvChunks } from './csv.js';
import { renderJson } from './json.js';
import { textTableChunks } from './table.js';
import { trimChunks, trimSpace } from './trim.js';
import { checkBatch } from './validate.js';
import { RENDER_23, type RenderStyle } from './style.js';
import type { TableLines } from './table-lines.js';

/**
 * The flags a batch renders with: the first response's private copy, or a
 * copy of the global flags attached to it now. The attachment is deliberate
 * (minicli attaches the global flags to the batch when it renders it).
 */
export function batchFlags(batch: Batch, globalFlags: Flags): Flags | undefined {
  const first = batch[0];
  if (first === undefined) return undefined;
  return (first.flags ??= { ...globalFlags });
}

/** Rows of all responses, annotated and (when sort is on) sorted, in chunks. */
function tableChunks(batch: Batch, header: readonly string[] | null, flags: Flags, style: RenderStyle): Iterable<string> {
  const lines = tableLines(batch, header, flags);
  return flags.mode === 'csv' ? csvChunks(lines) : textTableChunks(style.printfCells ? lines : literalCells(lines));
}

/** Cells 3.1 writes literally: a `%` is doubled so that the Printf step gives it back as is. */
function literalCells(lines: TableLines): TableLines {
  return {
    count: lines.count,
    line(i) {
      const cells = lines.line(i);
      return cells.some((c) => c.includes('%')) ? cells.map((c) => c.replaceAll('%', '%%')) : cells;
    },
  };
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

/** A text as chunks: itself, or none when empty. */
function whole(text: string): string[] {
  return text === '' ? [] : [text];
}

/**
 * One batch's text, exactly as minicli 2.3's `Responses.String()`, in chunks
 * (none empty; a big table never exists as one string): JSON in json mode
 * (untrimmed); otherwise a check failure text (untrimmed), a table (text or
 * CSV), compressed or simple text, trimmed with Go's `TrimSpace`. Errors are
 * not part of it (see `renderErrors`). Attaches a copy of `globalFlags` to
 * `batch[0]` if it carries no flags.
 */
export function batchChunks(batch: Batch, globalFlags: Flags, style: RenderStyle = RENDER_23): Iterable<string> {
  const flags = batchFlags(batch, globalFlags);
  if (flags === undefined) return [];
  if (flags.mode === 'json') return whole(renderJson(batch, style.jsonData));
  const shape = checkBatch(batch);
  if (!shape.ok) return whole(shape.text);
  let count = 0;
  for (const r of batch) count += r.tabular?.length ?? 0;
  if (shape.tabular && count > 0) return trimChunks(tableChunks(batch, shape.header, flags, style));
  // Small texts (most commands) are one chunk, without the generators.
  if (flags.compress && batch.length > 1) return whole(trimSpace(renderCompressed(batch, flags.annotate, style.hostList)));
  return whole(trimSpace(renderSimple(batch, flags.annotate)));
}

/** The text of one batch as one string: the {@link batchChunks} joined. */
export function renderBatch(batch: Batch, globalFlags: Flags, style: RenderStyle = RENDER_23): string {
  return collect(batchChunks(batch, globalFlags, style));
}
