import { describe, expect, it } from 'vitest';
import { compareRows, parseGoInt, sortedOrder } from '../../interpreter/render/sort.js';

/** Rows in the order `.sort` shows them. */
const sortRows = (rows: string[][]): string[][] => sortedOrder(rows, null).map((i) => rows[i]!);

const col = (values: string[]) => values.map((v) => [v]);
const flat = (rows: string[][]) => rows.map((r) => r[0]);

describe('row comparison (minicli 5.4)', () => {
  const chain = ['', '-1', '02', '+5', '9', '10', '1a', 'B', 'a', 'b'];

  it('orders the verified chain "" < -1 < 02 < +5 < 9 < 10 < 1a < B < a < b pairwise', () => {
    for (let i = 0; i + 1 < chain.length; i++) {
      expect(compareRows([chain[i]!], [chain[i + 1]!])).toBe(-1);
      expect(compareRows([chain[i + 1]!], [chain[i]!])).toBe(1);
    }
  });

  it('sorts the chain from reversed order', () => {
    expect(flat(sortRows(col([...chain].reverse())))).toEqual(chain);
  });

  it('sorts the observed examples', () => {
    expect(flat(sortRows(col(['s9', 's10', 'a', 'S2', 's1'])))).toEqual(['S2', 'a', 's1', 's10', 's9']);
    expect(flat(sortRows(col(['1024', '64', '128'])))).toEqual(['64', '128', '1024']);
    expect(flat(sortRows(col(['100', '9', '10'])))).toEqual(['9', '10', '100']);
    expect(flat(sortRows(col(['b9', 'B10', 'b100'])))).toEqual(['B10', 'b100', 'b9']);
  });

  it('compares column by column and stops at the first differing column', () => {
    expect(compareRows(['a', '2'], ['a', '10'])).toBe(-1);
    expect(compareRows(['b', '1'], ['a', '9'])).toBe(1);
    // 02 and 2 differ as strings but are equal integers: later columns are not consulted.
    expect(compareRows(['02', 'b'], ['2', 'a'])).toBe(0);
    expect(compareRows(['x'], ['x', 'y'])).toBe(0);
  });

  it('keeps equal rows in input order (stable)', () => {
    const rows = [
      ['2', 'first'],
      ['02', 'second'],
      ['+2', 'third'],
      ['1', 'zero'],
    ];
    expect(sortRows(rows).map((r) => r[1])).toEqual(['zero', 'first', 'second', 'third']);
  });

  it('compares integers over 64-bit range as strings', () => {
    expect(compareRows(['9223372036854775807'], ['10'])).toBe(1);
    // 2^63 does not parse, so it is compared by bytes: "9" > "1".
    expect(compareRows(['9223372036854775808'], ['10'])).toBe(1);
    expect(compareRows(['-9223372036854775808'], ['-9223372036854775807'])).toBe(-1);
    expect(compareRows(['1000000000000000000'], ['999999999999999999'])).toBe(1);
  });

  it('compares non-integers by code point, not UTF-16 unit', () => {
    expect(compareRows(['\uffff'], ['😀'])).toBe(-1);
    expect(compareRows(['😀'], ['\uffff'])).toBe(1);
    expect(compareRows(['é'], ['z'])).toBe(1);
  });
});

describe('parseGoInt (strconv.Atoi)', () => {
  it.each([
    ['0', 0],
    ['-0', -0],
    ['+5', 5],
    ['007', 7],
    ['-9223372036854775808', -9223372036854775808n],
    ['9223372036854775807', 9223372036854775807n],
  ])('parses %j', (s, v) => {
    expect(parseGoInt(s)).toEqual(v);
  });

  it.each(['', '+', '-', ' 1', '1 ', '1.0', '0x1', '١', '9223372036854775808', '1_000'])('rejects %j', (s) => {
    expect(parseGoInt(s)).toBeUndefined();
  });
});
