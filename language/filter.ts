/** `.filter` expressions: `col=val`, `col!=val`, `col~sub`, `col!~sub`. */

/** A parsed filter; column and value are lower-cased as minicli does. */
export interface Filter {
  readonly column: string;
  readonly value: string;
  readonly negate: boolean;
  readonly substring: boolean;
}

const OPERATORS: readonly [string, boolean, boolean][] = [
  ['!~', true, true],
  ['~', false, true],
  ['!=', true, false],
  ['=', false, false],
];

/**
 * Parses a filter: the first separator (in the order `!~`, `~`, `!=`, `=`) that
 * splits the text into exactly two parts wins. Undefined means
 * `invalid filter, see help`.
 */
export function parseFilter(text: string): Filter | undefined {
  for (const [sep, negate, substring] of OPERATORS) {
    const parts = text.split(sep);
    if (parts.length === 2) {
      return { column: parts[0]!.toLowerCase(), value: parts[1]!.toLowerCase(), negate, substring };
    }
  }
  return undefined;
}

/** Whether `parseFilter` accepts `text` (without building the filter). */
export function isFilter(text: string): boolean {
  // split(sep) gives two parts exactly when sep occurs once.
  for (const [sep] of OPERATORS) {
    const i = text.indexOf(sep);
    if (i >= 0 && text.indexOf(sep, i + sep.length) < 0) return true;
  }
  return false;
}

/** Whether a cell passes the filter (case-insensitive; lists and objects match by substring). */
export function filterMatches(f: Filter, cell: string): boolean {
  const c = cell.toLowerCase();
  const implicit = (c.startsWith('[') && c.endsWith(']')) || (c.startsWith('{') && c.endsWith('}'));
  const hit = f.substring || implicit ? c.includes(f.value) : c === f.value;
  return f.negate ? !hit : hit;
}
