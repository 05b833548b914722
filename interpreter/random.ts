/**
 * Deterministic generators seeded per node (decision 13): the same script
 * on the same node name gives the same UUIDs and MACs.
 */

/** A small seeded PRNG (mulberry32 over an FNV-1a hash of the seed) returning 32-bit unsigned integers. */
export function createRandom(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return mulberry32(h);
}

/** Shuffles `a` in place (Fisher-Yates), the same order for the same seed. */
export function shuffle<T>(a: T[], seed: string): void {
  const next = createRandom(seed);
  for (let i = a.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
}

/** mulberry32: seeded 32-bit unsigned integers (tests and benchmarks use it for reproducible data). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

const HEX_DIGITS = '0123456789abcdef';
/** The character code of the hex digit of `n`'s low 4 bits. */
const hx = (n: number): number => HEX_DIGITS.charCodeAt(n & 15);
const DASH = 0x2d;
const COLON = 0x3a;

// Both build one flat string from character codes: five times faster than
// joining `toString(16)` pieces, which a 100,000-VM launch feels.

/** A random lowercase version-4 UUID. */
export function randomUuid(next: () => number): string {
  const a = next();
  const b = next();
  const c = next();
  const d = next();
  return String.fromCharCode(
    hx(a >>> 28),
    hx(a >>> 24),
    hx(a >>> 20),
    hx(a >>> 16),
    hx(a >>> 12),
    hx(a >>> 8),
    hx(a >>> 4),
    hx(a),
    DASH,
    hx(b >>> 28),
    hx(b >>> 24),
    hx(b >>> 20),
    hx(b >>> 16),
    DASH,
    // Version 4, then the low 12 bits of b.
    0x34,
    hx(b >>> 8),
    hx(b >>> 4),
    hx(b),
    DASH,
    // Variant 10xx, then 14 bits of c.
    hx(((c >>> 28) & 3) | 8),
    hx(c >>> 24),
    hx(c >>> 20),
    hx(c >>> 16),
    DASH,
    hx(c >>> 12),
    hx(c >>> 8),
    hx(c >>> 4),
    hx(c),
    hx(d >>> 28),
    hx(d >>> 24),
    hx(d >>> 20),
    hx(d >>> 16),
    hx(d >>> 12),
    hx(d >>> 8),
    hx(d >>> 4),
    hx(d),
  );
}

/** A random MAC under QEMU's vendor prefix 52:54:00, lower case. */
export function randomMac(next: () => number): string {
  const r = next();
  return String.fromCharCode(
    0x35,
    0x32,
    COLON,
    0x35,
    0x34,
    COLON,
    0x30,
    0x30,
    COLON,
    hx(r >>> 20),
    hx(r >>> 16),
    COLON,
    hx(r >>> 12),
    hx(r >>> 8),
    COLON,
    hx(r >>> 4),
    hx(r),
  );
}
