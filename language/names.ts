/**
 * What a script defines and mentions by name: VMs, namespaces, VLAN aliases,
 * host taps, hosts added with `nsmod`, saved `vm config`s. Each mention is a
 * site with a range, so editors can complete, hover, jump, find and rename.
 *
 * Ranges are rebuilt from each line's index in `lines`, never from the line
 * numbers stored in the nodes: the language server keeps Line nodes parsed
 * on their own and moves them around when lines are inserted.
 */
import type { Command, Line, Position, Range, Word } from './ast.js';
import { lineRange } from './ast.js';
import { splitList } from './ranges.js';
import { isMac, NIC_DRIVERS } from './netspec.js';

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

/** A matched command together with where it runs. */
export interface CommandVisit {
  readonly command: Command;
  readonly line: Line;
  /** Index of the line in the script (the line number editors use). */
  readonly lineIndex: number;
  /** The namespace active while this command runs ("" when none). */
  readonly namespace: string;
}

/** The lines of a parsed script (a Script, or the server's line cache). */
export interface ScriptLines {
  readonly lines: readonly Line[];
}

/** A change of the active namespace between the commands of a line. */
export type NamespaceStep =
  | { readonly kind: 'switch'; readonly name: string }
  | { readonly kind: 'enter'; readonly name: string }
  | { readonly kind: 'exit' }
  | { readonly kind: 'leave'; readonly name: string | undefined };

/** A command of a line with the names it mentions (ranges on line 0, namespace ""). */
export interface CommandFact {
  readonly kind: 'command';
  readonly command: Command;
  /** The handler id (kept here so that whole-script passes touch less memory). */
  readonly id: string;
  /** A value check flagged one of its words: minimega would refuse it and change nothing. */
  readonly refused: boolean;
  readonly sites: readonly NameSite[];
}

/** One step of a line, in execution order. */
export type LineStep = CommandFact | NamespaceStep;

/**
 * What a line contributes to the whole-script passes (names, script checks):
 * its relevant commands and namespace changes, or null. It depends on the
 * line alone, so it is computed once per parsed line.
 */
export type LineFacts = readonly LineStep[] | null;

/** Handlers the script checks follow even when they mention no name. */
const FOLLOWED = new Set(['namespace', 'clear namespace', 'vm launch', 'vm flush', 'nsmod', 'read']);

/**
 * The steps of a line's command chain: `namespace X` switches, `namespace X
 * (command)` enters X for the nested command and exits after (whatever the
 * nested command did), `clear namespace` leaves.
 */
function lineSteps(line: Line, keep: (c: Command) => CommandFact | undefined): LineStep[] {
  const out: LineStep[] = [];
  let c: Command | null = line.command;
  let depth = 0;
  while (c) {
    const fact = keep(c);
    if (fact) out.push(fact);
    const sub: Command | null = c.subcommand && c.subcommand.kind === 'Command' ? c.subcommand : null;
    const id = c.handler.id;
    if (id === 'namespace') {
      const name = c.args.string.name;
      if (name === undefined) break;
      if (c.pattern === 'namespace [name]') {
        out.push({ kind: 'switch', name });
        break;
      }
      out.push({ kind: 'enter', name });
      depth++;
    } else if (id === 'clear namespace') {
      out.push({ kind: 'leave', name: c.args.string.name });
    }
    c = sub;
  }
  for (; depth > 0; depth--) out.push({ kind: 'exit' });
  return out;
}

/**
 * Replays lines' steps, tracking the active namespace as minimega does, and
 * calls `visit` for each command with the namespace it runs in.
 */
export function replaySteps(
  steps: ArrayLike<readonly LineStep[] | null>,
  visit: (fact: CommandFact, lineIndex: number, namespace: string) => void,
): void {
  let active = '';
  const saved: string[] = [];
  for (let i = 0; i < steps.length; i++) {
    const line = steps[i];
    if (!line) continue;
    for (const step of line) {
      switch (step.kind) {
        case 'command':
          visit(step, i, active);
          break;
        case 'switch':
          active = step.name;
          break;
        case 'enter':
          saved.push(active);
          active = step.name;
          break;
        case 'exit':
          active = saved.pop() ?? '';
          break;
        case 'leave':
          if (step.name === undefined || step.name === active) active = '';
          break;
      }
    }
  }
}

const NO_SITES: readonly NameSite[] = [];

/**
 * Visits every matched command, nested ones included, in execution order,
 * with the namespace active while it runs.
 */
export function forEachCommand(script: ScriptLines, visit: (v: CommandVisit) => void): void {
  const lines = script.lines;
  const steps = lines.map((l) =>
    l.command ? lineSteps(l, (command) => ({ kind: 'command', command, id: command.handler.id, refused: false, sites: NO_SITES })) : null,
  );
  replaySteps(steps, (f, lineIndex, namespace) => visit({ command: f.command, line: lines[lineIndex]!, lineIndex, namespace }));
}

