/**
 * JSON for comparing parse results with the oracles regardless of key
 * order: object keys sorted at every level. `omit` drops keys by name.
 */
export function canonicalJson(v: unknown, omit: readonly string[] = []): string {
  return JSON.stringify(v, (k, x: unknown) => {
    if (omit.includes(k)) return undefined;
    return x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.keys(x)
            .sort()
            .map((key) => [key, (x as Record<string, unknown>)[key]]),
        )
      : x;
  });
}
