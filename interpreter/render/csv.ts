/**
 * Go's `encoding/csv` writer as minicli uses it: comma separator, LF line
 * ends, and Go's own rule for which fields need quotes.
 */
import { isGoSpace } from '../../language/index.js';
import { ChunkBuffer } from './chunks.js';
import type { TableLines } from './table-lines.js';

const NEEDS_QUOTES = /[,"\r\n]/;

/** Go's `fieldNeedsQuotes`: specials anywhere, `\.`, or a leading Unicode space. */
function needsQuotes(field: string): boolean {
  if (field === '') return false;
  if (field === '\\.' || NEEDS_QUOTES.test(field)) return true;
  const c = field.charCodeAt(0);
  // Between SPACE and NEL nothing is a Go space; skip the general check.
  if (c > 0x20 && c < 0x85) return false;
  return isGoSpace(String.fromCodePoint(field.codePointAt(0)!));
}

function csvField(field: string): string {
  // CR and LF stay literal inside quotes (UseCRLF is off); only `"` doubles.
  return needsQuotes(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** One CSV record without its line end, as `csv.Writer.Write` writes it. */
export function csvRecord(fields: readonly string[]): string {
  let plain = true;
  for (const f of fields) {
    if (needsQuotes(f)) {
      plain = false;
      break;
    }
  }
  return plain ? fields.join(',') : fields.map(csvField).join(',');
}

/** A table as CSV (untrimmed) in chunks, every record ending with LF. */
export function* csvChunks(lines: TableLines): Generator<string, void, undefined> {
  const out = new ChunkBuffer();
  for (let i = 0; i < lines.count; i++) {
    out.push(csvRecord(lines.line(i)));
    out.push('\n');
    const chunk = out.full();
    if (chunk !== undefined) yield chunk;
  }
  const rest = out.take();
  if (rest !== undefined) yield rest;
}
