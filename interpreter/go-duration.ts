/** Go's time.Duration String() for whole seconds (`30s`, `1m30s`, `-5s`). */
export function formatSeconds(total: number): string {
  if (total === 0) return '0s';
  const neg = total < 0;
  let s = Math.abs(total);
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const out = h > 0 ? `${h}h${m}m${s}s` : m > 0 ? `${m}m${s}s` : `${s}s`;
  return neg ? `-${out}` : out;
}

/** How 2.3 prints an unset mesh timeout (the largest Go duration). */
export const NO_TIMEOUT = '2562047h47m16.854775807s';
