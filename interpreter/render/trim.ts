/**
 * Go's `strings.TrimSpace` for large outputs, whole or in chunks: scans only
 * the ends (a regex anchored at `$` would retry at every space run of a 30 MB
 * table).
 */
import { isGoSpace } from '../../language/index.js';

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

/**
 * `trimSpace` over text that comes in chunks: the chunks passed on, joined,
 * are the trimmed whole, and none is empty. Leading space is dropped; a run
 * of trailing space is held back until more text shows it was not trailing.
 */
export function* trimChunks(chunks: Iterable<string>): Generator<string, void, undefined> {
  let started = false;
  let held = '';
  for (const chunk of chunks) {
    let start = 0;
    let end = chunk.length;
    if (!started) {
      while (start < end && isSpaceAt(chunk, start)) start++;
      if (start === end) continue;
      started = true;
    }
    while (end > start && isSpaceAt(chunk, end - 1)) end--;
    if (end === start) {
      held += chunk;
      continue;
    }
    if (held !== '') {
      yield held;
      held = '';
    }
    yield start === 0 && end === chunk.length ? chunk : chunk.slice(start, end);
    if (end < chunk.length) held = chunk.slice(end);
  }
}
