/**
 * What hover says about a command in the other dialects, from the 3.1
 * catalog's `since23` data: on a 3.1 command, what changed since 2.3; on a
 * 2.3 command, what became of it in 3.1. Worked out once per dialect.
 */
import { dialects, type Dialect, type HandlerSpec } from '../language/index.js';

const KIND_TEXT = {
  added: (other: string) => `New since minimega ${other}`,
  changed: (other: string) => `Changed since minimega ${other}`,
  behaviour: (other: string) => `Acts differently from minimega ${other}`,
} as const;

/** Notes per handler id of one dialect, read from every dialect's catalog. */
export class DialectNotes {
  private readonly byDialect = new Map<Dialect, Map<string, string[]>>();

  /** The notes on handler `h` of `own` (Markdown paragraphs; none when nothing differs). */
  of(own: Dialect, h: HandlerSpec): readonly string[] {
    let notes = this.byDialect.get(own);
    if (!notes) this.byDialect.set(own, (notes = build(own)));
    return notes.get(h.id) ?? [];
  }
}

function build(own: Dialect): Map<string, string[]> {
  const notes = new Map<string, string[]>();
  const add = (id: string, text: string): void => void notes.set(id, [...(notes.get(id) ?? []), text]);
  // `since23` is written on the newer dialect's handlers; the older dialect reads it backwards.
  const older = dialects.filter((d) => d !== own && d.catalog.handlers.every((h) => !h.spec.since23));
  const newer = dialects.filter((d) => d !== own && d.catalog.handlers.some((h) => h.spec.since23));
  for (const h of own.catalog.handlers) {
    const change = h.spec.since23;
    if (change) for (const d of older) add(h.spec.id, `*${KIND_TEXT[change.kind](d.version)}*: ${change.note}`);
  }
  for (const d of newer)
    for (const h of d.catalog.handlers) {
      const change = h.spec.since23;
      if (change?.from && own.catalog.find(change.from)) add(change.from, `*In minimega ${d.version}*: ${change.note}`);
    }
  return notes;
}
