/**
 * Placing a script's problems in order. A line's own problems are made on
 * line 0 (a text's line is shared by every line holding that text); the
 * problems of decoding and of the script checks come already on their lines,
 * in line order. Both `mm check` and the language server list them by line,
 * then column, ties in the order `[...before, ...each line's own, ...after]`
 * (`orderDiagnostics`' order): a merge, not a sort of the whole list, since a
 * long script has thousands of problems and a sort of them in code that has
 * not been optimised yet was about 10 ms of a long document's first publications.
 */
import { diagnosticOnLine, type Diagnostic } from './diagnostic.js';

/** A line's own problems (on line 0), by line index; null, undefined or empty when it has none. */
export type OwnProblems = (line: number) => readonly Diagnostic[] | null | undefined;

/**
 * Every problem of a script of `lineCount` lines in order: `before` and
 * `after` (on their lines), and each line's own (`own(i)`, moved to line i).
 * `bases`, when given, receives for each problem in the result the object it
 * was placed from (a line's own problem on line 0, or the problem itself).
 */
export function placeInOrder(
  lineCount: number,
  own: OwnProblems,
  before: readonly Diagnostic[],
  after: readonly Diagnostic[],
  bases?: Diagnostic[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  visitInOrder(lineCount, own, before, after, bases ? (d, base) => (out.push(d), bases.push(base)) : (d) => out.push(d));
  return out;
}

/**
 * The problems `placeInOrder` lists, handed to `visit` one at a time with the
 * object each was placed from, nothing kept: `mm check` places a long
 * script's problems only as it prints them. `visit` returning `false` stops
 * the walk (the language server publishes only so many).
 */
export function visitInOrder(
  lineCount: number,
  own: OwnProblems,
  before: readonly Diagnostic[],
  after: readonly Diagnostic[],
  visit: (placed: Diagnostic, base: Diagnostic) => unknown,
): void {
  if (!mergeable(before, lineCount) || !mergeable(after, lineCount)) {
    visitSorted(lineCount, own, before, after, visit);
    return;
  }
  // One line's problems when it has several (ordered by column before they are visited).
  const line: Diagnostic[] = [];
  const lineBases: Diagnostic[] = [];
  let b = 0;
  let a = 0;
  for (let i = 0; i < lineCount; i++) {
    const mine = own(i);
    const none = mine === null || mine === undefined || mine.length === 0;
    // Most lines have no problem and nothing from the other lists.
    if (none && !at(before, b, i) && !at(after, a, i)) continue;
    if (none && !at(before, b + 1, i) && !at(after, a, i)) {
      if (visit(before[b]!, before[b++]!) === false) return;
      continue;
    }
    if (!none && mine.length === 1 && !at(before, b, i) && !at(after, a, i)) {
      if (visit(diagnosticOnLine(mine[0]!, i), mine[0]!) === false) return;
      continue;
    }
    line.length = 0;
    lineBases.length = 0;
    for (; at(before, b, i); b++) push(line, lineBases, before[b]!, before[b]!);
    if (!none) for (const d of mine) push(line, lineBases, diagnosticOnLine(d, i), d);
    for (; at(after, a, i); a++) push(line, lineBases, after[a]!, after[a]!);
    for (const k of columnOrder(line)) if (visit(line[k]!, lineBases[k]!) === false) return;
  }
}

function push(out: Diagnostic[], from: Diagnostic[], placed: Diagnostic, base: Diagnostic): void {
  out.push(placed);
  from.push(base);
}

const at = (list: readonly Diagnostic[], k: number, line: number): boolean => k < list.length && list[k]!.range.start.line === line;

/** Whether a list can be merged line by line: in line order, every line within the script (checked first, as nothing visited can be taken back). */
function mergeable(list: readonly Diagnostic[], lineCount: number): boolean {
  if (list.length === 0) return true;
  if (list[0]!.range.start.line < 0 || list[list.length - 1]!.range.start.line >= lineCount) return false;
  for (let k = 1; k < list.length; k++) if (list[k]!.range.start.line < list[k - 1]!.range.start.line) return false;
  return true;
}

/** The indexes of one line's problems by column, ties in order. */
function columnOrder(line: readonly Diagnostic[]): number[] {
  return line.map((_d, k) => k).sort((x, y) => line[x]!.range.start.character - line[y]!.range.start.character || x - y);
}

/** The same order by a sort of everything: for lists that are not in line order. */
function visitSorted(
  lineCount: number,
  own: OwnProblems,
  before: readonly Diagnostic[],
  after: readonly Diagnostic[],
  visit: (placed: Diagnostic, base: Diagnostic) => unknown,
): void {
  const all: Diagnostic[] = [...before];
  const from: Diagnostic[] = [...before];
  for (let i = 0; i < lineCount; i++) {
    for (const d of own(i) ?? []) {
      all.push(diagnosticOnLine(d, i));
      from.push(d);
    }
  }
  for (const d of after) {
    all.push(d);
    from.push(d);
  }
  for (const i of diagnosticOrder(all)) if (visit(all[i]!, from[i]!) === false) return;
}

/**
 * Orders diagnostics by position (line, then column), keeping the given
 * order for ties. `mm check` and the language server both use it, so the two
 * list the same problems in the same order.
 */
export function orderDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnosticOrder(diagnostics).map((i) => diagnostics[i]!);
}

/** The indexes of `diagnostics` in `orderDiagnostics`' order (for a list kept alongside). */
function diagnosticOrder(diagnostics: readonly Diagnostic[]): number[] {
  const d = (i: number): Diagnostic => diagnostics[i]!;
  return diagnostics
    .map((_d, i) => i)
    .sort((a, b) => d(a).range.start.line - d(b).range.start.line || d(a).range.start.character - d(b).range.start.character || a - b);
}
