/**
 * Name sites of one command: which words (or parts of words) name a VM,
 * a namespace, a VLAN alias, a tap, a host or a saved config, with exact
 * source ranges where the source spells the name as it is. A range item
 * (`web[1-4]`) is kept whole here and listed name by name only when an
 * index is built (names.ts), so what a line holds follows its text, not the
 * million names one short range may give.
 */
import { commandAt, subcommandOf, type Command, type Line, type Word } from './ast.js';
import { lineRange, type Range } from './positions.js';
import { listCount, splitList } from './ranges.js';
import { netspecLayout } from './netspec.js';
import type { CommandVisit } from './replay.js';

/** The kinds of names a script can define. */
export type NameKind = 'vm' | 'namespace' | 'vlan' | 'tap' | 'host' | 'config';

/** One mention of a name. */
export interface NameSite {
  readonly kind: NameKind;
  readonly name: string;
  readonly range: Range;
  /** The command creates or sets the name (`vm launch`, `vlans add`, `namespace X`, ...). */
  readonly definition: boolean;
  /** The source at `range` spells `name` exactly, so a rename may rewrite it. */
  readonly exact: boolean;
  /** The namespace active when the command runs ("" when none). */
  readonly namespace: string;
}

/**
 * A list item naming several names of one kind (`web[1-4]`), as a command
 * holds it: one record whatever the count, its names listed by `rangeNames`
 * when an index is built. Its range is the item's (the whole word when quotes
 * or escapes make value and source differ); its names are never exact.
 */
export interface RangeSite {
  readonly kind: NameKind;
  /** The item as written (`web[1-4]`): a list with no error that gives at least one name. */
  readonly item: string;
  /** How many names it gives at most (`listCount`: a number written twice may count twice). */
  readonly count: number;
  readonly range: Range;
  readonly definition: boolean;
  readonly namespace: string;
  /** Which of its names name nothing (`all`, integers), as for a plain item. */
  readonly skip: (name: string) => boolean;
}

/** A site as a command holds it: one name, or a range item of names. */
export type LineSite = NameSite | RangeSite;

/** Whether a command's site is a range item. */
export function isRangeSite(s: LineSite): s is RangeSite {
  return (s as Partial<RangeSite>).item !== undefined;
}

/** The names of a range item, as the plain items of a list name them (keywords left out). */
export function rangeNames(s: RangeSite): string[] {
  return itemNames(s.item, s.skip);
}

const NAME_DOMAINS: ReadonlySet<string> = new Set(['vmNames', 'vmTarget', 'vmName', 'namespace', 'vlan', 'netspec', 'hosts', 'tapName', 'configName']);

/** Whether a command has an argument that may hold a name (cheap, before any site is built). */
export function mayName(c: Command): boolean {
  for (let i = 0; i < c.words.length; i++) {
    const item = c.items[c.wordItems[i]!];
    if (!item || (item.type !== 'string' && item.type !== 'list')) continue;
    if (c.handler.role === 'vlan-alias' && item.key === 'alias') return true;
    const domain = c.handler.args[item.key]?.domain;
    if (domain && NAME_DOMAINS.has(domain)) return true;
  }
  return false;
}

/** Where a word's value starts in the source line, or -1 when quoting or escapes make them differ. */
function valueStart(line: Line, word: Word): number {
  const s = word.range.start.character;
  const src = line.text.slice(s, word.range.end.character);
  if (src === word.value) return s;
  const q = src[0];
  if ((q === '"' || q === "'") && src.length === word.value.length + 2 && src.endsWith(q) && src.slice(1, -1) === word.value) {
    return s + 1;
  }
  return -1;
}

/** The comma-separated items of a list value with their offsets (commas inside `[...]` do not split). */
function listItems(value: string): { readonly text: string; readonly start: number }[] {
  const out: { text: string; start: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    const c = value[i];
    if (c === '[') depth++;
    else if (c === ']') depth = Math.max(0, depth - 1);
    else if (i === value.length || (c === ',' && depth === 0)) {
      out.push({ text: value.slice(start, i), start });
      start = i + 1;
    }
  }
  return out;
}

/**
 * The names of one item of a list (`a`, or `web[1-3]` expanded), none when
 * `skip` drops the item; `skip` also filters the names of a range (keywords
 * such as `all`, integers).
 */
function itemNames(text: string, skip: (name: string) => boolean): string[] {
  if (text === '' || skip(text)) return [];
  if (!text.includes('[')) return [text];
  const r = splitList(text);
  return r.ok ? r.values.filter((name) => name !== '' && !skip(name)) : [];
}

