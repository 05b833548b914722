/**
 * The VM names launched in one namespace, for the duplicate-launch check.
 * Names are kept by item (`web[1-8]` is one entry) and an item's range is
 * expanded only when another line launches an item of the same stem (the
 * name without its trailing digits and signs): two names can only be equal
 * when their stems are, and every name of a range has the stem of the text
 * before its `[`. A generated script that launches `web12-[1-8]` and `db12`
 * in each of a thousand namespaces expands nothing.
 */
import { vmItemNames, type VmItem } from './name-sites.js';

/** The stem of an item's names: its text before any `[`, without trailing digits, `+` or `-`. */
export function itemStem(text: string): string {
  const open = text.indexOf('[');
  let end = open < 0 ? text.length : open;
  for (; end > 0; end--) {
    const c = text.charCodeAt(end - 1);
    if (!((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d)) break;
  }
  return text.slice(0, end);
}

/** Items of one stem that a single line launched, not expanded yet. */
interface Pending {
  readonly line: number;
  readonly first: VmItem;
  /** Items after the first (rare: `web1,web2` on one line). */
  more: VmItem[] | undefined;
}

/** A name launched again, and the line that launched it before. */
export interface Duplicate {
  readonly name: string;
  readonly before: number;
}

/** The names launched in a namespace, with the line that launched each last. */
export class LaunchedNames {
  /** Names of the stems that two lines or more launched, with the last line that launched each. */
  private names: Map<string, number> | undefined;
  /** By stem: what one line launched, or null once expanded into `names`. */
  private readonly stems = new Map<string, Pending | null>();

  /** An independent copy: launching in either leaves the other as it was. */
  copy(): LaunchedNames {
    const c = new LaunchedNames();
    if (this.names) c.names = new Map(this.names);
    for (const [stem, p] of this.stems) c.stems.set(stem, p === null ? null : { line: p.line, first: p.first, more: p.more && [...p.more] });
    return c;
  }

  /**
   * Records an item that `line` launches (items in launch order); returns
   * its names that another line launched before, with that line. The same
   * name twice on one line is no duplicate here.
   */
  launch(item: VmItem, line: number): Duplicate[] | undefined {
    // This runs for every launch of a document after every change: a small record per stem,
    // and names only once two lines share a stem.
    const stem = itemStem(item.text);
    const pending = this.stems.get(stem);
    if (pending === undefined) {
      this.stems.set(stem, { line, first: item, more: undefined });
      return undefined;
    }
    const names = (this.names ??= new Map());
    if (pending !== null) {
      if (pending.line === line) {
        (pending.more ??= []).push(item);
        return undefined;
      }
      // A second line launches this stem: from now on, names are compared.
      this.stems.set(stem, null);
      record(names, pending.first, pending.line);
      if (pending.more) for (let i = 0; i < pending.more.length; i++) record(names, pending.more[i]!, pending.line);
    }
    let out: Duplicate[] | undefined;
    const launched = vmItemNames(item);
    for (let i = 0; i < launched.length; i++) {
      const name = launched[i]!;
      const before = names.get(name);
      if (before === line) continue;
      names.set(name, line);
      if (before !== undefined) (out ??= []).push({ name, before });
    }
    return out;
  }
}

/** Records the names of an item launched at `line` (keeping the line of names launched earlier on it). */
function record(names: Map<string, number>, item: VmItem, line: number): void {
  const launched = vmItemNames(item);
  for (let i = 0; i < launched.length; i++) if (!names.has(launched[i]!)) names.set(launched[i]!, line);
}
