/**
 * Tables rendered whole from ready-made rows (already annotated and sorted),
 * through the renderers' chunked paths: the tests' view of one table.
 */
import { collect } from '../../interpreter/render/chunks.js';
import { csvChunks } from '../../interpreter/render/csv.js';
import { textTableChunks } from '../../interpreter/render/table.js';
import { createTableLines, type TableLines } from '../../interpreter/render/table-lines.js';

/** Lines of ready-made rows: the header line (when `headers` is on), then `rows`. */
export function arrayLines(header: readonly string[], rows: readonly (readonly string[])[], headers: boolean): TableLines {
  return createTableLines({ header: headers ? header : null, rows, leads: null, order: null });
}

/** A text table (header line only when `headers` is on), untrimmed. */
export function renderTextTable(header: readonly string[], rows: readonly (readonly string[])[], headers: boolean): string {
  return collect(textTableChunks(arrayLines(header, rows, headers)));
}

/** A table as CSV (header record only when `headers` is on), every record ending with LF, untrimmed. */
export function renderCsv(header: readonly string[], rows: readonly (readonly string[])[], headers: boolean): string {
  return collect(csvChunks(arrayLines(header, rows, headers)));
}
