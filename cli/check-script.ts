/**
 * One script's lines and own problems as `mm check` reads them. Lines are
 * parsed as the language server parses them, each at line 0: a line whose
 * text came before is the very same object, so a long script costs a
 * reference per line, not a line moved to its number (and its ranges, made
 * and then collected) per line. Only the problems are placed on their lines.
 * Lines of a shape seen before are built only as far as they are read
 * (`lazy`): most are asked for their problems and handlers only.
 */
import { AliasMap, lineSlices, placeInOrder, type AliasTable, type Diagnostic, type LanguageService, type Line } from '../language/index.js';

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
 * Every problem of a script in order (`placeInOrder`): `before` and `after`
 * on their lines already, in line order (as decoding and the script checks
 * make them), and each line's own problems moved from line 0 to its index.
 */
export function problemsInOrder(lines: readonly Line[], before: readonly Diagnostic[], after: readonly Diagnostic[]): Diagnostic[] {
  return placeInOrder(lines.length, (i) => lines[i]!.diagnostics, before, after);
}
