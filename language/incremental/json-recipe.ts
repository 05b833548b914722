/**
 * The `mm parse` JSON of lines of one shape (describe.ts's view, encoded)
 * made by copying. A line of a shape differs from the others only in its
 * digits, and lexing and matching treat every digit alike (shape.ts): the
 * view of each is the same but for characters of its text copied into it
 * (its input, originals, arguments, and the text minicli's error quotes).
 * So the JSON of every line of the shape is the same constant pieces with
 * runs of the line's own text between them.
 *
 * Where those runs sit is found by describing the text with its digits
 * marked (marks.ts: the copying carries the marks along), and a recipe is
 * kept only when it gives back the JSON it was made from exactly.
 */
import type { Line } from '../ast.js';
import { changesAliases } from '../aliases.js';
import { describeLine } from '../describe.js';
import { markDigits, markedOffset } from './marks.js';
import { instantiate, type LineTemplate } from './template.js';

/** A shape's JSON line: `parts[0]`, text[starts[0], ends[0]), `parts[1]`, ... */
export interface JsonRecipe {
  readonly parts: readonly string[];
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** What `mm parse` says of every line of the shape: whether minicli accepts it. */
  readonly ok: boolean;
}

/** The `mm parse` JSON of one line, as JSON.stringify writes its view. */
export function lineJson(line: Line): string {
  return JSON.stringify(describeLine(line));
}

/**
 * The recipe of a template's JSON lines, or null when there is none: the
 * line defines aliases (it is then built, for its effect on the lines after
 * it), or copying does not give back the template's own JSON.
 */
export function createJsonRecipe(t: LineTemplate): JsonRecipe | null {
  const text = t.line.text;
  const marked = markDigits(text);
  if (marked === undefined || changesAliases(t.line)) return null;
  return fromMarked(lineJson(instantiate(t, marked, null)), lineJson(t.line), text, t.line.status !== 'error');
}

/**
 * The recipe of the JSON lines of a rejected shape, from its rejected
 * template (rejected-template.ts: the line, and the line built from its text
 * with the digits marked), or null when copying does not give back the
 * line's own JSON.
 */
export function createRejectedRecipe(line: Line, marked: Line): JsonRecipe | null {
  if (line.status !== 'error' || marked.status !== 'error') return null;
  return fromMarked(lineJson(marked), lineJson(line), line.text, false);
}

function fromMarked(json: string, own: string, text: string, ok: boolean): JsonRecipe | null {
  // The pieces are cut from the line's own JSON, which differs only in the marked
  // characters: the marked JSON is a two-byte string, and its pieces would be too.
  if (own.length !== json.length) return null;
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let from = 0;
  for (let p = 0; p < json.length; p++) {
    const q = markedOffset(json.charCodeAt(p), text);
    if (q < 0) continue;
    const last = ends.length - 1;
    // Consecutive digits of the text make one run.
    if (last >= 0 && from === p && ends[last] === q) ends[last] = q + 1;
    else {
      parts.push(own.slice(from, p));
      starts.push(q);
      ends.push(q + 1);
    }
    from = p + 1;
  }
  parts.push(own.slice(from));
  const recipe: JsonRecipe = { parts, starts, ends, ok };
  return recipeJson(recipe, text) === own ? recipe : null;
}

/**
 * The JSON line of `text` (of the recipe's shape), as one flat string: made
 * by `+`, it would be a tree of short pieces that every write of a line
 * repeated many times walks again.
 */
export function recipeJson(r: JsonRecipe, text: string): string {
  const parts = r.parts;
  const n = r.starts.length;
  const pieces = new Array<string>(2 * n + 1);
  pieces[0] = parts[0]!;
  for (let k = 0; k < n; k++) {
    pieces[2 * k + 1] = text.slice(r.starts[k]!, r.ends[k]!);
    pieces[2 * k + 2] = parts[k + 1]!;
  }
  return pieces.join('');
}
