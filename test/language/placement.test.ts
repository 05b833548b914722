/**
 * placeInOrder (language/placement.ts): a script's problems merged in
 * orderDiagnostics' order, and for each the object it was placed from.
 */
import { describe, expect, it } from 'vitest';
import { orderDiagnostics, placeInOrder, type Diagnostic } from '../../language/index.js';

/** A small deterministic generator (tests need no more). */
function numbers(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

function problem(tag: string, line: number, character: number, data?: Record<string, string>): Diagnostic {
  const range = { start: { line, character }, end: { line, character: character + 2 } };
  return data
    ? { code: 'match/bad-arguments', severity: 'error', message: tag, range, data }
    : { code: 'match/bad-arguments', severity: 'error', message: tag, range };
}

describe('placeInOrder', () => {
  it('orders as orderDiagnostics does and names what each problem was placed from', () => {
    const rand = numbers(11);
    for (let round = 0; round < 300; round++) {
      const lineCount = 1 + rand(25);
      // Own problems on line 0, some lines sharing one array (a repeated text shares its line).
      const shared = [problem('shared-b', 0, 6), problem('shared-a', 0, 2, { suggestion: 'x' })];
      const own = Array.from({ length: lineCount }, (_, i) => {
        const k = rand(4);
        if (k === 0) return null;
        if (k === 1) return shared;
        return Array.from({ length: rand(3) }, (_, j) => problem(`own${i}.${j}`, 0, rand(4) * 3));
      });
      const listed = (tag: string): Diagnostic[] =>
        Array.from({ length: rand(6) }, (_, k) => problem(`${tag}${k}`, rand(lineCount + 1), rand(4) * 3)).sort(
          (a, b) => a.range.start.line - b.range.start.line,
        );
      const before = listed('before');
      const after = rand(5) === 0 ? listed('after').reverse() : listed('after');
      const placedOwn = own.flatMap((ds, i) =>
        (ds ?? []).map((d) => ({
          ...d,
          range: { start: { line: i, character: d.range.start.character }, end: { line: i, character: d.range.end.character } },
        })),
      );

      const bases: Diagnostic[] = [];
      const got = placeInOrder(lineCount, (i) => own[i]!, before, after, bases);
      expect(got).toEqual(orderDiagnostics([...before, ...placedOwn, ...after]));
      expect(bases).toHaveLength(got.length);
      for (let i = 0; i < got.length; i++) {
        const base = bases[i]!;
        // The base is the problem itself (before, after) or a line's own problem on line 0, the same but for its line.
        if (base === got[i]) expect([...before, ...after]).toContain(base);
        else {
          expect(own[got[i]!.range.start.line]).toContain(base);
          expect({ ...base, range: got[i]!.range }).toEqual(got[i]);
        }
      }
      // Without `bases`, the same list.
      expect(placeInOrder(lineCount, (i) => own[i]!, before, after)).toEqual(got);
    }
  });

  it('places nothing for a clean script, and problems past the last line still in order', () => {
    expect(placeInOrder(3, () => null, [], [])).toEqual([]);
    const late = problem('late', 9, 0);
    const bases: Diagnostic[] = [];
    expect(placeInOrder(2, (i) => (i === 1 ? [problem('own', 0, 1)] : null), [], [late], bases).map((d) => d.message)).toEqual(['own', 'late']);
    expect(bases.map((d) => d.message)).toEqual(['own', 'late']);
  });
});
