/**
 * minimega's `ranges` package: list/range expressions (`foo[1-3],bar`) and
 * host-list compression (`node[1-3]`), with 2.3's exact error strings.
 */
import { atoiError, goAtoi } from './text.js';

/** Result of expanding a list/range expression. */
export type SplitResult = { readonly ok: true; readonly values: string[] } | { readonly ok: false; readonly error: string };

/**
 * Expands a comma-separated list whose items may be `prefix[spec]` ranges.
 * Offsets in errors count UTF-8 bytes, as Go indexes strings.
 */
export function splitList(s: string): SplitResult {
  const res: string[] = [];
  let inBracket = false;
  let prev = 0;
  const bytes = utf8Offsets(s);
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '[') {
      if (inBracket) return { ok: false, error: `nested '[' at char ${bytes(i)}` };
      inBracket = true;
    } else if (c === ']') {
      if (!inBracket) return { ok: false, error: `unmatched ']' at char ${bytes(i)}` };
      inBracket = false;
    } else if (c === ',' && !inBracket) {
      const r = expandItem(s.slice(prev, i));
      if (!r.ok) return r;
      res.push(...r.values);
      prev = i + 1;
    }
  }
  if (inBracket) return { ok: false, error: "unterminated '['" };
  if (prev < s.length) {
    const r = expandItem(s.slice(prev));
    if (!r.ok) return r;
    res.push(...r.values);
  }
  return { ok: true, values: res };
}

function utf8Offsets(s: string): (i: number) => number {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return (i) => i;
  return (i) => new TextEncoder().encode(s.slice(0, i)).length;
}

function expandItem(item: string): SplitResult {
  const open = item.indexOf('[');
  if (open < 0) return { ok: true, values: [item] };
  const prefix = item.slice(0, open);
  const rest = item.slice(open + 1);
  if (!rest.endsWith(']')) return { ok: false, error: 'invalid range specification' };
  const spec = rest.slice(0, -1);
  const nums = new Set<bigint>();
  const texts: string[] = [];
  for (const part of spec.split(',')) {
    if (part.includes('-')) {
      const ends = part.split('-');
      if (ends.length !== 2) return { ok: false, error: `invalid subrange ${part}` };
      const a = goAtoi(ends[0]!);
      if (a === undefined) return { ok: false, error: atoiError(ends[0]!) };
      const b = goAtoi(ends[1]!);
      if (b === undefined) return { ok: false, error: atoiError(ends[1]!) };
      texts.push(ends[0]!, ends[1]!);
      for (let v = a; v <= b; v++) {
        nums.add(v);
        if (nums.size > 1_000_000) return { ok: false, error: `range too large: ${part}` };
      }
    } else {
      const v = goAtoi(part);
      if (v === undefined) return { ok: false, error: atoiError(part) };
      texts.push(part);
      nums.add(v);
    }
  }
  const width = texts.every((t) => t.length === texts[0]!.length) ? texts[0]!.length : 0;
  const sorted = [...nums].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  return {
    ok: true,
    values: sorted.map((v) => prefix + (width > 0 && v >= 0n ? v.toString().padStart(width, '0') : v.toString())),
  };
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
