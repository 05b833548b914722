/**
 * Fuzz inputs: lines built from the catalog's own patterns (so most reach
 * deep into matching, value checks and handlers), then mutated with the
 * characters minicli treats specially, odd numbers, Unicode and long words.
 * Deterministic for a seed, so a failure is reproduced by its seed and index.
 */
import { handlers } from '../../language/catalog/index.js';
import { mulberry32 } from '../../interpreter/random.js';

/** A seeded generator of numbers in [0, 1). */
export function createRandom(seed: number): () => number {
  const next = mulberry32(seed);
  return () => next() / 4294967296;
}

const NUMBERS = ['0', '1', '2', '3', '7', '10', '255', '4095', '4096', '100001', '-1', '2147483648', '99999999999999999999', '0x10', '1e3', '08'];
const WORDS = [
  'all',
  'foo',
  'web[1-3]',
  'a[1-2],b',
  'ns',
  'n1',
  'n2',
  'n3',
  'localhost',
  'x[3-1]',
  'y[1-1000000],z[1-1000000]',
  '"quoted word"',
  "'single'",
  '$HOME',
  '$UNSET',
  'file:foo',
  'http://x/y',
  'kvm',
  'container',
  'true',
  'false',
  '-',
  '.',
  '..',
  'files/f.mm',
  '../escape',
  '/tmp/mm-fuzz-abs',
  '',
];
const SPECIAL = ['[', ']', '(', ')', '"', "'", '\\', ',', '#', '=', '$', '*', '\t', '\r', '\u0000', '\u00e9', '\u{1f600}', '\ud800', '{', '}', ':', '|', ' '];
const PREFIXES = [
  '',
  '',
  '',
  '.annotate false ',
  '.columns name,state ',
  '.filter state=BUILDING ',
  'namespace ns ',
  '.csv true ',
  '.json true ',
  '.record false ',
  '.alias x=echo ',
];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/** One value for a pattern argument. */
function value(r: () => number): string {
  const x = r();
  if (x < 0.45) return pick(r, NUMBERS);
  if (x < 0.9) return pick(r, WORDS);
  return 'w'.repeat(1 + Math.floor(r() * (r() < 0.1 ? 70_000 : 40)));
}

/** A line that follows one of the catalog's patterns, with random values. */
function fromPattern(r: () => number, depth: number): string {
  const pattern = pick(r, pick(r, handlers).patterns);
  const out: string[] = [];
  for (const item of pattern.match(/\[[^\]]*\]|<[^>]*>|\([^)]*\)|\S+/g) ?? []) {
    if (item.startsWith('(')) {
      out.push(depth < 3 ? `(${line(r, depth + 1)})` : '(echo x)');
      continue;
    }
    const optional = item.startsWith('[');
    if (optional && r() < 0.5) continue;
    const inner = item.startsWith('[') || item.startsWith('<') ? item.slice(1, -1) : item;
    if (inner.endsWith('...')) {
      const n = Math.floor(r() * 4);
      for (let i = 0; i < n; i++) out.push(value(r));
    } else if (inner.includes(',')) {
      out.push(
        pick(
          r,
          inner.split(',').filter((c) => c !== ''),
        ),
      );
    } else if (item.startsWith('<') || item.startsWith('[')) {
      out.push(value(r));
    } else out.push(inner);
  }
  return out.join(' ');
}

/** Applies a few character-level mutations. */
function mutate(r: () => number, s: string): string {
  let t = s;
  const n = Math.floor(r() * 4);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(r() * (t.length + 1));
    const x = r();
    if (x < 0.4) t = t.slice(0, at) + pick(r, SPECIAL) + t.slice(at);
    else if (x < 0.6) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(r() * 5));
    else if (x < 0.8) t = t.slice(0, at) + t.slice(at, at + 8).repeat(2) + t.slice(at + 8);
    else t = t.slice(0, at) + pick(r, NUMBERS) + t.slice(at);
  }
  return t;
}

/** One fuzz line. */
export function line(r: () => number, depth = 0): string {
  const base = pick(r, PREFIXES) + fromPattern(r, depth);
  return r() < 0.6 ? mutate(r, base) : base;
}

/** A script of a few lines (for the parser, the checker and the language server). */
export function script(r: () => number): string {
  const n = 1 + Math.floor(r() * 12);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(r() < 0.05 ? '' : r() < 0.05 ? `# ${value(r)}` : line(r));
  return lines.join(r() < 0.1 ? '\r\n' : '\n') + (r() < 0.5 ? '\n' : '');
}
