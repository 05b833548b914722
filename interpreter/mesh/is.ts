/** Runtime type guards for decoding untrusted frames. */

/** A plain object (not null, not an array). */
export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function isString(x: unknown): x is string {
  return typeof x === 'string';
}

export function isBoolean(x: unknown): x is boolean {
  return typeof x === 'boolean';
}

/** A safe, non-negative integer. */
export function isCount(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}

export function isStringArray(x: unknown): x is string[] {
  return Array.isArray(x) && x.every(isString);
}

/** An array whose every element passes `guard`. */
export function isArrayOf<T>(x: unknown, guard: (y: unknown) => y is T): x is T[] {
  return Array.isArray(x) && x.every(guard);
}

/** `null` or a value passing `guard`. */
export function isNullOr<T>(x: unknown, guard: (y: unknown) => y is T): x is T | null {
  return x === null || guard(x);
}
