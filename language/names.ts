/**
 * What a script defines and mentions by name: VMs, namespaces, VLAN aliases,
 * host taps, hosts added with `nsmod`, saved `vm config`s. Each mention is a
 * site with a range, so editors can complete, hover, jump, find and rename.
 *
 * Ranges are rebuilt from each line's index in `lines`, never from the line
 * numbers stored in the nodes: the language server keeps Line nodes parsed
 * on their own and moves them around when lines are inserted.
 */
import { commandAt, type Command, type Line } from './ast.js';
import type { Position } from './positions.js';
import type { HandlerRole, HandlerSpec } from './catalog/types.js';
import { commandSites, isRangeSite, mayName, rangeNames, type LineSite, type NameKind, type NameSite, type RangeSite } from './name-sites.js';
import { MAX_INDEXED_RANGE_NAMES } from './limits.js';
import { ActiveNamespace, walkChain, type ChainWalker, type NamespaceStep, type StepKind } from './replay.js';

export type { LineSite, NameKind, NameSite, RangeSite } from './name-sites.js';
export type { CommandVisit, NamespaceStep } from './replay.js';

/** The lines of a parsed script (a Script, or the server's line cache). */
export interface ScriptLines {
  readonly lines: readonly Line[];
}

/** A command of a line with the names it mentions (ranges on line 0, namespace ""). */
export interface CommandFact {
  readonly kind: 'command';
  readonly command: Command;
  /** The handler id (kept here so that whole-script passes touch less memory). */
  readonly id: string;
  /** A value check flagged one of its words: minimega would refuse it and change nothing. */
  readonly refused: boolean;
  /** Its names, a range item (`web[1-4]`) as one RangeSite (ranges on line 0, namespace ""). */
  readonly sites: readonly LineSite[];
}

/** One step of a line, in execution order. */
export type LineStep = CommandFact | NamespaceStep;

/**
 * What a line contributes to the whole-script passes (names, script checks):
 * its relevant commands and namespace changes, or null. It depends on the
 * line alone, so it is computed once per parsed line.
 */
export type LineFacts = readonly LineStep[] | null;

/** Roles of the handlers the script checks follow even when they mention no name. */
const FOLLOWED: ReadonlySet<HandlerRole> = new Set<HandlerRole>(['namespace', 'leave-namespace', 'launch', 'flush', 'namespace-hosts', 'read']);

/** The `exit` step (shared: steps are immutable). */
const EXIT: NamespaceStep = { kind: 'exit' };

/** Collects a line's steps: the commands followed or naming something, and the namespace changes. */
class StepCollector implements ChainWalker {
  private line!: Line;
  private steps: LineStep[] | null = null;

  /** The steps of a line's command chain, null when none. */
  collect(line: Line): LineFacts {
    this.line = line;
    this.steps = null;
    walkChain(line, this);
    return this.steps;
  }
  onCommand(level: number, handler: HandlerSpec): void {
    const c = commandAt(this.line.command, level)!;
    const followed = handler.role !== undefined && FOLLOWED.has(handler.role);
    if (followed || mayName(c)) (this.steps ??= []).push(new LazyFact(this.line, c, handler.id, isRefused(this.line, c)));
  }
  onStep(kind: StepKind, name: string | undefined): void {
    (this.steps ??= []).push(kind === 'exit' ? EXIT : kind === 'leave' ? { kind, name } : { kind, name: name! });
  }
}

/**
 * Replays lines' steps, tracking the active namespace as minimega does, and
 * calls `visit` for each command with the namespace it runs in.
 */
export function replaySteps(steps: ArrayLike<readonly LineStep[] | null>, visit: (fact: CommandFact, lineIndex: number, namespace: string) => void): void {
  const active = new ActiveNamespace();
  for (let i = 0; i < steps.length; i++) {
    const line = steps[i];
    if (!line) continue;
    for (let k = 0; k < line.length; k++) {
      const step = line[k]!;
      if (step.kind === 'command') visit(step, i, active.name);
      else active.apply(step);
    }
  }
}

/** Lines' facts, worked out once per parsed line (lines are shared, and immutable). */
export class LineFactsTable {
  private readonly known = new WeakMap<Line, LineFacts>();
  // One collector for every line: nothing it calls works out facts in turn.
  private readonly collector = new StepCollector();

  /** The facts of one line. */
  of(line: Line): LineFacts {
    // Comments, blank lines and lines that match nothing have none: no entry for them.
    if (line.handlerAt(0) === undefined) return null;
    const hit = this.known.get(line);
    if (hit !== undefined) return hit;
    const facts = this.collector.collect(line);
    this.known.set(line, facts);
    return facts;
  }
}

