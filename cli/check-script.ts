/**
 * One script's lines and own problems as `mm check` reads them. Lines are
 * parsed as the language server parses them, each at line 0: a line whose
 * text came before is the very same object, so a long script costs a
 * reference per line, not a line moved to its number (and its ranges, made
 * and then collected) per line. Only the problems are placed on their lines.
 * Lines of a shape seen before are built only as far as they are read
 * (`lazy`): most are asked for their problems and handlers only.
 */
import {
  AliasMap,
  diagnosticOnLine,
  lineSlices,
  orderDiagnostics,
  type AliasTable,
  type Diagnostic,
  type LanguageService,
  type Line,
} from '../language/index.js';

/** The lines of `text`, `lines[i]` being line i (its nodes hold line 0); `aliases` are in force before the first line (`.alias` lines change them for the lines after). */
export function parseForCheck(language: LanguageService, text: string, aliases?: AliasTable): Line[] {
  const table = new AliasMap(aliases ?? []);
  const out: Line[] = [];
  // In slices: what parsing a slice makes and drops (the texts of repeated lines, lexed lines)
  // is let go young, not carried through the whole script into the old generation.
  for (const texts of lineSlices(text, SLICE_LINES)) {
    const lines = language.parseLines(texts, table, { numbered: false, lazy: true });
    for (let i = 0; i < lines.length; i++) out.push(lines[i]!);
  }
  return out;
}

/** Lines parsed at a time. */
const SLICE_LINES = 2048;

/**
 * Every problem of a script in the order `orderDiagnostics` gives
 * `[...before, ...each line's own, ...after]`: by line, then column, ties in
 * that order. `before` and `after` are on their lines already and come in
 * line order (as decoding and the script checks make them); each line's own
 * problems are moved from line 0 to the line's index.
 */
export function placeInOrder(lines: readonly Line[], before: readonly Diagnostic[], after: readonly Diagnostic[]): Diagnostic[] {
  if (!byLine(before) || !byLine(after)) return orderDiagnostics([...before, ...placed(lines), ...after]);
  const out: Diagnostic[] = [];
  let b = 0;
  let a = 0;
  for (let i = 0; i < lines.length; i++) {
    const own = lines[i]!.diagnostics;
    // Most lines have no problem and nothing from the other lists.
    if (own.length === 0 && !at(before, b, i) && !at(after, a, i)) continue;
    const from = out.length;
    for (; at(before, b, i); b++) out.push(before[b]!);
    for (const d of own) out.push(diagnosticOnLine(d, i));
    for (; at(after, a, i); a++) out.push(after[a]!);
    if (out.length - from > 1) sortTail(out, from);
  }
  // Past the last line (none in practice): in order still.
  if (b < before.length || a < after.length) return orderDiagnostics([...out, ...before.slice(b), ...after.slice(a)]);
  return out;
}

const at = (list: readonly Diagnostic[], k: number, line: number): boolean => k < list.length && list[k]!.range.start.line === line;

function byLine(list: readonly Diagnostic[]): boolean {
  for (let k = 1; k < list.length; k++) if (list[k]!.range.start.line < list[k - 1]!.range.start.line) return false;
  return true;
}

/** Orders `out[from..]` (one line's problems) by column, keeping ties in order (the sort is stable). */
function sortTail(out: Diagnostic[], from: number): void {
  const group = out.slice(from).sort((x, y) => x.range.start.character - y.range.start.character);
  for (let k = 0; k < group.length; k++) out[from + k] = group[k]!;
}

function placed(lines: readonly Line[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (let i = 0; i < lines.length; i++) for (const d of lines[i]!.diagnostics) out.push(diagnosticOnLine(d, i));
  return out;
}