const INTEGER = /^[+-]?[0-9]+$/;

/** Builds sites for the parts of a command's words, one word at a time. */
class SiteBuilder {
  readonly sites: LineSite[] = [];
  private word!: Word;
  /** `valueStart` of the current word (one word may hold several names). */
  private at = -1;
  constructor(private readonly v: CommandVisit) {}

  /** Starts on `word`: the sites added next are parts of its value. */
  on(word: Word): this {
    this.word = word;
    this.at = valueStart(this.v.line, word);
    return this;
  }

  /** A site for `name` at value offsets [start, end) of the current word. */
  add(kind: NameKind, name: string, start: number, end: number, definition: boolean): void {
    const at = this.at;
    const li = this.v.lineIndex;
    const range = at >= 0 ? lineRange(li, at + start, at + end) : this.wordRange();
    this.sites.push({ kind, name, range, definition, exact: at >= 0, namespace: this.v.namespace });
  }

  /**
   * Names of the word's list/range value (`a,b[1-3]`), a range item as one
   * RangeSite; `skip` filters out keywords such as `all`.
   */
  addList(kind: NameKind, definition: boolean, skip: (item: string) => boolean): void {
    const items = listItems(this.word.value);
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (item.text === '' || skip(item.text)) continue;
      const end = item.start + item.text.length;
      const open = item.text.indexOf('[');
      if (open < 0) {
        this.add(kind, item.text, item.start, end, definition);
        continue;
      }
      // Counted, not expanded: a range's names are listed when an index is built, within its budget.
      const count = listCount(item.text);
      // Its names are its prefix and a number: a skip that drops `prefix1` drops them all (`[1-3]` are integers).
      if (typeof count === 'string' || count === 0 || skip(item.text.slice(0, open) + '1')) continue;
      const at = this.at;
      const range = at >= 0 ? lineRange(this.v.lineIndex, at + item.start, at + end) : this.wordRange();
      this.sites.push({ kind, item: item.text, count, range, definition, namespace: this.v.namespace, skip });
    }
  }

  private wordRange(): Range {
    return lineRange(this.v.lineIndex, this.word.range.start.character, this.word.range.end.character);
  }

  /** A VLAN alias at value offset `start`, possibly qualified by a namespace (`ns//alias`). */
  addVlan(start: number, text: string, definition: boolean): void {
    if (text === '' || INTEGER.test(text)) return;
    const sep = text.indexOf('//');
    if (sep < 0) {
      this.add('vlan', text, start, start + text.length, definition);
      return;
    }
    if (sep > 0) this.add('namespace', text.slice(0, sep), start, start + sep, false);
    const alias = text.slice(sep + 2);
    if (alias !== '') this.add('vlan', alias, start + sep + 2, start + text.length, definition);
  }
}

const notVmName = (s: string): boolean => s === 'all' || INTEGER.test(s) || s.includes('=');
const notHost = (s: string): boolean => s === 'all' || s === 'localhost';

/** The value offset and text of the VLAN field of a `vm config net` spec. */
function netspecVlan(spec: string): { start: number; text: string } | undefined {
  const f = spec.split(',');
  const i = netspecLayout(f)?.indexOf('vlan') ?? -1;
  if (i < 0) return undefined;
  let start = 0;
  for (let k = 0; k < i; k++) start += f[k]!.length + 1;
  return { start, text: f[i]! };
}

/** The name sites of one command (not of its nested command), range items whole. */
export function commandSites(v: CommandVisit): LineSite[] {
  const b = new SiteBuilder(v);
  const c = v.command;
  const role = c.handler.role;
  for (let i = 0; i < c.words.length; i++) {
    const item = c.items[c.wordItems[i]!];
    if (!item || (item.type !== 'string' && item.type !== 'list')) continue;
    const word = c.words[i]!;
    const domain = c.handler.args[item.key]?.domain;
    if (role === 'vlan-alias' && item.key === 'alias') {
      b.on(word).addVlan(0, word.value, true);
      continue;
    }
    switch (domain) {
      case 'vmNames':
        if (!INTEGER.test(word.value)) b.on(word).addList('vm', true, notVmName);
        break;
      case 'vmTarget':
      case 'vmName':
        b.on(word).addList('vm', false, notVmName);
        break;
      case 'namespace':
        if (word.value !== '') b.on(word).add('namespace', word.value, 0, word.value.length, role === 'namespace');
        break;
      case 'vlan':
        b.on(word).addVlan(0, word.value, false);
        break;
      case 'netspec': {
        const f = netspecVlan(word.value);
        if (f) b.on(word).addVlan(f.start, f.text, false);
        break;
      }
      case 'hosts': {
        // Hosts a namespace adds or removes (`nsmod`, 3.1's `ns`); other host lists name no hosts of the script.
        const addedBy = c.handler.args[item.key]?.addedBy;
        if (addedBy !== undefined) b.on(word).addList('host', c.args.bool[addedBy] === true, notHost);
        break;
      }
      case 'tapName':
        if (word.value !== 'all' && word.value !== '') b.on(word).add('tap', word.value, 0, word.value.length, role === 'tap' && !!c.args.bool.create);
        break;
      case 'configName':
        if (word.value !== '') b.on(word).add('config', word.value, 0, word.value.length, c.args.bool.save === true);
        break;
    }
  }
  return b.sites;
}