/** A command fact whose sites are worked out when first asked for (opening a file needs few). */
class LazyFact implements CommandFact {
  readonly kind = 'command';
  private found: readonly LineSite[] | undefined;
  constructor(
    private readonly line: Line,
    readonly command: Command,
    readonly id: string,
    readonly refused: boolean,
  ) {}
  get sites(): readonly LineSite[] {
    return (this.found ??= commandSites({ command: this.command, line: this.line, lineIndex: 0, namespace: '' }));
  }
}

/** Whether a diagnostic of the line (a value check) falls on the command's own words: minimega would refuse the command. */
export function isRefused(line: Line, c: Command): boolean {
  const diagnostics = line.diagnostics;
  // Most lines have none.
  if (diagnostics.length === 0) return false;
  const first = c.words[0];
  const last = c.words[c.words.length - 1];
  if (!first || !last) return false;
  const from = first.range.start.character;
  const to = last.range.end.character;
  return diagnostics.some((d) => d.range.start.character >= from && d.range.start.character < to);
}

/** A site moved to its line and namespace. */
export function placeSite(s: NameSite, line: number, namespace: string): NameSite {
  // One literal, no spread: an index places every site of a document.
  return {
    kind: s.kind,
    name: s.name,
    range: { start: { line, character: s.range.start.character }, end: { line, character: s.range.end.character } },
    definition: s.definition,
    exact: s.exact,
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
  /**
   * Whether ranges of this kind were left out, their names past the index's
   * MAX_INDEXED_RANGE_NAMES: a name may then have mentions the index lacks.
   */
  rangesLeftOut(kind: NameKind): boolean;
}

/** Builds the index of a whole script (`facts` tells each line's). */
export function buildNameIndex(script: ScriptLines, facts: LineFactsTable): NameIndex {
  return buildNameIndexFromFacts(script.lines.map((l) => facts.of(l)));
}

/**
 * Builds the index from lines' facts (the server keeps them per line). The
 * names of range items are listed here, MAX_INDEXED_RANGE_NAMES of each kind
 * at most (a launch's VMs do not crowd out the hosts): a range that would go
 * past them is left out (the index says so), so a few short lines of
 * `x[1-1000000]` cost the index nothing, not millions of sites at every edit.
 */
export function buildNameIndexFromFacts(facts: ArrayLike<LineFacts>): NameIndex {
  const sites: NameSite[] = [];
  const listed = new Map<NameKind, number>();
  const leftOut = new Set<NameKind>();
  replaySteps(facts, (f, lineIndex, namespace) => {
    for (const s of f.sites) {
      if (!isRangeSite(s)) {
        sites.push(placeSite(s, lineIndex, namespace));
        continue;
      }
      const n = (listed.get(s.kind) ?? 0) + s.count;
      if (n > MAX_INDEXED_RANGE_NAMES) leftOut.add(s.kind);
      else {
        listed.set(s.kind, n);
        placeRange(s, lineIndex, namespace, sites);
      }
    }
  });
  return createNameIndex(sites, leftOut);
}

/** Adds the sites of a range item's names, moved to their line and namespace (one range for all). */
function placeRange(s: RangeSite, line: number, namespace: string, out: NameSite[]): void {
  const range = { start: { line, character: s.range.start.character }, end: { line, character: s.range.end.character } };
  for (const name of rangeNames(s)) out.push({ kind: s.kind, name, range, definition: s.definition, exact: false, namespace });
}

/**
 * Builds an index over sites that are already known (for instance merged
 * from several files); `leftOut` the kinds of which ranges were left out.
 */
export function createNameIndex(sites: readonly NameSite[], leftOut: ReadonlySet<NameKind> = new Set()): NameIndex {
  const byLine = new Map<number, NameSite[]>();
  // By kind, then name (in order of first mention); no key strings to build for every site.
  const byName = new Map<NameKind, Map<string, NameSite[]>>();
  for (let i = 0; i < sites.length; i++) {
    const s = sites[i]!;
    const onLine = byLine.get(s.range.start.line);
    if (onLine) onLine.push(s);
    else byLine.set(s.range.start.line, [s]);
    let named = byName.get(s.kind);
    if (!named) byName.set(s.kind, (named = new Map()));
    const same = named.get(s.name);
    if (same) same.push(s);
    else named.set(s.name, [s]);
  }
  const none: readonly NameSite[] = [];
  const lookup = (kind: NameKind, name: string): readonly NameSite[] => byName.get(kind)?.get(name) ?? none;
  const kindNames = new Map<NameKind, readonly string[]>();
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
    names(kind) {
      let names = kindNames.get(kind);
      if (!names) kindNames.set(kind, (names = [...(byName.get(kind)?.keys() ?? [])]));
      return names;
    },
    rangesLeftOut: (kind) => leftOut.has(kind),
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
