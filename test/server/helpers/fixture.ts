/**
 * Inline fixtures with markers: `<|>` is a cursor, `<|text|>` a range around
 * `text`. Markers are removed from the text; positions are LSP positions.
 */
import type { Position, Range } from 'vscode-languageserver-protocol';

/** A fixture's text and its marked positions and ranges, in order. */
export interface Fixture {
  readonly text: string;
  readonly cursors: Position[];
  readonly ranges: Range[];
}

/** Parses the markers out of `source`. */
export function fixture(source: string): Fixture {
  const cursors: Position[] = [];
  const ranges: Range[] = [];
  let text = '';
  let line = 0;
  let character = 0;
  let open: Position | undefined;
  for (let i = 0; i < source.length; ) {
    if (source.startsWith('<|>', i)) {
      cursors.push({ line, character });
      i += 3;
    } else if (source.startsWith('<|', i)) {
      open = { line, character };
      i += 2;
    } else if (source.startsWith('|>', i) && open) {
      ranges.push({ start: open, end: { line, character } });
      open = undefined;
      i += 2;
    } else {
      const c = source[i]!;
      text += c;
      if (c === '\n') {
        line++;
        character = 0;
      } else character++;
      i++;
    }
  }
  return { text, cursors, ranges };
}

/** A file URI under a fake folder, unique per test. */
export function testUri(name: string): string {
  return `file:///tmp/mm-lsp-tests/${name}`;
}
