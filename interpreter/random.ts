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

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/** A random lowercase version-4 UUID. */
export function randomUuid(next: () => number): string {
  const a = next();
  const b = next();
  const c = next();
  const d = next();
  return [
    hex(a, 8),
    hex(b >>> 16, 4),
    hex(((b & 0x0fff) | 0x4000) >>> 0, 4),
    hex(((c >>> 16) & 0x3fff) | 0x8000, 4),
    hex(c & 0xffff, 4) + hex(d, 8),
  ].join('-');
}

/** A random MAC under QEMU's vendor prefix 52:54:00, lower case. */
export function randomMac(next: () => number): string {
  const r = next();
  return `52:54:00:${hex((r >>> 16) & 0xff, 2)}:${hex((r >>> 8) & 0xff, 2)}:${hex(r & 0xff, 2)}`;
}
