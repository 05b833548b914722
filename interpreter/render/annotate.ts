/**
 * Gathering a batch's table (annotation, 5.5): with annotate on, a `host`
 * column comes first, holding each row's producer.
 */
import type { Batch, Flags } from '../contracts/responses.js';
import { sortedOrder } from './sort.js';
import { createTableLines, type TableLines } from './table-lines.js';

/** The header line's cells: `host` first when annotating; none for a nil header. */
export function tableHeader(header: readonly string[] | null, annotate: boolean): string[] {
  const cells = header ?? [];
  return annotate ? ['host', ...cells] : [...cells];
}

/**
 * The lines of a batch's table as `flags` show it: the header line when
 * headers are on, then the rows of every response in batch order (minicli
 * includes rows of error responses too), led by their host when annotating
 * and sorted when sort is on. Rows are read in place, never copied.
 */
export function tableLines(batch: Batch, header: readonly string[] | null, flags: Flags): TableLines {
  const rows: (readonly string[])[] = [];
  const leads: string[] | null = flags.annotate ? [] : null;
  for (const r of batch) {
    if (r.tabular === null) continue;
    for (const row of r.tabular) {
      rows.push(row);
      leads?.push(r.host);
    }
  }
  return createTableLines({
    header: flags.headers ? tableHeader(header, flags.annotate) : null,
    rows,
    leads,
    order: flags.sort ? sortedOrder(rows, leads) : null,
  });
}
