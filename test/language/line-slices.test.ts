import { describe, expect, it } from 'vitest';
import { lineSlices, splitLines } from '../../language/index.js';

describe('lineSlices', () => {
  const texts = ['', '\n', '\n\n', 'a', 'a\n', 'a\nb', 'a\r\nb\r\n', 'a\r', '\r', '\r\n', 'a\r\r\nb', 'x\n\ny\n\n', 'a\rb\n', '\n\r\n'];

  it.each(texts.map((t) => [JSON.stringify(t), t]))('cuts %s into the lines splitLines gives, in slices of the size asked', (_name, text) => {
    for (const size of [1, 2, 3, 100]) {
      const slices = [...lineSlices(text, size)];
      expect(slices.flat()).toEqual(splitLines(text));
      expect(slices.every((s) => s.length > 0 && s.length <= size)).toBe(true);
      expect(slices.slice(0, -1).every((s) => s.length === size)).toBe(true);
    }
  });

  it('a long file comes in full slices', () => {
    const text = Array.from({ length: 10_001 }, (_v, i) => `vm config memory ${i}`).join('\n');
    const slices = [...lineSlices(text, 4096)];
    expect(slices.map((s) => s.length)).toEqual([4096, 4096, 1809]);
    expect(slices.flat()).toEqual(splitLines(text));
  });
});
