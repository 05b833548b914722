/**
 * Gathering a batch's table (annotation, 5.5): with annotate on, a `host`
 * column comes first, holding each row's producer.
 */
import type { Batch } from '../responses.js';

/** The header line's cells: `host` first when annotating; none for a nil header. */
export function tableHeader(header: readonly string[] | null, annotate: boolean): string[] {
  const cells = header ?? [];
  return annotate ? ['host', ...cells] : [...cells];
}

/**
 * Rows of every response of the batch, in batch order. minicli includes
 * rows of error responses too (it does not filter them here). Rows are not
 * copied when not annotating; callers must not mutate them.
 */
export function tableRows(batch: Batch, annotate: boolean): (readonly string[])[] {
  const rows: (readonly string[])[] = [];
  for (const r of batch) {
    if (r.tabular === null) continue;
    if (!annotate) {
      for (const row of r.tabular) rows.push(row);
      continue;
    }
    for (const row of r.tabular) {
      const cells = new Array<string>(row.length + 1);
      cells[0] = r.host;
      for (let j = 0; j < row.length; j++) cells[j + 1] = row[j]!;
      rows.push(cells);
    }
  }
  return rows;
}
