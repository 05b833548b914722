/**
 * Rendering in chunks: whatever the chunking, the joined chunks are the text
 * the one-string renderers define (Go's tabwriter, `TrimSpace`).
 */
import { describe, expect, it } from 'vitest';
import { goTrimSpace } from '../../language/text.js';
import { mulberry32 } from '../../interpreter/random.js';
import { CHUNK_SIZE, collect } from '../../interpreter/render/chunks.js';
import { goSprintfNoArgs } from '../../interpreter/render/printf.js';
import { sortedOrder } from '../../interpreter/render/sort.js';
import { createTableLines } from '../../interpreter/render/table-lines.js';
import { arrayLines } from '../helpers/render-table.js';
import { textTableChunks } from '../../interpreter/render/table.js';
import { Tabwriter } from '../../interpreter/render/tabwriter.js';
import { trimChunks } from '../../interpreter/render/trim.js';

/** minicli's table through Go's tabwriter, line by line: the reference. */
function tabwriterTable(lines: readonly (readonly string[])[]): string {
  const tw = new Tabwriter({ minwidth: 5, tabwidth: 0, padding: 1, padchar: ' ' });
  for (const line of lines) tw.writeLine(line.map((c, j) => (j === 0 ? '' : '| ') + goSprintfNoArgs(c)));
  return tw.flush();
}

describe('trimChunks', () => {
  const next = mulberry32(7);
  const pick = <T>(xs: readonly T[]): T => xs[next() % xs.length]!;

  it('equals TrimSpace of the whole for any chunking, and yields no empty chunk', () => {
    const pieces = [' ', '\n', '\t', '\u00a0', '\u2003', 'a', 'bc', '😀', 'x y', '\r\n'];
    for (let round = 0; round < 2000; round++) {
      const chunks = Array.from({ length: next() % 8 }, () => Array.from({ length: next() % 5 }, () => pick(pieces)).join(''));
      const out = [...trimChunks(chunks)];
      expect(out.join('')).toBe(goTrimSpace(chunks.join('')));
      expect(out.every((c) => c !== '')).toBe(true);
    }
  });
});

describe('text tables in chunks', () => {
  const next = mulberry32(11);
  const cells = ['', 'a', 'bench', 'BUILDING', '[100]', '%d', '50%', 'x😀y', '😀', 'a much longer cell value', '12'];
  const randomTable = (rows: number, n: number): string[][] =>
    Array.from({ length: rows }, (_, i) => Array.from({ length: n }, (_, j) => (j === 0 ? String(i) : cells[next() % cells.length]!)));

  it('equals the tabwriter over several chunks, Printf verbs and surrogate pairs included', () => {
    for (const n of [1, 2, 5]) {
      const rows = randomTable(10_000, n);
      const chunks = [...textTableChunks(arrayLines(['id', 'b', 'c', 'd', 'e'].slice(0, n), rows, true))];
      if (n > 1) expect(chunks.length).toBeGreaterThan(1);
      expect(chunks.slice(0, -1).every((c) => c.length >= CHUNK_SIZE)).toBe(true);
      expect(chunks.join('')).toBe(tabwriterTable([['id', 'b', 'c', 'd', 'e'].slice(0, n), ...rows]));
    }
  });

  it('falls back to the tabwriter for cells with terminators and ragged lines', () => {
    const rows = [['a', 'x\ty'], ['b', '1\n2'], ['c']];
    expect(collect(textTableChunks(arrayLines(['h1', 'h2'], rows, true)))).toBe(tabwriterTable([['h1', 'h2'], ...rows]));
  });

  it('reads annotated, sorted lines in place as the copied rows would be', () => {
    const rows = randomTable(500, 3).map((r) => [r[1]!, r[0]!, r[2]!]);
    const hosts = rows.map(() => pick(['b', 'a', '10', '9']));
    const copies = rows.map((r, i) => [hosts[i]!, ...r]);
    const order = sortedOrder(rows, hosts);
    const lines = createTableLines({ header: ['host', 'x', 'id', 'y'], rows, leads: hosts, order });
    const expected = [...copies].sort((a, b) => {
      for (let k = 0; k < a.length; k++) {
        if (a[k] === b[k]) continue;
        const x = /^[+-]?\d+$/.test(a[k]!) && /^[+-]?\d+$/.test(b[k]!);
        if (x) return Number(a[k]) - Number(b[k]);
        return a[k]! < b[k]! ? -1 : 1;
      }
      return 0;
    });
    expect(collect(textTableChunks(lines))).toBe(tabwriterTable([['host', 'x', 'id', 'y'], ...expected]));
  });

  function pick<T>(xs: readonly T[]): T {
    return xs[next() % xs.length]!;
  }
});
