/**
 * What a script defines and mentions by name: VMs, namespaces, VLAN aliases,
 * host taps, hosts added with `nsmod`, saved `vm config`s. Each mention is a
 * site with a range, so editors can complete, hover, jump, find and rename.
 *
 * Ranges are rebuilt from each line's index in `lines`, never from the line
 * numbers stored in the nodes: the language server keeps Line nodes parsed
 * on their own and moves them around when lines are inserted.
 */
import { subcommandOf, type Command, type Line, type Position, type Range } from './ast.js';
import { commandSites, mayName } from './name-sites.js';

export { commandSites } from './name-sites.js';

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
    const sub = subcommandOf(c);
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

const factsCache = new WeakMap<Line, LineFacts>();

/** The facts of one line (cached per parsed line). */
export function lineFacts(line: Line): LineFacts {
  const hit = factsCache.get(line);
  if (hit !== undefined) return hit;
  let facts: LineFacts = null;
  if (line.command) {
    const steps = lineSteps(line, (command) => {
      const id = command.handler.id;
      if (!FOLLOWED.has(id) && !mayName(command)) return undefined;
      return new LazyFact(line, command, id, isRefused(line, command));
    });
    if (steps.length > 0) facts = steps;
  }
  factsCache.set(line, facts);
  return facts;
}

/** A command fact whose sites are worked out when first asked for (opening a file needs few). */
class LazyFact implements CommandFact {
  readonly kind = 'command';
  private found: readonly NameSite[] | undefined;
  constructor(
    private readonly line: Line,
    readonly command: Command,
    readonly id: string,
    readonly refused: boolean,
  ) {}
  get sites(): readonly NameSite[] {
    return (this.found ??= commandSites({ command: this.command, line: this.line, lineIndex: 0, namespace: '' }));
  }
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
  const push = <K, V>(m: Map<K, V[]>, k: K, v: V): boolean => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
    return !list;
  };
  for (const s of sites) {
    push(byLine, s.range.start.line, s);
    if (push(byKey, `${s.kind}\u0000${s.name}`, s)) push(byKind, s.kind, s.name);
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
