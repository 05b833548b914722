/**
 * `mm check`'s own pipeline (cli/check-script.ts, check-files.ts): parsing
 * in slices with every line at line 0 and placing the problems afterwards
 * must give what the language's whole-script parse gives, and the native
 * UTF-8 test must agree with the byte walk it spares.
 */
import { describe, expect, it } from 'vitest';
import { createLanguageService, orderDiagnostics, splitLines, type Diagnostic } from '../../language/index.js';
import { parseForCheck, problemsInOrder } from '../../cli/check-script.js';
import { decodeScript } from '../../cli/check-files.js';
import { mulberry32 } from '../../interpreter/random.js';
import { realisticScript } from '../../bench/realistic-script.js';

describe('mm check parses as the whole-script parse does', () => {
  const language = createLanguageService();

  const viaWholeScript = (text: string): Diagnostic[] => {
    const { script, diagnostics } = language.parseScript(text);
    return orderDiagnostics([...diagnostics, ...language.checkScript(script)]);
  };
  const viaCheck = (text: string): Diagnostic[] => {
    const lines = parseForCheck(language, text);
    return problemsInOrder(lines, [], language.checkLines(lines));
  };
  // Only what mm check prints of a diagnostic.
  const shown = (ds: Diagnostic[]) => ds.map(({ code, severity, message, range }) => ({ code, severity, message, range }));

  it('on a realistic script several slices long', () => {
    const text = realisticScript(9000, 5);
    const want = shown(viaWholeScript(text));
    language.clearCaches();
    expect(shown(viaCheck(text))).toEqual(want);
    expect(want.length).toBeGreaterThan(100);
  });

  it('with aliases defined in one slice and used in later ones', () => {
    const lines: string[] = ['.alias vl = vm launch kvm'];
    for (let i = 0; i < 5000; i++) {
      if (i % 1000 === 500) lines.push(`.alias vc = vm config memory ${i}`, '.unalias vl', `.alias vl = vm launch container`);
      lines.push(i % 3 === 0 ? `vl web${i % 7}` : i % 3 === 1 ? 'vc' : `vc x${i}`);
    }
    const text = `${lines.join('\n')}\n`;
    const want = shown(viaWholeScript(text));
    language.clearCaches();
    expect(shown(viaCheck(text))).toEqual(want);
    expect(want.some((d) => d.range.start.line > 4096)).toBe(true);
  });

  it('checks a range of a shape seen before against its own start (lines built when read)', () => {
    // minimega: `vlans range MIN MAX` fails when MAX is not above MIN.
    const texts = ['vlans range 130 120', 'vlans range 120 130', 'vlans range 5 5', 'vlans range 1 9'];
    const fresh = createLanguageService();
    const lazy = fresh.parseLines(texts, new Map(), { numbered: false, lazy: true });
    const built = createLanguageService().parseLines(texts, new Map(), { numbered: false });
    const ranged = (lines: readonly { diagnostics: readonly Diagnostic[] }[]) => lines.map((l) => l.diagnostics.map((d) => d.code));
    expect(ranged(lazy)).toEqual(ranged(built));
    expect(ranged(lazy)).toEqual([['value/range'], [], ['value/range'], []]);
    expect(viaCheck(texts.join('\n')).map((d) => d.range.start.line)).toEqual([0, 2]);
  });

  it('splits lines as splitLines does', () => {
    const long = Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? `vm launch kvm a${i}\r` : i % 3 === 1 ? '' : '\r')).join('\n');
    for (const text of ['', '\n', '\n\n', 'a', 'a\n', 'a\r\n', 'a\r', '\r', '\r\n\r\n', 'a\nb', 'a\n\nb\n\n', 'a\r\nb\r\n', long, `${long}\n`]) {
      expect(parseForCheck(language, text).map((l) => l.text)).toEqual(splitLines(text));
    }
  });

  it('places problems as orderDiagnostics orders them, ties kept in order', () => {
    const next = mulberry32(7);
    const rand = (n: number): number => next() % n;
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: 30 }, () => ['vm launch kvm a', 'vm lanch kvm b', 'vm config vcpus two', '', '# c', 'vm launch kvm a,a'][rand(6)]).join(
        '\n',
      );
      const lines = parseForCheck(language, text);
      const made = (n: number, tag: string): Diagnostic[] =>
        Array.from({ length: n }, (_, k) => {
          const line = rand(lines.length + 1);
          const character = rand(5) * 4;
          return {
            code: 'script/duplicate-launch',
            severity: 'warning',
            message: `${tag}${k}`,
            range: { start: { line, character }, end: { line, character: character + 1 } },
          } as Diagnostic;
        }).sort((a, b) => a.range.start.line - b.range.start.line);
      const before = made(rand(6), 'b');
      const after = made(rand(6), 'a');
      const own = lines.flatMap((l, i) =>
        l.diagnostics.map((d) => ({
          ...d,
          range: { start: { line: i, character: d.range.start.character }, end: { line: i, character: d.range.end.character } },
        })),
      );
      expect(problemsInOrder(lines, before, after)).toEqual(orderDiagnostics([...before, ...own, ...after]));
      // Lists out of line order are ordered all the same.
      expect(problemsInOrder(lines, [...before].reverse(), after)).toEqual(orderDiagnostics([...[...before].reverse(), ...own, ...after]));
    }
  });
});

describe('decodeScript', () => {
  const fatal = new TextDecoder('utf-8', { fatal: true });
  const valid = (b: Uint8Array): boolean => {
    try {
      fatal.decode(b);
      return true;
    } catch {
      return false;
    }
  };

  it('warns on exactly the lines that are not UTF-8', () => {
    const next = mulberry32(11);
    const odd = [
      [0x80],
      [0xc0, 0x80],
      [0xe0, 0x80, 0x80],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xc3, 0xa9],
      [0xe2, 0x82, 0xac],
      [0xf0, 0x9f, 0x98, 0x80],
      [0xe2, 0x82],
    ];
    let warned = 0;
    for (let round = 0; round < 300; round++) {
      const lines: number[][] = [];
      for (let l = 0; l < 1 + (next() % 6); l++) {
        const bytes = [...Buffer.from(`vm config tag k${round} `)];
        if (next() % 3 === 0) bytes.push(...odd[next() % odd.length]!);
        bytes.push(0x61);
        lines.push(bytes);
      }
      const decoded = decodeScript(Uint8Array.from(lines.flatMap((l) => [...l, 0x0a])));
      // Too many bad bytes for so short a text make it binary (refused whole, no warnings).
      if (decoded.kind !== 'text') continue;
      const flagged = decoded.diagnostics.map((d) => d.range.start.line);
      const want = lines.flatMap((l, i) => (valid(Uint8Array.from(l)) ? [] : [i]));
      expect(flagged).toEqual(want);
      warned += want.length;
    }
    expect(warned).toBeGreaterThan(50);
  });
});

describe('mm check holds what a script repeats once', () => {
  it('makes one line object per distinct text: ten times the copies of the same lines, the same objects', () => {
    const block = realisticScript(400, 3);
    const objects = (copies: number): number => {
      const language = createLanguageService();
      const lines = parseForCheck(language, block.repeat(copies));
      expect(lines).toHaveLength(400 * copies);
      return new Set(lines).size;
    };
    // One line object per distinct text, however often (and in however many slices) it comes.
    const texts = new Set(splitLines(block)).size;
    expect(objects(5)).toBe(texts);
    expect(objects(50)).toBe(texts);
  });
});
