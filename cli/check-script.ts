/**
 * One script's lines and own problems as `mm check` reads them. Lines are
 * parsed as the language server parses them, each at line 0: a line whose
 * text came before is the very same object, so a long script costs a
 * reference per line, not a line moved to its number (and its ranges, made
 * and then collected) per line. Only the problems are placed on their lines,
 * and only as they are printed. Lines of a shape seen before are built only
 * as far as they are read (`lazy`): most are asked for their problems and
 * handlers only.
 *
 * A line with problems that neither the script checks nor `read` following
 * look at is not kept: only its problems and its text are. A script of two
 * million distinct rejected lines would otherwise hold every line's words
 * and ranges until the report is printed, gigabytes of them.
 */
import {
  AliasMap,
  lineSlices,
  placeInOrder,
  visitInOrder,
  type AliasTable,
  type Diagnostic,
  type HandlerRole,
  type LanguageService,
  type Line,
} from '../language/index.js';

/** A script as `mm check` keeps it between parsing and reporting. */
export interface ScriptForCheck {
  /**
   * `lines[i]` is line i (its nodes hold line 0), except that a line with
   * problems that neither the script checks nor `read` following look at
   * (line 0 aside, which may be the directive) is one shared blank line,
   * which the checks pass over as they pass over the line it stands for.
   * Lines without problems are kept: they are cheap (a line of a shape seen
   * before is built only as far as it is read) and asking each whether it
   * could go costs more than it saves.
   */
  readonly lines: readonly Line[];
  /** The lines with problems of their own, in order: their indexes, problems (at line 0) and texts. */
  readonly own: SparseLines<readonly Diagnostic[]>;
  readonly ownTexts: readonly string[];
  /** Errors, warnings and problems in all among the lines' own problems. */
  readonly counts: ProblemCounts;
}

/**
 * Values for some lines of a script, in line order. Most lines of a script
 * have no problem, so the lines that have are listed rather than every line
 * given a slot (a slot filled for each line of a long script is work done
 * in code not yet optimised).
 */
export class SparseLines<T> {
  readonly lines: number[] = [];
  readonly values: T[] = [];
  /** Where the last lookup ended: lookups in line order cost nothing more. */
  private cursor = 0;

  add(line: number, value: T): void {
    this.lines.push(line);
    this.values.push(value);
  }

  /** The index in the lists of line `line`, or -1. */
  indexOf(line: number): number {
    const lines = this.lines;
    if (this.cursor > 0 && lines[this.cursor - 1]! >= line) this.cursor = 0;
    while (this.cursor < lines.length && lines[this.cursor]! < line) this.cursor++;
    return lines[this.cursor] === line ? this.cursor : -1;
  }

  at(line: number): T | undefined {
    const k = this.indexOf(line);
    return k < 0 ? undefined : this.values[k];
  }
}

/** How many problems, and how many of them errors and warnings. */
export interface ProblemCounts {
  errors: number;
  warnings: number;
  count: number;
}

/** Adds a list's problems to `counts`. */
export function countProblems(counts: ProblemCounts, list: readonly Diagnostic[]): void {
  counts.count += list.length;
  // Indexed: a `for of` in code not optimised yet makes an object per step, and this runs for
  // every line with problems.
  for (let i = 0; i < list.length; i++) {
    const severity = list[i]!.severity;
    if (severity === 'error') counts.errors++;
    else if (severity === 'warning') counts.warnings++;
  }
}

/** The text of line i of a script: a kept line's, or one with problems; '' for any other. */
export function lineText(script: ScriptForCheck, i: number): string {
  const k = script.own.indexOf(i);
  return k >= 0 ? script.ownTexts[k]! : (script.lines[i]?.text ?? '');
}

/**
 * Parses `text` for `mm check`; `aliases` are in force before the first line
 * (`.alias` lines change them for the lines after).
 */
