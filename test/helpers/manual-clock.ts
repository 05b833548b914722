/** A clock whose timers fire only when the test says so (mesh liveness tests). */
import type { Clock } from '../../interpreter/mesh/transport.js';

export function manualClock(): Clock & { fire(ms: number): void } {
  const timers = new Map<number, { f: () => void; ms: number }>();
  let id = 0;
  return {
    now: () => Date.now(),
    setTimeout: (f, ms) => (timers.set(++id, { f, ms }), id),
    clearTimeout: (h) => void timers.delete(h as number),
    /** Fires every pending timer that was set for `ms` milliseconds. */
    fire(ms) {
      for (const [k, t] of [...timers]) if (t.ms === ms) timers.delete(k), t.f();
    },
  };
}
