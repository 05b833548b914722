/**
 * minicli's row order (`byRow`): column by column, numerically when both cells
 * are Go integers, otherwise by byte (code point) order.
 */
import { compareBytes, goAtoi } from '../../language/index.js';

/** Digits beyond which a decimal may not be exact as a JS number. */
const SAFE_DIGITS = 15;

/**
 * Go's `strconv.Atoi` (64-bit): optional sign, ASCII digits, int64 range.
 * Returns a number for short inputs (the common case, and cheap to compare)
 * and a bigint for long ones; JS compares the two kinds correctly.
 */
export function parseGoInt(s: string): number | bigint | undefined {
  const n = s.length;
  if (n === 0) return undefined;
  let i = 0;
  const first = s.charCodeAt(0);
  if (first === 0x2b || first === 0x2d) i = 1;
  if (i === n) return undefined;
  for (let j = i; j < n; j++) {
    const c = s.charCodeAt(j);
    if (c < 0x30 || c > 0x39) return undefined;
  }
  if (n - i <= SAFE_DIGITS) return Number(s);
  return goAtoi(s);
}

/**
 * Compares two different cells as minicli 2.3 does: numerically when both
 * are Go integers (equal values compare 0), otherwise by code point.
 */
export function compareCells(x: string, y: string): number {
  const xi = parseGoInt(x);
  if (xi !== undefined) {
    const yi = parseGoInt(y);
    if (yi !== undefined) return xi < yi ? -1 : xi > yi ? 1 : 0;
  }
  return compareBytes(x, y);
}

/**
 * Compares two rows as minicli 2.3 sorts them. At the first differing column
 * the result is decided there, even when both cells are equal integers
 * (`02` vs `2` compare equal and later columns are not consulted).
 */
export function compareRows(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) {
    const x = a[k]!;
    const y = b[k]!;
    if (x !== y) return compareCells(x, y);
  }
  return 0;
}

/**
 * The sorted order of `rows` as indices, each row led by `leads[i]` when
 * `leads` is given (the annotation's host column). Sorting indices leaves the
 * rows where they are: no annotated copies. Go's sort is unstable; a stable
 * sort is the documented choice for ties and for the comparator's
 * non-transitive corner cases (spec Appendix B.1).
 */
export function sortedOrder(rows: readonly (readonly string[])[], leads: readonly string[] | null): number[] {
  const order = new Array<number>(rows.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  if (leads === null) return order.sort((i, j) => compareRows(rows[i]!, rows[j]!));
  return order.sort((i, j) => {
    const x = leads[i]!;
    const y = leads[j]!;
    return x !== y ? compareCells(x, y) : compareRows(rows[i]!, rows[j]!);
  });
}
