/**
 * Go's `strings.TrimSpace` for large outputs: scans only the ends (a regex
 * anchored at `$` would retry at every space run of a 30 MB table).
 */
import { isGoSpace } from '../../language/text.js';

function isSpaceAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  // Fast answers for ASCII; every Go space is a BMP code point.
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return isGoSpace(s[i]!);
}

/** Same result as `goTrimSpace`, in time proportional to what is trimmed. */
export function trimSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isSpaceAt(s, start)) start++;
  while (end > start && isSpaceAt(s, end - 1)) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}
