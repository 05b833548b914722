/**
 * What the features ask of a document, computed once per version and only
 * when asked: its diagnostics (the same list `mm check` prints) and its
 * names index, alone or merged with the files it reads.
 */
import {
  type ChecksMemo,
  Codes,
  createDiagnostic,
  type Diagnostic,
  buildNameIndexFromFacts,
  createNameIndex,
  type NameIndex,
  type NameSite,
  visitInOrder,
} from '../language/index.js';
import type { LineDocument } from './documents.js';
import type { Settings } from './settings.js';
import type { ReadFile, Workspace } from './workspace.js';

/** Names of a document and of the files it reads. */
export interface NameScope {
  /** The document's own index. */
  readonly local: NameIndex;
  /** The files it reads, with their indexes. */
  readonly files: readonly { readonly uri: string; readonly index: NameIndex; readonly line: number }[];
  /** Everything merged (for completion). */
  readonly merged: NameIndex;
}

/**
 * Problems published for one document at most. A script of hundreds of
 * thousands of rejected lines would otherwise send hundreds of megabytes of
 * JSON with every version (and the editor keep them all); past the limit one
 * more diagnostic, where the first problem left out is, says how many more
 * there are. `mm check` lists every one.
 */
export const MAX_PUBLISHED_DIAGNOSTICS = 10_000;

/** Derived data of one document version. */
export interface Analysis {
  readonly doc: LineDocument;
  diagnostics(): readonly Diagnostic[];
  /**
   * For each of `diagnostics()`, the object it was placed from (a line's own
   * problem, on line 0 and shared by every line of that text), or itself: the
   * same but for its range. Publishing encodes each such object once.
   */
  bases(): readonly Diagnostic[];
  names(): NameIndex;
  scope(): NameScope;
}

/** Caches analyses per document version and settings. */
export interface AnalysisCache {
  get(doc: LineDocument): Analysis;
  /** Forgets everything (settings changed, files changed). */
  clear(): void;
  forget(uri: string): void;
}

/** Creates the cache; `settings` is read on each computation. */
export function createAnalysisCache(workspace: Workspace, settings: () => Settings): AnalysisCache {
  const cache = new Map<string, { version: number; analysis: Analysis }>();
  // The last script-level diagnostics per document, kept across versions while the document's `checksStamp`
  // holds: an edit the checks pass over needs no replay of the whole document, only the line moves since
  // (`checksShifts`, of which `shifts` are applied). Not kept when a file's existence was asked (files come
  // and go between versions).
  const checked = new Map<string, { doc: LineDocument; stamp: object; severity: string; diagnostics: readonly Diagnostic[]; shifts: number }>();
  // What the last replay of each document kept, for the next one to resume from.
  const memos = new Map<string, ChecksMemo>();
  const scriptDiagnostics = (doc: LineDocument, severity: Settings['checks']['severity']): readonly Diagnostic[] => {
    if (severity === 'off') return [];
    const hit = checked.get(doc.uri);
    if (hit && hit.doc === doc && hit.stamp === doc.checksStamp && hit.severity === severity) {
      const moves = doc.checksShifts;
      for (; hit.shifts < moves.length; hit.shifts++)
        hit.diagnostics = doc.language.shiftChecks(hit.diagnostics, moves[hit.shifts]!.at, moves[hit.shifts]!.delta);
      return hit.diagnostics;
    }
    let asked = false;
    const fileExists = (p: string): boolean => {
      asked = true;
      return workspace.exists(doc.uri, p);
    };
    // The replay resumes from the last run's stop before the first changed line (checks-state.ts).
    const { diagnostics, memo } = doc.language.recheckLines(doc.lines, { severity, fileExists }, memos.get(doc.uri));
    memos.set(doc.uri, memo);
    if (asked) checked.delete(doc.uri);
    else checked.set(doc.uri, { doc, stamp: doc.checksStamp, severity, diagnostics, shifts: doc.checksShifts.length });
    return diagnostics;
  };
  const fileIndexes = new WeakMap<object, NameIndex>();
  const indexOf = (f: ReadFile): NameIndex => {
    let ix = fileIndexes.get(f.key);
    if (!ix) fileIndexes.set(f.key, (ix = buildNameIndexFromFacts(f.facts)));
    return ix;
  };
  const create = (doc: LineDocument): Analysis => {
    let diags: readonly Diagnostic[] | undefined;
    let from: readonly Diagnostic[] = [];
    let names: NameIndex | undefined;
    let scope: NameScope | undefined;
    const analysis: Analysis = {
      doc,
      diagnostics() {
        if (diags) return diags;
        const script = scriptDiagnostics(doc, settings().checks.severity);
        const byLine = doc.lineDiagnostics;
        const placed: Diagnostic[] = [];
        const bases: Diagnostic[] = [];
        visitInOrder(
          byLine.length,
          (i) => byLine[i]!,
          [],
          script,
          (d, base) => {
            if (placed.length === MAX_PUBLISHED_DIAGNOSTICS) {
              const more = countProblems(byLine, script) - placed.length;
              placed.push(tooMany(more, d));
              bases.push(placed[placed.length - 1]!);
              return false;
            }
            placed.push(d);
            bases.push(base);
            return true;
          },
        );
        diags = placed;
        from = bases;
        return diags;
      },
      bases() {
        analysis.diagnostics();
        return from;
      },
      names() {
        return (names ??= buildNameIndexFromFacts(doc.facts));
      },
      scope() {
        if (scope) return scope;
        const local = analysis.names();
        const files = workspace.readFiles(doc.uri, doc.facts).map((f) => ({ uri: f.uri, index: indexOf(f), line: f.line }));
        const all: NameSite[] = [...local.sites];
        for (const f of files) for (const s of f.index.sites) all.push(s);
        return (scope = { local, files, merged: files.length === 0 ? local : createNameIndex(all) });
      },
    };
    return analysis;
  };
  return {
    get(doc) {
      const hit = cache.get(doc.uri);
      if (hit && hit.analysis.doc === doc && hit.version === doc.version) return hit.analysis;
      const analysis = create(doc);
      cache.set(doc.uri, { version: doc.version, analysis });
      return analysis;
    },
    clear() {
      cache.clear();
      checked.clear();
      memos.clear();
    },
    forget(uri) {
      cache.delete(uri);
      checked.delete(uri);
      memos.delete(uri);
    },
  };
}

/** Problems of a document in all: its lines' own and the script checks'. */
function countProblems(byLine: readonly (readonly Diagnostic[] | null)[], script: readonly Diagnostic[]): number {
  let n = script.length;
  for (const list of byLine) n += list?.length ?? 0;
  return n;
}

/** The diagnostic standing for the `more` problems left out, the first of which is `first`. */
function tooMany(more: number, first: Diagnostic): Diagnostic {
  return createDiagnostic(
    Codes.tooManyProblems,
    'info',
    `${more} more ${more === 1 ? 'problem from here on is' : 'problems from here on are'} not shown (at most ${MAX_PUBLISHED_DIAGNOSTICS} a document; \`mm check\` lists them all)`,
    first.range,
  );
}