export function parseForCheck(language: LanguageService, text: string, aliases?: AliasTable): ScriptForCheck {
  const table = new AliasMap(aliases ?? []);
  const lines: Line[] = [];
  const own = new SparseLines<readonly Diagnostic[]>();
  const ownTexts: string[] = [];
  const counts: ProblemCounts = { errors: 0, warnings: 0, count: 0 };
  let blank: Line | undefined;
  // In slices: what parsing a slice makes and drops (the texts of repeated lines, lexed lines,
  // the lines not kept) is let go young, not carried through the whole script into the old generation.
  for (const slice of lineSlices(text, SLICE_LINES)) {
    const parsed = language.parseLines(slice, table, { numbered: false, lazy: true });
    for (let k = 0; k < parsed.length; k++) {
      const line = parsed[k]!;
      const problems = line.diagnostics;
      if (problems.length === 0) {
        lines.push(line);
        continue;
      }
      const i = lines.length;
      own.add(i, problems);
      ownTexts.push(line.text);
      countProblems(counts, problems);
      if (i === 0 || !language.passedByChecks(line) || readsOrAliases(line)) lines.push(line);
      else lines.push((blank ??= language.parseLines([''], new Map(), { numbered: false, lazy: true })[0]!));
    }
  }
  return { lines, own, ownTexts, counts };
}

/** Lines parsed at a time. */
const SLICE_LINES = 2048;

/**
 * Whether any command of the line's chain defines or removes an alias, or
 * reads or writes a file: the lines `read` following looks at.
 */
export function readsOrAliases(line: Line): boolean {
  for (let level = 0; ; level++) {
    const handler = line.handlerAt(level);
    if (handler === undefined) return false;
    if (handler.role !== undefined && FOLLOWED.has(handler.role)) return true;
  }
}

const FOLLOWED: ReadonlySet<HandlerRole> = new Set<HandlerRole>(['alias', 'unalias', 'read', 'write']);

/**
 * Every problem of a script in order (`placeInOrder`): `before` and `after`
 * on their lines already, in line order (as decoding and the script checks
 * make them), and each line's own problems moved from line 0 to its index.
 */
export function problemsInOrder(script: ScriptForCheck, before: readonly Diagnostic[], after: readonly Diagnostic[]): Diagnostic[] {
  return placeInOrder(script.lines.length, (i) => script.own.at(i), before, after);
}

/**
 * What the report needs of a checked script: its problems and the texts of
 * their lines, not its lines (let go before the report is printed).
 */
export interface ScriptProblems {
  readonly lineCount: number;
  /** Errors, warnings and problems in all. */
  readonly counts: ProblemCounts;
  readonly own: SparseLines<readonly Diagnostic[]>;
  readonly ownTexts: readonly string[];
  readonly before: readonly Diagnostic[];
  readonly after: readonly Diagnostic[];
  /** The texts of the lines `before` and `after` are on. */
  readonly listedTexts: ReadonlyMap<number, string>;
}

/** A checked script's problems: `before` decoding's, `after` the script checks' (both on their lines, in line order). */
export function scriptProblems(script: ScriptForCheck, before: readonly Diagnostic[], after: readonly Diagnostic[]): ScriptProblems {
  const listedTexts = new Map<number, string>();
  for (const list of [before, after]) for (const d of list) listedTexts.set(d.range.start.line, lineText(script, d.range.start.line));
  const counts = { ...script.counts };
  countProblems(counts, before);
  countProblems(counts, after);
  return { lineCount: script.lines.length, counts, own: script.own, ownTexts: script.ownTexts, before, after, listedTexts };
}

/** The problems `problemsInOrder` lists, handed to `visit` one at a time with their line's text, placed only then. */
export function visitProblems(p: ScriptProblems, visit: (d: Diagnostic, source: string) => void): void {
  const text = (line: number): string => {
    const k = p.own.indexOf(line);
    return k >= 0 ? p.ownTexts[k]! : (p.listedTexts.get(line) ?? '');
  };
  visitInOrder(
    p.lineCount,
    (i) => p.own.at(i),
    p.before,
    p.after,
    (d) => visit(d, text(d.range.start.line)),
  );
}
