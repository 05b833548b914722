/**
 * The JSON of published diagnostics, made from pieces kept per diagnostic.
 * Every version of a long document publishes its whole list (2,000 problems
 * are about 600 KB of JSON), and from one version to the next almost all of
 * them are the same objects: a line's own problems are shared by every line
 * of that text and only moved to their line, and the script-level ones are
 * kept while no edit can change them. So each object's JSON, all but its
 * range, is made once and kept while the object lives; a publication joins
 * those pieces with the ranges written in.
 */
import type { Diagnostic, Range } from '../language/index.js';
import { toLspDiagnostic } from './lsp-util.js';
import { JsonPieces } from './lsp-writer.js';

/** Encodes diagnostics for publishing, remembering each one's JSON. */
export class DiagnosticsJson {
  /** By diagnostic: its LSP JSON after the range, from the comma on (`,"severity":1,...}`). */
  private readonly tails = new WeakMap<Diagnostic, string>();

  /**
   * The LSP diagnostics of `list`, in order, as pre-encoded JSON. `bases[i]`
   * is the object `list[i]` was placed from (the same but for its range),
   * whose JSON is the one kept.
   */
  encode(list: readonly Diagnostic[], bases: readonly Diagnostic[]): JsonPieces {
    const pieces: string[] = new Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const base = bases[i] ?? list[i]!;
      let tail = this.tails.get(base);
      if (tail === undefined) this.tails.set(base, (tail = tailOf(base)));
      pieces[i] = `{"range":${rangeJson(list[i]!.range)}${tail}`;
    }
    return new JsonPieces(pieces);
  }
}

/** What follows the range in a diagnostic's JSON, toLspDiagnostic's fields in its order. */
function tailOf(d: Diagnostic): string {
  const { range: _range, ...rest } = toLspDiagnostic(d);
  const json = JSON.stringify(rest);
  return json === '{}' ? '}' : `,${json.slice(1)}`;
}

function rangeJson(r: Range): string {
  return `{"start":{"line":${r.start.line},"character":${r.start.character}},"end":{"line":${r.end.line},"character":${r.end.character}}}`;
}
