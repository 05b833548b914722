/**
 * `mm check`'s own pipeline (cli/check-script.ts, check-files.ts): parsing
 * in slices with every line at line 0 and placing the problems afterwards
 * must give what the language's whole-script parse gives, and the native
 * UTF-8 test must agree with the byte walk it spares.
 */
import { describe, expect, it } from 'vitest';
import { createLanguageService, orderDiagnostics, splitLines, type Diagnostic } from '../../language/index.js';
import { lineText, parseForCheck, problemsInOrder, scriptProblems, visitProblems } from '../../cli/check-script.js';
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
    const script = parseForCheck(language, text);
    const listed = problemsInOrder(script, [], language.checkLines(script.lines));
    // What the report visits, placed as it prints, is the same list, each with its line's text.
    const visited: Diagnostic[] = [];
    const texts = splitLines(text);
    visitProblems(scriptProblems(script, [], language.checkLines(script.lines)), (d, source) => {
      visited.push(d);
      expect(source).toBe(texts[d.range.start.line]);
    });
    expect(visited).toEqual(listed);
    return listed;
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
      const script = parseForCheck(language, text);
      const texts = splitLines(text);
      expect(script.lines).toHaveLength(texts.length);
      // Lines not kept are one blank line; every kept line, and every line with problems, has its text.
      const blank = script.lines.find((l, i) => i > 0 && l.text === '' && texts[i] !== '');
      texts.forEach((t, i) => {
        if (script.lines[i] !== blank) expect(script.lines[i]!.text).toBe(t);
        expect(lineText(script, i)).toBe(script.lines[i] === blank ? t : script.lines[i]!.text);
      });
      // Looked up out of order too.
      const forward = texts.map((_t, i) => lineText(script, i));
      for (let i = texts.length - 1; i >= 0; i -= 7) expect(lineText(script, i)).toBe(forward[i]);
    }
  });

  it('places problems as orderDiagnostics orders them, ties kept in order', () => {
    const next = mulberry32(7);
    const rand = (n: number): number => next() % n;
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: 30 }, () => ['vm launch kvm a', 'vm lanch kvm b', 'vm config vcpus two', '', '# c', 'vm launch kvm a,a'][rand(6)]).join(
        '\n',
      );
      const script = parseForCheck(language, text);
      const lines = script.lines;
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
      const own = script.own.lines.flatMap((i, k) =>
        script.own.values[k]!.map((d) => ({
          ...d,
          range: { start: { line: i, character: d.range.start.character }, end: { line: i, character: d.range.end.character } },
        })),
      );
      expect(problemsInOrder(script, before, after)).toEqual(orderDiagnostics([...before, ...own, ...after]));
      // Lists out of line order are ordered all the same.
      expect(problemsInOrder(script, [...before].reverse(), after)).toEqual(orderDiagnostics([...[...before].reverse(), ...own, ...after]));
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
      const { lines } = parseForCheck(language, block.repeat(copies));
      expect(lines).toHaveLength(400 * copies);
      return new Set(lines).size;
    };
    // At most one line object per distinct text (and the blank line standing for the lines not
    // kept), however often (and in however many slices) it comes.
    const texts = new Set(splitLines(block)).size;
    expect(objects(5)).toBe(objects(50));
    expect(objects(5)).toBeLessThanOrEqual(texts + 1);
  });

  it('keeps only the lines the script checks or `read` following look at', () => {
    const language = createLanguageService();
    // Distinct rejected lines among comments and config lines: no rejected line is kept but the first.
    const passed = Array.from({ length: 6000 }, (_, i) => [`vm lanch kvm x${i}`, `# note ${i}`, `vm config memory ${1024 + i}`][i % 3]).join('\n');
    const script = parseForCheck(language, passed);
    const rejected = script.own.lines.map((i) => script.lines[i]);
    expect(new Set(rejected.slice(1)).size).toBe(1);
    expect(rejected[0]!.text).toBe('vm lanch kvm x0');
    expect(rejected[1]!.text).toBe('');
    // Their problems and texts are still there.
    expect(script.own.lines).toHaveLength(2000);
    expect(script.counts).toEqual({ errors: 2000, warnings: 0, count: 2000 });
    expect(lineText(script, 5997)).toBe('vm lanch kvm x5997');
    // Launches, namespace changes, `read`, `write` and aliases are kept, each its own line, even with problems.
    const looked = ['vm launch kvm a1', 'namespace ns2', 'read other.mm', 'write out.mm', '.alias vl = vm launch kvm', 'clear namespace ns2', 'vm start all'];
    const withProblems = ['namespace ns3 vm config vcpus two', 'vm launch kvm b,b'];
    const kept = parseForCheck(language, ['# first', ...looked, ...withProblems].join('\n'));
    expect(new Set(kept.lines).size).toBe(1 + looked.length + withProblems.length);
    expect(kept.own.lines).toEqual([8, 9]);
    expect(kept.lines.slice(8).map((l) => l.text)).toEqual(withProblems);
  });
});
