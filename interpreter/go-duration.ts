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

const NS_PER_UNIT: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n,
  μs: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};
const MAX_DURATION = (1n << 63n) - 1n;

/** Go's `time.ParseDuration`: nanoseconds, or undefined where Go returns an error. */
export function parseGoDuration(s: string): bigint | undefined {
  let rest = s;
  let neg = false;
  if (rest[0] === '-' || rest[0] === '+') {
    neg = rest[0] === '-';
    rest = rest.slice(1);
  }
  if (rest === '0') return 0n;
  if (rest === '') return undefined;
  let total = 0n;
  const part = /^([0-9]*)(?:\.([0-9]*))?([^0-9.]+)/;
  while (rest !== '') {
    const m = part.exec(rest);
    if (!m || (m[1] === '' && (m[2] === undefined || m[2] === ''))) return undefined;
    const unit = NS_PER_UNIT[m[3]!];
    if (unit === undefined) return undefined;
    let v = BigInt(m[1] || '0') * unit;
    const frac = m[2] ?? '';
    if (frac !== '') v += (BigInt(frac) * unit) / 10n ** BigInt(frac.length);
    total += v;
    if (total > MAX_DURATION + (neg ? 1n : 0n)) return undefined;
    rest = rest.slice(m[0].length);
  }
  return neg ? -total : total;
}

/** Go's `time.Duration.String()` (`1.503s`, `2m3s`, `500ms`, `0s`). */
export function formatGoDuration(d: bigint): string {
  if (d === 0n) return '0s';
  const neg = d < 0n;
  const u = neg ? -d : d;
  const sign = neg ? '-' : '';
  if (u < 1_000n) return `${sign}${u}ns`;
  if (u < 1_000_000n) return `${sign}${withFraction(u, 3)}µs`;
  if (u < 1_000_000_000n) return `${sign}${withFraction(u, 6)}ms`;
  const secs = withFraction(u % 60_000_000_000n, 9);
  const mins = (u / 60_000_000_000n) % 60n;
  const hours = u / 3_600_000_000_000n;
  if (hours > 0n) return `${sign}${hours}h${mins}m${secs}s`;
  if (mins > 0n) return `${sign}${mins}m${secs}s`;
  return `${sign}${secs}s`;
}

/** `v / 10^digits` with the fraction's trailing zeros dropped. */
function withFraction(v: bigint, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const frac = String(v % scale)
    .padStart(digits, '0')
    .replace(/0+$/, '');
  return frac === '' ? String(v / scale) : `${v / scale}.${frac}`;
}
