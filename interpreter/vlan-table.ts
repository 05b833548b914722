/**
 * VLAN aliases, ranges and the blacklist of one node.
 * Alias keys are `<namespace>//<alias>` (`//<alias>` outside namespaces).
 */
import { goAtoi } from '../language/index.js';

const BLACKLISTED = '\u0000BLACKLISTED';

export interface VlanRange {
  min: number;
  max: number;
  next: number;
}

/** Thrown with minimega's exact error text. */
export class VlanError extends Error {}

export class VlanTable {
  readonly byAlias = new Map<string, number>();
  readonly byVlan = new Map<number, string>();
  /** Ranges by prefix; "" is the default range. */
  readonly ranges = new Map<string, VlanRange>([['', { min: 101, max: 4096, next: 101 }]]);

  /** The full key for what the user typed, relative to the active namespace. */
  static key(alias: string, namespace: string): string {
    return alias.includes('//') ? alias : `${namespace}//${alias}`;
  }

  /**
   * Resolves a VLAN argument (number or alias), allocating and blacklisting
   * as 2.3 does. `onNewAlias` runs after an alias was allocated.
   */
  resolve(text: string, namespace: string, onNewAlias?: (key: string, vlan: number) => void): number {
    const n = goAtoi(text);
    if (n !== undefined) {
      if (n < 0n || n >= 4096n) throw new VlanError('invalid VLAN (0 <= vlan < 4096)');
      const v = Number(n);
      if (!this.byVlan.has(v)) this.byVlan.set(v, BLACKLISTED);
      return v;
    }
    const key = VlanTable.key(text, namespace);
    const known = this.byAlias.get(key);
    if (known !== undefined) return known;
    const v = this.allocate(key);
    this.byAlias.set(key, v);
    this.byVlan.set(v, key);
    onNewAlias?.(key, v);
    return v;
  }

  private allocate(key: string): number {
    const prefix = key.slice(0, key.indexOf('//'));
    const own = this.ranges.get(prefix);
    const rangeKey = own && prefix !== '' ? prefix : '';
    const r = this.ranges.get(rangeKey)!;
    for (;;) {
      if (r.next >= r.max) throw new VlanError('out of VLANs');
      if (rangeKey === '') {
        const inside = this.namespaceRangeContaining(r.next);
        if (inside) {
          r.next = inside.max;
          continue;
        }
      }
      if (!this.byVlan.has(r.next)) return r.next;
      r.next++;
    }
  }

  private namespaceRangeContaining(v: number): VlanRange | undefined {
    for (const [p, r] of this.ranges) if (p !== '' && v >= r.min && v < r.max) return r;
    return undefined;
  }

  /** How a VLAN prints: `A (102)`, `foo//A (104)`, or the bare number. */
  print(vlan: number, namespace: string): string {
    const key = this.byVlan.get(vlan);
    if (key === undefined || key === BLACKLISTED) return String(vlan);
    const i = key.indexOf('//');
    const ns = key.slice(0, i);
    return ns === namespace ? `${key.slice(i + 2)} (${vlan})` : `${key} (${vlan})`;
  }

  /** `vlans add`: registers a key for a VLAN. */
  add(alias: string, vlanText: string, namespace: string): string {
    const v = goAtoi(vlanText);
    if (v === undefined) throw new VlanError('expected integer VLAN');
    const key = VlanTable.key(alias, namespace);
    if (this.byAlias.has(key)) throw new VlanError('alias already in use');
    const n = Number(v);
    if (this.byVlan.has(n)) throw new VlanError('vlan already in use');
    this.byAlias.set(key, n);
    this.byVlan.set(n, key);
    return key;
  }

  /** Alias rows `[namespace, alias, vlan]` visible from the namespace ("" = all). */
  aliasRows(namespace: string): string[][] {
    const rows: string[][] = [];
    for (const [key, v] of this.byAlias) {
      const i = key.indexOf('//');
      const ns = key.slice(0, i);
      if (namespace !== '' && ns !== namespace) continue;
      rows.push([ns, key.slice(i + 2), String(v)]);
    }
    return rows;
  }

  /** `vlans range <min> <max>` for the namespace ("" = the default range). */
  setRange(minText: string, maxText: string, namespace: string): void {
    const a = goAtoi(minText);
    const b = goAtoi(maxText);
    if (a === undefined || b === undefined) throw new VlanError('expected integer values for min/max');
    const min = Number(a);
    const max = Number(b);
    if (max <= min) throw new VlanError('expected min > max');
    for (const [p, r] of this.ranges) {
      if (p === '' || p === namespace) continue;
      if (min < r.max && r.min <= max) throw new VlanError(`range overlaps with another namespace: ${p}`);
    }
    this.ranges.set(namespace, { min, max, next: min });
  }

  /** Blacklists a VLAN (dropping its alias). */
  blacklist(vlanText: string): void {
    const v = goAtoi(vlanText);
    if (v === undefined) throw new VlanError('expected integer VLAN');
    const n = Number(v);
    const key = this.byVlan.get(n);
    if (key !== undefined && key !== BLACKLISTED) this.byAlias.delete(key);
    this.byVlan.set(n, BLACKLISTED);
  }

  /** Blacklisted VLANs, sorted. */
  blacklisted(): number[] {
    return [...this.byVlan].filter(([, k]) => k === BLACKLISTED).map(([v]) => v);
  }

  /**
   * `clear vlans [prefix]`: outside namespaces without a prefix, everything
   * goes (ranges back to the default); otherwise the aliases whose key starts
   * with the prefix, and the namespace's own range when the whole namespace
   * is cleared. Every range then allocates from its start again.
   */
  clear(prefix: string, namespace: string): void {
    if (namespace === '' && prefix === '') {
      this.byAlias.clear();
      this.byVlan.clear();
      this.ranges.clear();
      this.ranges.set('', { min: 101, max: 4096, next: 101 });
      return;
    }
    const full = namespace !== '' ? `${namespace}//${prefix}` : prefix.includes('//') ? prefix : `//${prefix}`;
    for (const [key, v] of [...this.byAlias]) {
      if (key.startsWith(full)) {
        this.byAlias.delete(key);
        this.byVlan.delete(v);
      }
    }
    const rangeKey = full.endsWith('//') ? full.slice(0, -2) : undefined;
    if (rangeKey !== undefined && rangeKey !== '') this.ranges.delete(rangeKey);
    for (const r of this.ranges.values()) r.next = r.min;
  }
}
