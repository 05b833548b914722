/**
 * Name sites of one command: which words (or parts of words) name a VM,
 * a namespace, a VLAN alias, a tap, a host or a saved config, with exact
 * source ranges where the source spells the name as it is.
 */
import type { Command, Line, Word } from './ast.js';
import { lineRange } from './ast.js';
import { splitList } from './ranges.js';
import { isMac, NIC_DRIVERS } from './netspec.js';
import type { CommandVisit, NameKind, NameSite } from './names.js';

const NAME_DOMAINS = new Set(['vmNames', 'vmTarget', 'vmName', 'namespace', 'vlan', 'netspec', 'hosts', 'tapName', 'configName']);

/** Whether a command has an argument that may hold a name (cheap, before any site is built). */
export function mayName(c: Command): boolean {
  for (let i = 0; i < c.words.length; i++) {
    const item = c.items[c.wordItems[i]!];
    if (!item || (item.type !== 'string' && item.type !== 'list')) continue;
    if (c.handler.id === 'vlans' && item.key === 'alias') return true;
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

const INTEGER = /^[+-]?[0-9]+$/;

/** Builds sites for the parts of one word. */
class SiteBuilder {
  readonly sites: NameSite[] = [];
  constructor(private readonly v: CommandVisit) {}

  /** A site for `name` at value offsets [start, end) of `word`. */
  add(kind: NameKind, name: string, word: Word, start: number, end: number, definition: boolean, exact = true): void {
    const at = valueStart(this.v.line, word);
    const li = this.v.lineIndex;
    const range =
      at >= 0 ? lineRange(li, at + start, at + end) : lineRange(li, word.range.start.character, word.range.end.character);
    this.sites.push({ kind, name, range, definition, exact: exact && at >= 0, namespace: this.v.namespace });
  }

  /** Names of a list/range value (`a,b[1-3]`); `skip` filters out keywords such as `all`. */
  addList(kind: NameKind, word: Word, definition: boolean, skip: (item: string) => boolean): void {
    for (const item of listItems(word.value)) {
      if (item.text === '' || skip(item.text)) continue;
      if (!item.text.includes('[')) {
        this.add(kind, item.text, word, item.start, item.start + item.text.length, definition);
        continue;
      }
      const r = splitList(item.text);
      if (!r.ok) continue;
      for (const name of r.values) {
        if (name !== '' && !skip(name)) this.add(kind, name, word, item.start, item.start + item.text.length, definition, false);
      }
    }
  }

  /** A VLAN alias, possibly qualified by a namespace (`ns//alias`). */
  addVlan(word: Word, start: number, text: string, definition: boolean): void {
    if (text === '' || INTEGER.test(text)) return;
    const sep = text.indexOf('//');
    if (sep < 0) {
      this.add('vlan', text, word, start, start + text.length, definition);
      return;
    }
    if (sep > 0) this.add('namespace', text.slice(0, sep), word, start, start + sep, false);
    const alias = text.slice(sep + 2);
    if (alias !== '') this.add('vlan', alias, word, start + sep + 2, start + text.length, definition);
  }
}

const notVmName = (s: string): boolean => s === 'all' || INTEGER.test(s) || s.includes('=');
const notHost = (s: string): boolean => s === 'all' || s === 'localhost';

/** The value offset and text of the VLAN field of a `vm config net` spec. */
function netspecVlan(spec: string): { start: number; text: string } | undefined {
  const f = spec.split(',');
  let i: number;
  if (f.length === 1) i = 0;
  else if (f.length === 2) i = isMac(f[1]!) || NIC_DRIVERS.includes(f[1]!) ? 0 : 1;
  else if (f.length === 3) i = isMac(f[2]!) ? 1 : isMac(f[1]!) ? 0 : 1;
  else if (f.length === 4) i = 1;
  else return undefined;
  let start = 0;
  for (let k = 0; k < i; k++) start += f[k]!.length + 1;
  return { start, text: f[i]! };
}

/** The name sites of one command (not of its nested command). */
export function commandSites(v: CommandVisit): NameSite[] {
  const b = new SiteBuilder(v);
  const c = v.command;
  const id = c.handler.id;
  for (let i = 0; i < c.words.length; i++) {
    const item = c.items[c.wordItems[i]!];
    if (!item || (item.type !== 'string' && item.type !== 'list')) continue;
    const word = c.words[i]!;
    const domain = c.handler.args[item.key]?.domain;
    if (id === 'vlans' && item.key === 'alias') {
      b.addVlan(word, 0, word.value, true);
      continue;
    }
    switch (domain) {
      case 'vmNames':
        if (!INTEGER.test(word.value)) b.addList('vm', word, true, notVmName);
        break;
      case 'vmTarget':
      case 'vmName':
        b.addList('vm', word, false, notVmName);
        break;
      case 'namespace':
        if (word.value !== '') b.add('namespace', word.value, word, 0, word.value.length, id === 'namespace');
        break;
      case 'vlan':
        b.addVlan(word, 0, word.value, false);
        break;
      case 'netspec': {
        const f = netspecVlan(word.value);
        if (f) b.addVlan(word, f.start, f.text, false);
        break;
      }
      case 'hosts':
        if (id === 'nsmod') b.addList('host', word, c.args.bool['add-host'] === true, notHost);
        break;
      case 'tapName':
        if (word.value !== 'all' && word.value !== '') b.add('tap', word.value, word, 0, word.value.length, id === 'tap' && !!c.args.bool.create);
        break;
      case 'configName':
        if (word.value !== '') b.add('config', word.value, word, 0, word.value.length, c.args.bool.save === true);
        break;
    }
  }
  return b.sites;
}
