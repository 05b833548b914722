/**
 * minicli's text tables (`printTabular`): each cell goes through Go's Printf
 * quirk, columns are separated by `\t| ` and aligned by a tabwriter with
 * minwidth 5, tabwidth 0, padding 1 and space padding.
 */
import { ChunkBuffer } from './chunks.js';
import { goSprintfNoArgs } from './printf.js';
import type { TableLines } from './table-lines.js';
import { Tabwriter, runeCount } from './tabwriter.js';

const MIN_WIDTH = 5;
const PADDING = 1;
const TABLE_OPTIONS = { minwidth: MIN_WIDTH, tabwidth: 0, padding: PADDING, padchar: ' ' } as const;

/** A cell needing more than `length`: a verb, a tabwriter terminator, or a surrogate pair. */
const SPECIAL = /[%\t\n\v\f\uD800-\uDBFF]/;
const TERMINATOR = /[\t\n\v\f]/;

const PAD_BARS: string[] = [];
/** `n` spaces then the next column's `| ` (what follows every cell but the last). */
function padBar(n: number): string {
  return n < 64 ? (PAD_BARS[n] ??= ' '.repeat(n) + '| ') : ' '.repeat(n) + '| ';
}

/** Go's tabwriter fed through `Fprintf`: the general path, any cell content. */
function renderGeneric(lines: TableLines): string {
  const tw = new Tabwriter(TABLE_OPTIONS);
  for (let i = 0; i < lines.count; i++) {
    tw.writeLine(lines.line(i).map((c, j) => (j === 0 ? '' : '| ') + goSprintfNoArgs(c)));
  }
  return tw.flush();
}

/**
 * A line whose widths are not its cells' lengths (`| ` aside): a cell held a
 * verb (then `texts` is the line after Printf) or a surrogate pair.
 */
interface SpecialLine {
  readonly texts: readonly string[] | null;
  readonly widths: Int32Array;
}

/** What the first pass over a uniform table finds. */
interface UniformLayout {
  readonly n: number;
  readonly colWidths: readonly number[];
  /** The rare special lines, by line index; the others are their cells' lengths. */
  readonly special: ReadonlyMap<number, SpecialLine>;
}

/**
 * The common case: every line has n ≥ 1 cells and no cell holds a
 * terminator, so each column is one tabwriter block and
 * `w_j = max(5, max(len(cell_j) + 1))` with `| ` counted from column 1 on.
 * This first pass finds the column widths, remembering only special lines.
 * Returns undefined when the general path is needed.
 */
function measureUniform(lines: TableLines): UniformLayout | undefined {
  if (lines.count === 0) return undefined;
  const n = lines.line(0).length;
  if (n === 0) return undefined;
  const colWidths = new Array<number>(n).fill(MIN_WIDTH);
  const special = new Map<number, SpecialLine>();
  // The last plain cell seen in each column: most columns repeat a few shared
  // strings, and comparing with the last one is cheaper than the regex.
  const lastPlain = new Array<string>(n).fill('');
  for (let i = 0; i < lines.count; i++) {
    const row = lines.line(i);
    if (row.length !== n) return undefined;
    let copy: string[] | undefined;
    let widths: Int32Array | undefined;
    for (let j = 0; j < n; j++) {
      let s = row[j]!;
      let w = s.length;
      if (s !== lastPlain[j]) {
        if (!SPECIAL.test(s)) lastPlain[j] = s;
        else {
          if (s.includes('%')) {
            s = goSprintfNoArgs(s);
            copy ??= row.slice();
            copy[j] = s;
          }
          if (TERMINATOR.test(s)) return undefined;
          w = runeCount(s);
          if (widths === undefined) {
            // Cells before this one were plain: their widths are their lengths.
            widths = new Int32Array(n);
            for (let k = 0; k < j; k++) widths[k] = row[k]!.length + (k > 0 ? 2 : 0);
          }
        }
      }
      if (j > 0) w += 2;
      if (widths !== undefined) widths[j] = w;
      if (j < n - 1 && w + PADDING > colWidths[j]!) colWidths[j] = w + PADDING;
    }
    if (widths !== undefined) special.set(i, { texts: copy ?? null, widths });
  }
  return { n, colWidths, special };
}

/** The second pass: the lines, padded to the column widths, a chunk at a time. */
function* uniformChunks(lines: TableLines, layout: UniformLayout): Generator<string, void, undefined> {
  const { n, colWidths, special } = layout;
  const out = new ChunkBuffer();
  const lastCell = new Array<string | undefined>(n).fill(undefined);
  const lastPadded = new Array<string>(n).fill('');
  for (let i = 0; i < lines.count; i++) {
    const sp = special.size === 0 ? undefined : special.get(i);
    const row = sp?.texts ?? lines.line(i);
    for (let j = 0; j < n - 1; j++) {
      const cell = row[j]!;
      // Most columns repeat a few shared strings: a cell like the one above
      // is padded like it, and goes out as one piece instead of two.
      if (sp === undefined && cell === lastCell[j]) {
        out.push(lastPadded[j]!);
        continue;
      }
      const w = sp !== undefined ? sp.widths[j]! : cell.length + (j > 0 ? 2 : 0);
      const padded = cell + padBar(colWidths[j]! - w);
      if (sp === undefined) {
        lastCell[j] = cell;
        lastPadded[j] = padded;
      }
      out.push(padded);
    }
    out.push(row[n - 1]!);
    out.push('\n');
    const chunk = out.full();
    if (chunk !== undefined) yield chunk;
  }
  const rest = out.take();
  if (rest !== undefined) yield rest;
}

/**
 * A text table (untrimmed) in chunks: the lines as they come, already
 * annotated and sorted, each ending with LF. Column widths need every line
 * first (Go's tabwriter), so lines are read twice rather than kept.
 */
export function* textTableChunks(lines: TableLines): Generator<string, void, undefined> {
  const layout = measureUniform(lines);
  if (layout !== undefined) yield* uniformChunks(lines, layout);
  else yield renderGeneric(lines);
}
