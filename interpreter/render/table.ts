/**
 * minicli's text tables (`printTabular`): each cell goes through Go's Printf
 * quirk, columns are separated by `\t| ` and aligned by a tabwriter with
 * minwidth 5, tabwidth 0, padding 1 and space padding.
 */
import { goSprintfNoArgs } from './printf.js';
import { Tabwriter, runeCount } from './tabwriter.js';

const MIN_WIDTH = 5;
const PADDING = 1;
const TABLE_OPTIONS = { minwidth: MIN_WIDTH, tabwidth: 0, padding: PADDING, padchar: ' ' } as const;

/** A cell needing more than `length`: a verb, a tabwriter terminator, or a surrogate pair. */
const SPECIAL = /[%\t\n\v\f\uD800-\uDBFF]/;
const TERMINATOR = /[\t\n\v\f]/;

const PAD_BARS: string[] = [];
/** `n` spaces then the next column's `| `. */
function padBar(n: number): string {
  return n < 64 ? (PAD_BARS[n] ??= ' '.repeat(n) + '| ') : ' '.repeat(n) + '| ';
}

/** Go's tabwriter fed through `Fprintf`: the general path, any cell content. */
function renderGeneric(lines: readonly (readonly string[])[]): string {
  const tw = new Tabwriter(TABLE_OPTIONS);
  for (const line of lines) {
    tw.writeLine(line.map((c, j) => (j === 0 ? '' : '| ') + goSprintfNoArgs(c)));
  }
  return tw.flush();
}

/**
 * The common case: every line has n ≥ 1 cells and no cell holds a
 * terminator, so each column is one tabwriter block and
 * `w_j = max(5, max(len(cell_j) + 1))` with `| ` counted from column 1 on.
 * Returns undefined when the general path is needed.
 */
function renderUniform(lines: readonly (readonly string[])[]): string | undefined {
  const n = lines[0]?.length ?? 0;
  if (n === 0) return undefined;
  const texts: (readonly string[])[] = new Array(lines.length);
  const widths = new Int32Array(lines.length * n);
  const colWidths = new Array<number>(n).fill(MIN_WIDTH);
  for (let i = 0; i < lines.length; i++) {
    let row = lines[i]!;
    if (row.length !== n) return undefined;
    let copy: string[] | undefined;
    for (let j = 0; j < n; j++) {
      let s = row[j]!;
      let w = s.length;
      if (SPECIAL.test(s)) {
        if (s.includes('%')) {
          s = goSprintfNoArgs(s);
          copy ??= row.slice();
          copy[j] = s;
        }
        if (TERMINATOR.test(s)) return undefined;
        w = runeCount(s);
      }
      if (j > 0) w += 2;
      widths[i * n + j] = w;
      if (j < n - 1 && w + PADDING > colWidths[j]!) colWidths[j] = w + PADDING;
    }
    texts[i] = copy ?? row;
  }
  // Each line joined from pieces (one copy, no cons-string chains), lines
  // joined once at the end.
  const out = new Array<string>(texts.length + 1);
  const pieces = new Array<string>(2 * n - 1);
  for (let i = 0; i < texts.length; i++) {
    const row = texts[i]!;
    pieces[0] = row[0]!;
    for (let j = 1; j < n; j++) {
      pieces[2 * j - 1] = padBar(colWidths[j - 1]! - widths[i * n + j - 1]!);
      pieces[2 * j] = row[j]!;
    }
    out[i] = pieces.join('');
  }
  out[texts.length] = '';
  return out.join('\n');
}

/**
 * Renders a text table (header line only when `headers` is on), untrimmed.
 * `header` and `rows` are already annotated and sorted.
 */
export function renderTextTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  headers: boolean,
): string {
  const lines = headers ? [header, ...rows] : rows;
  return renderUniform(lines) ?? renderGeneric(lines);
}
