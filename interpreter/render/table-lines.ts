/**
 * A table's lines as the renderers read them, one at a time: the header line
 * (when shown), then the rows in display order, each optionally led by a
 * host cell. Nothing is copied per row, so a 100,000-row table costs the
 * renderers an index array, not a second table.
 */

/** The lines of a table, read one at a time. */
export interface TableLines {
  /** Number of lines (the header line included when shown). */
  readonly count: number;
  /**
   * Cells of line `i`. The array may be reused by the next call: read it
   * before asking for another line, and never keep or change it.
   */
  line(i: number): readonly string[];
}

/** What a table is made of; see {@link createTableLines}. */
export interface TableParts {
  /** The header line's cells, or null when the header line is not shown. */
  readonly header: readonly string[] | null;
  readonly rows: readonly (readonly string[])[];
  /** A cell to put before each row (the annotation's host), or null. */
  readonly leads: readonly string[] | null;
  /** Display order as indices into `rows`, or null for `rows`' own order. */
  readonly order: readonly number[] | null;
}

class PartsLines implements TableLines {
  readonly count: number;
  /** Reused for led rows: one array for the whole table instead of one per row. */
  private scratch: string[] = [];

  constructor(private readonly parts: TableParts) {
    this.count = parts.rows.length + (parts.header === null ? 0 : 1);
  }

  line(i: number): readonly string[] {
    const { header, rows, leads, order } = this.parts;
    if (header !== null) {
      if (i === 0) return header;
      i--;
    }
    const k = order === null ? i : order[i]!;
    const row = rows[k]!;
    if (leads === null) return row;
    let out = this.scratch;
    if (out.length !== row.length + 1) out = this.scratch = new Array<string>(row.length + 1);
    out[0] = leads[k]!;
    for (let j = 0; j < row.length; j++) out[j + 1] = row[j]!;
    return out;
  }
}

/** Lines over a table's parts, read without copying rows. */
export function createTableLines(parts: TableParts): TableLines {
  return new PartsLines(parts);
}
