/**
 * The command reference's entries: each 2.3 command with what stands for it
 * in 3.1 (the same handler, changed ones, or nothing), then the commands
 * only 3.1 has, grouped by family. The pairing is the 3.1 catalog's own data
 * (`since23`, the removed handlers), so a command the same in both dialects
 * is listed once and the others side by side.
 */
import type { HandlerSpec, RemovedHandler } from './types.js';

/** One command of the reference. */
export interface ReferenceEntry {
  /** The 2.3 handler, absent for a command only 3.1 has. */
  readonly v23: HandlerSpec | undefined;
  /** The 3.1 handlers standing for it (none when 3.1 dropped it). */
  readonly v31: readonly HandlerSpec[];
  /** Whether both dialects have it unchanged (one 3.1 handler, nothing a user sees changed). */
  readonly same: boolean;
  /** What 3.1 says of the 2.3 handler it dropped. */
  readonly removed: RemovedHandler | undefined;
}

/** The entries by family (the handlers' group), 2.3's families first, in catalog order. */
export function referenceEntries(
  handlers23: readonly HandlerSpec[],
  handlers31: readonly HandlerSpec[],
  removed: readonly RemovedHandler[],
): Array<[string, ReferenceEntry[]]> {
  const ids23 = new Set(handlers23.map((h) => h.id));
  // The 2.3 handler a 3.1 handler stands for: the one it changed, or the same id when unchanged.
  const counterpart = (h: HandlerSpec): string | undefined => h.since23?.from ?? (h.since23 === undefined && ids23.has(h.id) ? h.id : undefined);
  const byFrom = new Map<string, HandlerSpec[]>();
  const only31: HandlerSpec[] = [];
  for (const h of handlers31) {
    const from = counterpart(h);
    if (from === undefined) only31.push(h);
    else {
      const list = byFrom.get(from);
      if (list) list.push(h);
      else byFrom.set(from, [h]);
    }
  }
  const families = new Map<string, ReferenceEntry[]>();
  const add = (group: string, e: ReferenceEntry): void => {
    const list = families.get(group);
    if (list) list.push(e);
    else families.set(group, [e]);
  };
  for (const h of handlers23) {
    const v31 = byFrom.get(h.id) ?? [];
    const same = v31.length === 1 && v31[0]!.since23 === undefined;
    add(h.group, { v23: h, v31, same, removed: removed.find((r) => r.id === h.id) });
  }
  for (const h of only31) add(h.group, { v23: undefined, v31: [h], same: false, removed: undefined });
  return [...families.entries()];
}