const factsCache = new WeakMap<Line, LineFacts>();

/** The facts of one line (cached per parsed line). */
export function lineFacts(line: Line): LineFacts {
  const hit = factsCache.get(line);
  if (hit !== undefined) return hit;
  let facts: LineFacts = null;
  if (line.command) {
    const steps = lineSteps(line, (command) => {
      const sites = commandSites({ command, line, lineIndex: 0, namespace: '' });
      const id = command.handler.id;
      if (sites.length === 0 && !FOLLOWED.has(id)) return undefined;
      return { kind: 'command', command, id, refused: isRefused(line, command), sites };
    });
    if (steps.length > 0) facts = steps;
  }
  factsCache.set(line, facts);
  return facts;
}

/** Whether a diagnostic of the line (a value check) falls on the command's own words. */
function isRefused(line: Line, c: Command): boolean {
  const first = c.words[0];
  const last = c.words[c.words.length - 1];
  if (!first || !last) return false;
  const from = first.range.start.character;
  const to = last.range.end.character;
  return line.diagnostics.some((d) => d.range.start.character >= from && d.range.start.character < to);
}

/** A site moved to its line and namespace. */
export function placeSite(s: NameSite, line: number, namespace: string): NameSite {
  return {
    ...s,
    range: { start: { line, character: s.range.start.character }, end: { line, character: s.range.end.character } },
    namespace,
  };
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

/** Every name a script mentions, with lookups by position, kind and name. */
export interface NameIndex {
  /** All sites in document order. */
  readonly sites: readonly NameSite[];
  /** The sites on one line. */
  sitesOn(line: number): readonly NameSite[];
  /** The site under a position (ranges include their end, so a cursor after a name finds it). */
  siteAt(position: Position): NameSite | undefined;
  /** Every site of one name. */
  lookup(kind: NameKind, name: string): readonly NameSite[];
  /** Where a name is defined: its creating sites, or its first use when minimega creates it on use. */
  definitions(kind: NameKind, name: string): readonly NameSite[];
  /** The distinct names of a kind, in order of first mention. */
  names(kind: NameKind): readonly string[];
}

/** Builds the index of a whole script. */
export function buildNameIndex(script: ScriptLines): NameIndex {
  return buildNameIndexFromFacts(script.lines.map(lineFacts));
}

/** Builds the index from lines' facts (the server keeps them per line). */
export function buildNameIndexFromFacts(facts: ArrayLike<LineFacts>): NameIndex {
  const sites: NameSite[] = [];
  replaySteps(facts, (f, lineIndex, namespace) => {
    for (const s of f.sites) sites.push(placeSite(s, lineIndex, namespace));
  });
  return createNameIndex(sites);
}

/** Builds an index over sites that are already known (for instance merged from several files). */
export function createNameIndex(sites: readonly NameSite[]): NameIndex {
  const byLine = new Map<number, NameSite[]>();
  const byKey = new Map<string, NameSite[]>();
  const byKind = new Map<NameKind, string[]>();
  for (const s of sites) {
    const l = s.range.start.line;
    const onLine = byLine.get(l);
    if (onLine) onLine.push(s);
    else byLine.set(l, [s]);
    const key = `${s.kind}\u0000${s.name}`;
    const same = byKey.get(key);
    if (same) same.push(s);
    else {
      byKey.set(key, [s]);
      const names = byKind.get(s.kind);
      if (names) names.push(s.name);
      else byKind.set(s.kind, [s.name]);
    }
  }
  const none: readonly NameSite[] = [];
  const lookup = (kind: NameKind, name: string): readonly NameSite[] => byKey.get(`${kind}\u0000${name}`) ?? none;
  return {
    sites,
    sitesOn: (line) => byLine.get(line) ?? none,
    siteAt(p) {
      for (const s of byLine.get(p.line) ?? none) {
        if (s.range.start.character <= p.character && p.character <= s.range.end.character) return s;
      }
      return undefined;
    },
    lookup,
    definitions: (kind, name) => pickDefinitions(kind, lookup(kind, name), (s) => s),
    names: (kind) => byKind.get(kind) ?? [],
  };
}

/**
 * Which of a name's sites (in document order) define it: the creating sites;
 * for namespaces and hosts only the first (minimega creates them on first
 * use); for a VLAN alias that no `vlans add` names, its first use.
 */
export function pickDefinitions<T>(kind: NameKind, sites: readonly T[], siteOf: (t: T) => NameSite): T[] {
  const defs = sites.filter((t) => siteOf(t).definition);
  if (kind === 'namespace' || kind === 'host') return defs.slice(0, 1);
  if (defs.length === 0 && kind === 'vlan') return sites.slice(0, 1);
  return defs;
}
