// Numbers in messages and help grouped by three without the ICU (language/text.ts groupThousands):
// the same text toLocaleString('en-US') gives, for whole numbers of every length and sign.
import { describe, expect, it } from 'vitest';
import { groupThousands } from '../../language/index.js';

describe('groupThousands', () => {
  it('writes whole numbers as en-US does', () => {
    const numbers = [0, 7, 42, 999, 1000, 10_000, 65_535, 100_000, 999_999, 1_000_000, 12_345_678, 2 ** 31, Number.MAX_SAFE_INTEGER];
    for (const n of [...numbers, ...numbers.slice(1).map((x) => -x)]) expect(groupThousands(n)).toBe(n.toLocaleString('en-US'));
  });

  it('drops a fraction rather than grouping its digits', () => {
    expect(groupThousands(1234.5678)).toBe('1,234');
  });
});
