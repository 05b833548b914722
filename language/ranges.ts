/**
 * minimega's `ranges` package: list/range expressions (`foo[1-3],bar`) and
 * host-list compression (`node[1-3]`), with 2.3's exact error strings.
 */
import { atoiError, goAtoi } from './text.js';
import { MAX_LIST_NAMES, MAX_RANGE } from './limits.js';

/** Result of expanding a list/range expression. */
export type SplitResult = { readonly ok: true; readonly values: string[] } | { readonly ok: false; readonly error: string };

/**
 * Expands a comma-separated list whose items may be `prefix[spec]` ranges.
 * Offsets in errors count UTF-8 bytes, as Go indexes strings.
 */
export function splitList(s: string): SplitResult {
  // Counted first, so a list over the limit is refused without building a name.
  const bound = walkList(s, null);
  if (typeof bound === 'string') return { ok: false, error: bound };
  const values: string[] = [];
  const r = walkList(s, values);
  return typeof r === 'string' ? { ok: false, error: r } : { ok: true, values };
}

/** The error `splitList` gives for `s`, or undefined; cheaper, as it builds no names. */
export function listError(s: string): string | undefined {
  const r = walkList(s, null);
  return typeof r === 'string' ? r : undefined;
}

/**
 * The error `splitList` gives for `s`, else a bound on the number of names
 * it gives (a number written twice in one bracket may count twice), which is
 * 0 exactly when it gives none. Builds no names.
 */
export function listCount(s: string): number | string {
  return walkList(s, null);
}

/** Expands `s` into `out` (when given); returns the count of names (see listCount) or the first error. */
function walkList(s: string, out: string[] | null): number | string {
  let inBracket = false;
  let prev = 0;
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5b /* [ */) {
      if (inBracket) return `nested '[' at char ${byteOffset(s, i)}`;
      inBracket = true;
    } else if (c === 0x5d /* ] */) {
      if (!inBracket) return `unmatched ']' at char ${byteOffset(s, i)}`;
      inBracket = false;
    } else if (c === 0x2c /* , */ && !inBracket) {
      const r = expandItem(s.slice(prev, i), out);
      if (typeof r === 'string') return r;
      count += r;
      // Each range is capped on its own; so is the whole list, before it grows further.
      if (count > MAX_LIST_NAMES) return tooMany();
      prev = i + 1;
    }
  }
  if (inBracket) return "unterminated '['";
  if (prev < s.length) {
    const r = expandItem(prev === 0 ? s : s.slice(prev), out);
    if (typeof r === 'string') return r;
    count += r;
    if (count > MAX_LIST_NAMES) return tooMany();
  }
  return count;
}

function tooMany(): string {
  return `too many names in one list (the limit is ${MAX_LIST_NAMES})`;
}

/** The UTF-8 length of `s` up to UTF-16 offset `i`. */
function byteOffset(s: string, i: number): number {
  // eslint-disable-next-line no-control-regex
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII is \x00-\x7f, control characters included
  return /^[\x00-\x7f]*$/.test(s) ? i : new TextEncoder().encode(s.slice(0, i)).length;
}

/** Appends the names of one item to `out` (when given); returns their count (see listCount) or the error. */
function expandItem(item: string, out: string[] | null): number | string {
  const open = item.indexOf('[');
  if (open < 0) {
    out?.push(item);
    return 1;
  }
  if (item.length < open + 2 || item.charCodeAt(item.length - 1) !== 0x5d /* ] */) return 'invalid range specification';
  const prefix = item.slice(0, open);
  const parts = item.slice(open + 1, -1).split(',');
  const small = expandSmall(prefix, parts, out);
  return small === NOT_SMALL ? expandBig(prefix, parts, out) : small;
}

/** `expandSmall`'s answer for one range spec and no output. */
function countOne(part: string): number | string | typeof NOT_SMALL {
  const dash = part.indexOf('-');
  const a = dash < 0 ? part : part.slice(0, dash);
  const b = dash < 0 ? part : part.slice(dash + 1);
  if (!SMALL_UINT.test(a) || !SMALL_UINT.test(b)) return NOT_SMALL;
  const count = Math.max(0, Number(b) - Number(a) + 1);
  return count <= MAX_RANGE ? count : `range too large: ${part}`;
}
/** Numbers short enough to be exact as doubles (Go's Atoi accepts them all). */
const SMALL_UINT = /^[0-9]{1,15}$/;
const NOT_SMALL = Symbol('not small');

/**
 * The common case of expandBig, with doubles instead of BigInts: every number
 * unsigned and short. Returns NOT_SMALL for anything else (signs, errors, big
 * numbers), which expandBig then handles from the start.
 */
