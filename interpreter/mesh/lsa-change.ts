/**
 * Link-state changes (protocol 3): a node whose links change floods what was
 * added and removed since its previous announcement instead of its whole
 * neighbour list, so a change costs its own size on every link, not the
 * node's degree (a head linked to 1,000 nodes would otherwise send 1,000
 * names to each of them whenever one joins). A receiver applies a change to
 * the announcement it holds, which must be exactly the change's base, and
 * then checks the result as any announcement, signature included; a
 * receiver that does not hold the base asks the neighbour that sent it for
 * the whole announcement (`lsa-want`).
 */
import type { Lsa, LsaChangeMessage } from './mesh-protocol.js';

/** The change from `before` to `after`, announcements of one origin with sorted neighbours. */
export function lsaChange(before: Lsa, after: Lsa): LsaChangeMessage {
  const added: string[] = [];
  const removed: string[] = [];
  const a = before.neighbours;
  const b = after.neighbours;
  let i = 0;
  let j = 0;
  // One merge of the two sorted lists (the order `Array.prototype.sort` gives strings).
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) removed.push(a[i++]!);
    else if (i >= a.length || b[j]! < a[i]!) added.push(b[j++]!);
    else {
      i++;
      j++;
    }
  }
  return { type: 'lsa-change', origin: after.origin, instance: after.instance, base: before.seq, seq: after.seq, added, removed, sig: after.sig };
}

/**
 * The announcement `change` makes of `held` (its base: same origin, instance
 * and number), or undefined when it does not fit: another base, a removed
 * link `held` lacks, an added one it has, or a name given twice.
 */
export function applyLsaChange(held: Lsa, change: LsaChangeMessage): Lsa | undefined {
  if (held.origin !== change.origin || held.instance !== change.instance || held.seq !== change.base) return undefined;
  const links = new Set(held.neighbours);
  for (const n of change.removed) if (!links.delete(n)) return undefined;
  for (const n of change.added) {
    if (links.has(n)) return undefined;
    links.add(n);
  }
  return { origin: change.origin, instance: change.instance, seq: change.seq, neighbours: [...links].sort(), sig: change.sig };
}
