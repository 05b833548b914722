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

/** A line's own problems (on line 0), by line index; null or empty when it has none. */
export type OwnProblems = (line: number) => readonly Diagnostic[] | null;

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
  if (!byLine(before) || !byLine(after)) return placeBySorting(lineCount, own, before, after, bases);
  const out: Diagnostic[] = [];
  const from: Diagnostic[] | undefined = bases ? [] : undefined;
  let b = 0;
  let a = 0;
  for (let i = 0; i < lineCount; i++) {
    const mine = own(i);
    const none = mine === null || mine.length === 0;
    // Most lines have no problem and nothing from the other lists.
    if (none && !at(before, b, i) && !at(after, a, i)) continue;
    const start = out.length;
    for (; at(before, b, i); b++) push(out, from, before[b]!, before[b]!);
    if (!none) for (const d of mine) push(out, from, diagnosticOnLine(d, i), d);
    for (; at(after, a, i); a++) push(out, from, after[a]!, after[a]!);
    if (out.length - start > 1) sortTail(out, from, start);
  }
  // Past the last line (none in practice): in order still.
  if (b < before.length || a < after.length) return placeBySorting(lineCount, own, before, after, bases);
  if (bases && from) for (const d of from) bases.push(d);
  return out;
}

function push(out: Diagnostic[], from: Diagnostic[] | undefined, placed: Diagnostic, base: Diagnostic): void {
  out.push(placed);
  from?.push(base);
}

const at = (list: readonly Diagnostic[], k: number, line: number): boolean => k < list.length && list[k]!.range.start.line === line;

function byLine(list: readonly Diagnostic[]): boolean {
  for (let k = 1; k < list.length; k++) if (list[k]!.range.start.line < list[k - 1]!.range.start.line) return false;
  return true;
}

/** Orders `out[start..]` (one line's problems) by column, keeping ties in order; `from` alongside. */
function sortTail(out: Diagnostic[], from: Diagnostic[] | undefined, start: number): void {
  const order = out
    .slice(start)
    .map((_d, k) => k)
    .sort((x, y) => out[start + x]!.range.start.character - out[start + y]!.range.start.character || x - y);
  const placed = order.map((k) => out[start + k]!);
  const bases = from && order.map((k) => from[start + k]!);
  for (let k = 0; k < order.length; k++) {
    out[start + k] = placed[k]!;
    if (from && bases) from[start + k] = bases[k]!;
  }
}

/** The same order by a sort of everything: for lists that are not in line order. */
function placeBySorting(lineCount: number, own: OwnProblems, before: readonly Diagnostic[], after: readonly Diagnostic[], bases?: Diagnostic[]): Diagnostic[] {
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
  const order = diagnosticOrder(all);
  if (bases) for (const i of order) bases.push(from[i]!);
  return order.map((i) => all[i]!);
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
