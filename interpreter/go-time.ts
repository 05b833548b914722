/** Go's default time format, `2006-01-02 15:04:05.999999999 -0700 MST`, in UTC (decision 8). */
export function formatGoTime(d: Date): string {
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  const ms = d.getUTCMilliseconds();
  const frac = ms === 0 ? '' : '.' + p(ms, 3).replace(/0+$/, '');
  return (
    `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}${frac} +0000 UTC`
  );
}
