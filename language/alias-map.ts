/**
 * An alias table that keeps what lookups need as it changes: the lengths of
 * its names (the longest name that prefixes a line is found by one map
 * lookup per distinct length, not by a scan of every alias) and a key for
 * caches of compiled lines. With thousands of aliases and as many uses,
 * compiling a script then costs linear work, not quadratic (issue 14 H2).
 */

/** Up to this many aliases, the cache key is the table's content (equal tables share cached lines). */
const CONTENT_KEY_LIMIT = 16;

let instances = 0;

export class AliasMap extends Map<string, string> {
  /** Distinct name lengths, with how many names have each. */
  private readonly lengths = new Map<number, number>();
  private sortedLengths: number[] | undefined;
  private cachedKey: string | undefined;
  private readonly id = ++instances;
  private changes = 0;

  constructor(entries?: Iterable<readonly [string, string]>) {
    super();
    if (entries) for (const [k, v] of entries) this.set(k, v);
  }

  override set(name: string, expansion: string): this {
    if (!super.has(name)) {
      this.lengths.set(name.length, (this.lengths.get(name.length) ?? 0) + 1);
      this.sortedLengths = undefined;
    }
    this.changed();
    return super.set(name, expansion);
  }

  override delete(name: string): boolean {
    if (!super.delete(name)) return false;
    const n = this.lengths.get(name.length)! - 1;
    if (n === 0) this.lengths.delete(name.length);
    else this.lengths.set(name.length, n);
    this.sortedLengths = undefined;
    this.changed();
    return true;
  }

  override clear(): void {
    super.clear();
    this.lengths.clear();
    this.sortedLengths = undefined;
    this.changed();
  }

  /** The longest alias name that prefixes `text`, with its expansion. */
  longestPrefix(text: string): [string, string] | undefined {
    this.sortedLengths ??= [...this.lengths.keys()].sort((a, b) => b - a);
    for (const len of this.sortedLengths) {
      if (len > text.length) continue;
      const name = text.slice(0, len);
      const exp = super.get(name);
      if (exp !== undefined) return [name, exp];
    }
    return undefined;
  }

  /**
   * What a line compiled under this table depends on, as a cache key: the
   * content for small tables, else this table's identity and change count
   * (constant size: a key made of thousands of aliases, once per line, was
   * what made long alias lists quadratic).
   */
  key(): string {
    if (this.size === 0) return '';
    this.cachedKey ??= this.size <= CONTENT_KEY_LIMIT ? JSON.stringify([...this]) : `#${this.id}:${this.changes}`;
    return this.cachedKey;
  }

  private changed(): void {
    this.changes++;
    this.cachedKey = undefined;
  }
}
