import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLanguageService, dialect23, dialect31, lexLine, type Dialect, type LanguageService, type Line } from '../../language/index.js';
import { LineBuilder } from '../../language/built-line.js';
import { OtherDialects } from '../../language/dialect-hint.js';
import { dialects } from '../../language/dialect.js';
import { LineStore } from '../../language/incremental/line-store.js';
import { parseLines } from '../../language/parse.js';
import { ValueChecks } from '../../language/validation/values.js';
import { markDigits, unmarking, unmarkWith } from '../../language/incremental/marks.js';
import { hasShared, sharedPath } from '../helpers/shared.js';

/** Each text built on its own, nothing remembered, value checks on: the reference. */
const alone = (service: LanguageService, text: string): Line => service.buildLine(text, 0, lexLine(text), new Map(), true);

function mismatches(service: LanguageService, texts: readonly string[]): string[] {
  const got = service.parseLines(texts, new Map(), { numbered: false });
  const out: string[] = [];
  texts.forEach((t, i) => {
    const want = alone(service, t);
    if (JSON.stringify(got[i]) !== JSON.stringify(want)) out.push(`${t}\n  got  ${JSON.stringify(got[i])}\n  want ${JSON.stringify(want)}`);
  });
  return out;
}

/** A line store over a builder that counts the lines it builds. */
function counted(dialect: Dialect = dialect23): { store: LineStore; builds: () => number } {
  let builds = 0;
  const compiler = dialect.createCompiler();
  const builder = new (class extends LineBuilder {
    override build(...args: Parameters<LineBuilder['build']>) {
      builds++;
      return super.build(...args);
    }
  })(compiler, new ValueChecks(), new OtherDialects(dialect, compiler, dialects));
  const store = new LineStore(builder, dialect.catalog, () => dialects.filter((d) => d !== dialect).map((d) => d.catalog));
  return { store, builds: () => builds };
}

/** Every digit replaced, from a seed: texts of the same shapes. */
function renumbered(texts: readonly string[], seed: number): string[] {
  let x = seed;
  return texts.map((t) =>
    t.replace(/[0-9]/g, () => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return String(x % 10);
    }),
  );
}

describe('rejected lines of one shape', () => {
  const service = createLanguageService();

  it('are each the line they would be alone: error, hint, suggestion, words, ranges', () => {
    service.clearCaches();
    const texts = [
      'vm lanch kvm web12',
      'vm lanch kvm web13',
      'vm lanch kvm web99 # try 7',
      'vm config memroy 512',
      'vm config memroy 768',
      'tap crate 101',
      'tap crate 107',
      'mesh snd all vm info 1',
      'mesh snd all vm info 2',
      'cc exce ls /tmp/run13',
      'cc exce ls /tmp/run14',
      'namespace exp1 client client1',
      'namespace exp2 client client2',
      '  vm lanch kvm a1  ',
      '  vm lanch kvm a2  ',
      'vm top 1',
      'vm top 2',
    ];
    expect(mismatches(service, texts)).toEqual([]);
    expect(mismatches(service, texts)).toEqual([]);
  });

  it('a digit in the word the hint measures, a digit keyword, a quote: each line is built', () => {
    service.clearCaches();
    const texts = [
      'disk create qcwo2 a1.img',
      'disk create qcwo3 a1.img',
      'disk create qcwo2 a2.img',
      'vm lanch1 kvm web',
      'vm lanch2 kvm web',
      'vm config memroy "1"',
      'vm config memroy "2"',
      'disk crate qcow2 a1',
      'disk crate qcow3 a1',
    ];
    expect(mismatches(service, texts)).toEqual([]);
  });

  it('a rejected shape is built twice (its first line, and its text with the digits marked), however many lines it has', () => {
    for (const n of [10, 1000]) {
      const { store, builds } = counted();
      const texts = Array.from({ length: n }, (_v, i) => `vm lanch kvm web${1000 + i}`);
      const lines = parseLines(store, texts, new Map());
      expect(lines.every((l) => l.status === 'error')).toBe(true);
      expect(lines[n - 1]!.diagnostics[0]!.message).toContain(`vm lanch kvm web${999 + n}`);
      expect(builds()).toBe(2);
    }
  });
});

describe.skipIf(!hasShared).each([
  ['2.3', dialect23],
  ['3.1', dialect31],
])('rejected lines of the %s oracle', (version, dialect) => {
  const service = createLanguageService(dialect);
  const texts = (): string[] => readFileSync(sharedPath(`oracle/generated-${version}.txt`), 'utf8').split('\n');

  it('every one of the 20,000 lines renumbered (texts of the shapes the oracle has) is the line it would be alone', () => {
    service.clearCaches();
    const t = texts();
    const all = [...t, ...renumbered(t, 11)];
    expect(mismatches(service, all).slice(0, 5)).toEqual([]);
  });
});

describe('unmarkWith', () => {
  /** `s` with `text`'s digits in place of its marks, as a template's strings take them. */
  const unmark = (s: string, text: string): string => unmarkWith(unmarking(s, text), text);

  /** The reference: every mark of a digit replaced, one character at a time. */
  const reference = (s: string, text: string): string =>
    [...s]
      .map((c) => {
        const q = c.charCodeAt(0) - 0xe000;
        return q >= 0 && q < text.length && /[0-9]/.test(text[q]!) ? text[q]! : c;
      })
      .join('');

  it('puts the digits back, in short and long messages, beside characters of every width', () => {
    const text = `vm launch kvm x${'7'.repeat(40)} é 9 \u{1F600} \ue001`;
    const marked = markDigits(text)!;
    expect(marked).not.toBe(text);
    for (const s of [
      marked,
      `invalid command: \`${marked}\` (did you mean?)`,
      // Longer than one call of String.fromCharCode takes.
      `${marked} `.repeat(400),
      'no marks at all',
      '',
    ]) {
      expect(unmark(s, text)).toBe(reference(s, text));
    }
    expect(unmark(marked, text)).toBe(text);
    // A string with no mark is given back as it is.
    const plain = 'plain';
    expect(unmark(plain, text)).toBe(plain);
  });
});