/** A list item naming VMs a command creates: one name, or a range such as `web[1-4]`. */
export interface VmItem {
  /** The item as written in the value. */
  readonly text: string;
  /** Where the item is on its line (the whole word when quotes or escapes make value and source differ). */
  readonly start: number;
  readonly end: number;
}

const NO_ITEMS: readonly VmItem[] = [];

/**
 * The items naming the VMs commands create (`vm launch kvm web[1-4],db`), in
 * order: what the `vm` definition sites of `commandSites` come from, before
 * ranges are expanded. The launch check reads them for every launch of a
 * document after every change, so they are kept per command.
 */
export class VmItemTable {
  private readonly known = new WeakMap<Command, readonly VmItem[]>();

  /**
   * The items of command `c` of `line`. For a line rebuilt from a template,
   * the template's items with this line's text: where items start and end
   * does not depend on digits (nor does what names no VM: `all`, integers,
   * `=`), and template words are plain, so an item's text is the line's text
   * between its offsets. Its words are then not needed.
   */
  of(line: Line, c: Command): readonly VmItem[] {
    let items = this.known.get(c);
    if (items) return items;
    const template = line.template;
    const level = template ? levelOf(line.command, c) : -1;
    const same = level >= 0 ? commandAt(template!.command, level) : null;
    items = same ? retext(this.of(template!, same), line.text) : vmItems(line, c);
    this.known.set(c, items);
    return items;
  }
}

/** The level of `c` in the chain starting at `first`, or -1. */
function levelOf(first: Command | null, c: Command): number {
  let level = 0;
  for (let x = first; x; x = subcommandOf(x), level++) if (x === c) return level;
  return -1;
}

/** Items at the same offsets, their text read from `text`. */
function retext(items: readonly VmItem[], text: string): readonly VmItem[] {
  if (items.length === 0) return NO_ITEMS;
  const out = new Array<VmItem>(items.length);
  for (let i = 0; i < items.length; i++) {
    const b = items[i]!;
    out[i] = { text: text.slice(b.start, b.end), start: b.start, end: b.end };
  }
  return out;
}

/** The items naming the VMs a command of `line` creates (see `VmItemTable`). */
export function vmItems(line: Line, c: Command): readonly VmItem[] {
  let out: VmItem[] | undefined;
  const role = c.handler.role;
  for (let i = 0; i < c.words.length; i++) {
    const item = c.items[c.wordItems[i]!];
    if (!item || (item.type !== 'string' && item.type !== 'list')) continue;
    if ((role === 'vlan-alias' && item.key === 'alias') || c.handler.args[item.key]?.domain !== 'vmNames') continue;
    const word = c.words[i]!;
    if (INTEGER.test(word.value)) continue;
    const at = valueStart(line, word);
    // Most values are one item: no list of parts for them.
    if (!word.value.includes(',')) {
      out = addItem(out, word, at, word.value, 0);
      continue;
    }
    const parts = listItems(word.value);
    for (let k = 0; k < parts.length; k++) out = addItem(out, word, at, parts[k]!.text, parts[k]!.start);
  }
  return out ?? NO_ITEMS;
}

/** `out` with the item `text` (at `start` in the word's value) unless it names no VM. */
function addItem(out: VmItem[] | undefined, word: Word, at: number, text: string, start: number): VmItem[] | undefined {
  if (text === '' || notVmName(text)) return out;
  const item: VmItem = {
    text,
    start: at >= 0 ? at + start : word.range.start.character,
    end: at >= 0 ? at + start + text.length : word.range.end.character,
  };
  if (!out) return [item];
  out.push(item);
  return out;
}

/** The VM names of an item, as `commandSites` lists them (a range expanded, keywords left out). */
export function vmItemNames(item: VmItem): readonly string[] {
  // An item holds no comma outside brackets (`vmItems` split the list).
  return itemNames(item.text, notVmName);
}