function expandSmall(prefix: string, parts: readonly string[], out: string[] | null): number | string | typeof NOT_SMALL {
  // Counting one range (`web[1-8]`, the usual item) needs no arrays.
  if (!out && parts.length === 1) return countOne(parts[0]!);
  const lo = new Array<number>(parts.length);
  const hi = new Array<number>(parts.length);
  let width = -1;
  let count = 0;
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    const dash = part.indexOf('-');
    const a = dash < 0 ? part : part.slice(0, dash);
    const b = dash < 0 ? part : part.slice(dash + 1);
    if (!SMALL_UINT.test(a) || !SMALL_UINT.test(b)) return NOT_SMALL;
    // All ends as wide as the first: the names are zero-padded to that width.
    if (width === -1) width = a.length;
    if (a.length !== width || b.length !== width) width = 0;
    lo[k] = Number(a);
    hi[k] = Number(b);
    count += Math.max(0, hi[k]! - lo[k]! + 1);
  }
  // Distinct numbers are at most `count`: no need to collect them to know the range is small.
  if (!out && count <= MAX_RANGE) return count;
  if (parts.length === 1) {
    // One range: already in order, without duplicates.
    if (count > MAX_RANGE) return `range too large: ${parts[0]}`;
    for (let v = lo[0]!; v <= hi[0]!; v++) out!.push(prefix + pad(v, width));
    return count;
  }
  const nums = new Set<number>();
  for (let k = 0; k < parts.length; k++) {
    for (let v = lo[k]!; v <= hi[k]!; v++) {
      nums.add(v);
      if (nums.size > MAX_RANGE) return `range too large: ${parts[k]}`;
    }
  }
  if (out) for (const v of [...nums].sort((x, y) => x - y)) out.push(prefix + pad(v, width));
  return nums.size;
}

function pad(v: number, width: number): string {
  return width > 0 ? String(v).padStart(width, '0') : String(v);
}

/** Go's algorithm over int64 values, for what expandSmall leaves. */
function expandBig(prefix: string, parts: readonly string[], out: string[] | null): number | string {
  const nums = new Set<bigint>();
  const texts: string[] = [];
  for (const part of parts) {
    if (part.includes('-')) {
      const ends = part.split('-');
      if (ends.length !== 2) return `invalid subrange ${part}`;
      const a = goAtoi(ends[0]!);
      if (a === undefined) return atoiError(ends[0]!);
      const b = goAtoi(ends[1]!);
      if (b === undefined) return atoiError(ends[1]!);
      texts.push(ends[0]!, ends[1]!);
      for (let v = a; v <= b; v++) {
        nums.add(v);
        if (nums.size > MAX_RANGE) return `range too large: ${part}`;
      }
    } else {
      const v = goAtoi(part);
      if (v === undefined) return atoiError(part);
      texts.push(part);
      nums.add(v);
    }
  }
  if (!out) return nums.size;
  const width = texts.every((t) => t.length === texts[0]!.length) ? texts[0]!.length : 0;
  const sorted = [...nums].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  for (const v of sorted) out.push(prefix + (width > 0 && v >= 0n ? v.toString().padStart(width, '0') : v.toString()));
  return nums.size;
}

/**
 * Compresses host names into range notation (`ranges.UnsplitList`):
 * `node1,node2,node3,foo` becomes `foo,node[1-3]`.
 */
export function unsplitList(names: readonly string[]): string {
  const prefixes = alphaPrefixes(names);
  const groups = new Map<string, string[]>();
  for (const n of names) {
    let best = '';
    for (const p of prefixes) if (n.startsWith(p) && p.length > best.length) best = p;
    const g = groups.get(best);
    if (g) g.push(n);
    else groups.set(best, [n]);
  }
  const out: string[] = [];
  for (const [prefix, members] of groups) {
    const nums: bigint[] = [];
    let numeric = true;
    for (const m of members) {
      const v = goAtoi(m.slice(prefix.length));
      if (v === undefined) {
        numeric = false;
        break;
      }
      nums.push(v);
    }
    if (!numeric) {
      out.push(...members);
      continue;
    }
    nums.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    const runs: string[] = [];
    for (let i = 0; i < nums.length; ) {
      let j = i;
      while (j + 1 < nums.length && nums[j + 1]! === nums[j]! + 1n) j++;
      runs.push(j > i ? `${nums[i]}-${nums[j]}` : `${nums[i]}`);
      i = j + 1;
    }
    out.push(`${prefix}[${runs.join(',')}]`);
  }
  return out.sort(compareBytes).join(',');
}

const LETTER = /\p{L}/u;

/** The letter-only prefixes at which a name ends or a non-letter follows. */
function alphaPrefixes(names: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const n of names) {
    let p = '';
    const cps = Array.from(n);
    for (let i = 0; i <= cps.length; i++) {
      const c = cps[i];
      if (c === undefined || !LETTER.test(c)) {
        out.add(p);
        break;
      }
      p += c;
    }
  }
  return out;
}

/** Byte-order (code point order) string comparison, as Go's `<` on strings. */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}
