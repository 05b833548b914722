/**
 * Where things are in a script: zero-based lines and UTF-16 character
 * offsets, as editors (LSP) count them. The bottom of the language: the AST
 * and diagnostics both use these.
 */

/** Zero-based line and UTF-16 character offset, as LSP uses. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** Half-open source range. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Builds a range on one line from character offsets. */
export function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}
