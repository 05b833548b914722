// The CLI's long outputs given in parts: the process's writer encodes them into its kept buffer
// (cli/stdout-direct.ts), other outputs gather them into pieces (cli/cli-io.ts outputParts).
// Either way the bytes are the parts' UTF-8 in order, whatever the parts' sizes and characters.
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placedPart, printJson, type PlacedDiagnostic, type ReportPart } from '../../cli/check-report.js';
import { type CliIO, outputParts } from '../../cli/cli-io.js';
import { StdoutWriter } from '../../cli/stdout-direct.js';
import { suiteTempDir } from '../helpers/temp-dir.js';

const dir = suiteTempDir('mm-parts-');

/** Runs `use` with a writer on a fresh file; returns the file's bytes as UTF-8. */
function written(name: string, use: (w: StdoutWriter) => void): string {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  try {
    use(new StdoutWriter(fd));
  } finally {
    closeSync(fd);
  }
  return readFileSync(path, 'utf8');
}

/** Texts of every length from 0 to about 300 K characters, with one-, two-, three- and four-byte characters. */
function mixedTexts(count: number, seed: number): string[] {
  let s = seed;
  const next = (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
  const alphabet = ['a', 'Z', '\n', 'é', '€', '😀', ' ', '"'];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const kind = next(20);
    const length = kind === 0 ? 0 : kind === 1 ? 40_000 + next(260_000) : next(400);
    let t = '';
    for (let k = 0; k < length; k++) t += alphabet[next(alphabet.length)];
    out.push(t);
  }
  return out;
}

describe('StdoutWriter parts', () => {
  it('writes parts, writes and flushes in the order given, multi-byte characters across buffer ends included', () => {
    const texts = mixedTexts(600, 7);
    const expected: string[] = [];
    const got = written('mixed.txt', (w) => {
      texts.forEach((t, i) => {
        // Every seventh text goes through write, which first writes the parts before it; every fifth is a line.
        if (i % 7 === 3) w.write(t);
        else if (i % 5 === 1) w.line(t);
        else w.part(t);
        expected.push(i % 7 !== 3 && i % 5 === 1 ? `${t}\n` : t);
        if (i % 97 === 0) w.flush();
      });
      w.flush();
    });
    expect(got.length).toBe(expected.join('').length);
    expect(got).toBe(expected.join(''));
  });

  it('keeps parts until the buffer is full or flushed, and says when it wrote', () => {
    const path = join(dir, 'pending.txt');
    const fd = openSync(path, 'w');
    const w = new StdoutWriter(fd);
    try {
      expect(w.part('line one\n')).toBe(false);
      expect(readFileSync(path, 'utf8')).toBe('');
      const wrote: boolean[] = [];
      // 128 KB of parts (the buffer's first size): some part finds it full and writes it out.
      for (let i = 0; i < 20_000; i++) wrote.push(w.part('0123456789\n'));
      expect(wrote.filter(Boolean).length).toBeGreaterThan(0);
      const before = readFileSync(path, 'utf8').length;
      expect(before).toBeGreaterThan(0);
      expect(before).toBeLessThan(9 + 20_000 * 11);
      expect(w.flush()).toBe(true);
      expect(w.flush()).toBe(false);
      expect(readFileSync(path, 'utf8')).toBe(`line one\n${'0123456789\n'.repeat(20_000)}`);
    } finally {
      closeSync(fd);
    }
  });
});

describe('outputParts without a parts writer', () => {
  it('gathers parts into pieces for stdout, in order, and writes the rest at flush', () => {
    const calls: string[] = [];
    const io = { stdout: (t: string) => calls.push(t) } as unknown as CliIO;
    const out = outputParts(io);
    const texts = mixedTexts(300, 11);
    let reported = 0;
    texts.forEach((t, i) => {
      if (i % 3 === 0 ? out.line(t) : out.part(t)) reported++;
    });
    expect(reported).toBe(calls.length);
    out.flush();
    expect(out.flush()).toBe(false);
    expect(calls.join('')).toBe(texts.map((t, i) => (i % 3 === 0 ? `${t}\n` : t)).join(''));
    // Pieces, not one call per part.
    expect(calls.length).toBeLessThan(texts.length / 2);
  });

  it('uses the output’s own parts writer when it has one', () => {
    const parts = { part: () => false, line: () => false, flush: () => false };
    expect(outputParts({ stdout: () => {}, stdoutParts: parts } as unknown as CliIO)).toBe(parts);
  });
});

describe("mm check's JSON report, written an item at a time", () => {
  /** Problems with awkward texts: line feeds, quotes, backslashes, controls, multi-byte characters; some read from another file. */
  function problems(count: number): PlacedDiagnostic[] {
    const texts = mixedTexts(count, 5).map((t) => `${t.slice(0, 300)}\\"\u0001\r\t`);
    return texts.map((t, i) => ({
      file: i % 4 === 0 ? `dir/é ${i}.mm` : 'lab.mm',
      source: t,
      diagnostic: {
        code: 'match/bad-arguments',
        severity: i % 3 === 0 ? 'warning' : 'error',
        message: `invalid command: \`${t}\``,
        range: { start: { line: i, character: i % 7 }, end: { line: i, character: 1 + (i % 11) } },
      },
      ...(i % 5 === 2 ? { readFrom: { file: 'main.mm', line: i } } : {}),
    })) as PlacedDiagnostic[];
  }

  /** What the report was before: one JSON.stringify of every item. */
  function whole(found: readonly PlacedDiagnostic[]): string {
    const items = found.map(({ file, diagnostic: d, readFrom }) => ({
      file,
      range: d.range,
      severity: d.severity,
      code: d.code,
      message: d.message,
      ...(readFrom ? { readFrom: { file: readFrom.file, line: readFrom.line + 1 } } : {}),
    }));
    return `${JSON.stringify(items, null, 2)}\n`;
  }

  /** The problems in parts as `mm check` hands them over (a file's own, then its read files'), empty parts among them. */
  function parts(found: readonly PlacedDiagnostic[]): ReportPart[] {
    const third = Math.ceil(found.length / 3);
    return [placedPart([]), placedPart(found.slice(0, third)), placedPart([]), placedPart(found.slice(third, 2 * third)), placedPart(found.slice(2 * third))];
  }

  it.each([0, 1, 2, 300])('gives the bytes of JSON.stringify(items, null, 2) for %i problems, through the kept buffer and through pieces', (count) => {
    const found = problems(count);
    const direct = written(`report-${count}.json`, (w) => printJson({ stdout: w.write, stdoutParts: w } as unknown as CliIO, parts(found)));
    expect(direct).toBe(whole(found));
    const calls: string[] = [];
    printJson({ stdout: (t: string) => calls.push(t) } as unknown as CliIO, parts(found));
    expect(calls.join('')).toBe(whole(found));
    expect(JSON.parse(direct)).toHaveLength(count);
  });
});
