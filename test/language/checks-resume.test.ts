/**
 * The script checks resumed after an edit (`LanguageService.recheckLines`,
 * language/validation/checks-state.ts): a run keeps its state at stops every
 * 2,048 lines or more, and the next run over the edited document resumes at the last
 * stop before the first line that changed. Property: every version's
 * diagnostics equal a fresh `checkLines` of it, in both dialects, with files
 * appearing and disappearing between versions; and the work: a run after an
 * edit near the end replays the lines after the stop, not the document.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../interpreter/random.js';
import { createLanguageService, dialect23, dialect31, type ChecksMemo, type Diagnostic, type Line, type ScriptCheckOptions } from '../../language/index.js';
import { ActiveNamespace } from '../../language/replay.js';
import { LaunchedNames } from '../../language/launched-names.js';

/** Lines the checks look at: launches (many duplicates), namespaces entered and left, queues, flushes, reads and writes. */
const CHECKED = [
  'vm launch kvm a',
  'vm launch kvm b,c',
  'vm launch kvm a[1-3]',
  'vm launch container ct1',
  'namespace n1',
  'namespace n2',
  'namespace n3',
  'namespace n2 vm launch kvm q',
  'clear namespace',
  'clear namespace n1',
  'vm launch',
  'vm flush',
  'nsmod add-host x',
  'ns add-hosts x',
  'vm start a',
  'vm kill b',
  'read f1.mm',
  'read f2.mm',
  'write f1.mm',
];
/** Lines the checks pass over. */
const PASSED = ['', '# note', 'vm config memory 512', 'vm lanch kvm typo', 'echo hi', 'vm info'];

function published(diagnostics: readonly Diagnostic[]): unknown[] {
  return diagnostics.map((d) => ({ range: d.range, severity: d.severity, code: d.code, message: d.message }));
}

describe('script checks resumed after an edit', () => {
  it.each([
    ['2.3', 1, dialect23],
    ['2.3', 2, dialect23],
    ['2.3', 3, dialect23],
    ['3.1', 4, dialect31],
    ['3.1', 5, dialect31],
  ])('%s, seed %i: 80 edits of a 3,500-line script, every version equal to a fresh check', (_name, seed, dialect) => {
    const next = mulberry32(seed);
    const pick = <T>(xs: readonly T[]): T => xs[next() % xs.length]!;
    const text = (): string => (next() % 5 === 0 ? pick(PASSED) : next() % 7 === 0 ? `vm launch kvm w${next() % 40}` : pick(CHECKED));
    const language = createLanguageService(dialect);
    // Parsed one line at a time, as the language server does: a line's object stays while its text does.
    const parse = (texts: readonly string[]): Line[] => language.parseLines(texts, new Map(), { numbered: false, lazy: true });
    const lines = parse(['# a script', ...Array.from({ length: 3500 }, text)]);
    const existing = new Set<string>(['f1.mm']);
    const options: ScriptCheckOptions = { fileExists: (p) => existing.has(p) };
    let memo: ChecksMemo | undefined;
    let resumed = 0;
    for (let v = 0; v < 80; v++) {
      // Line 0 now and then (the run starts at the top), else anywhere, the end included.
      const at = next() % 20 === 0 ? 0 : next() % (lines.length + 1);
      const kind = next() % 3;
      if (kind === 0 && at < lines.length) lines.splice(at, 1 + (next() % 2));
      else if (kind === 1) lines.splice(at, 0, ...parse(Array.from({ length: 1 + (next() % 3) }, text)));
      else if (at < lines.length) lines.splice(at, 1, ...parse([text()]));
      // Files come and go between versions: a stop after a `read` that asked is not resumed from.
      if (next() % 4 === 0) existing.has('f2.mm') ? existing.delete('f2.mm') : existing.add('f2.mm');
      const before = memo;
      const r = language.recheckLines(lines, options, memo);
      memo = r.memo;
      expect(published(r.diagnostics), `version ${v}`).toEqual(published(language.checkLines(lines, options)));
      // A stop after the first was kept as it was: the run resumed past line 2,048.
      if (before && before.stops.length > 1 && r.memo.stops[1] === before.stops[1]) resumed++;
    }
    expect(resumed).toBeGreaterThan(15);
  });

  it('replays from the last stop before the edit, not from the top', () => {
    const language = createLanguageService();
    // Counts the lines the replay reads (every line it passes is asked for its first handler).
    const read = new Set<Line>();
    const counted = (l: Line): Line => {
      const proxy: Line = new Proxy(l, {
        get(target, key, receiver) {
          if (key === 'handlerAt') return (level: number) => (read.add(proxy), target.handlerAt(level));
          return Reflect.get(target, key, receiver);
        },
      });
      return proxy;
    };
    const texts = Array.from({ length: 5000 }, (_, i) =>
      i % 50 === 0 ? `namespace ns${i}` : i % 3 === 0 ? `vm launch kvm vm${i % 400}` : 'vm config memory 512',
    );
    const lines = language.parseLines(texts, new Map(), { numbered: false, lazy: true }).map(counted);
    const first = language.recheckLines(lines, {});
    expect(read.size).toBe(5000);
    // An edit at line 4,500: the run resumes at the stop at 4,096 (stops every 2,048 lines in this small state).
    lines[4500] = counted(language.parseLines(['vm launch kvm vm7'], new Map(), { numbered: false })[0]!);
    read.clear();
    const again = language.recheckLines(lines, {}, first.memo);
    expect(read.size).toBe(5000 - 4096);
    expect(published(again.diagnostics)).toEqual(published(language.checkLines(lines, {})));
    // An edit at the first line: from the top again.
    lines[0] = counted(language.parseLines(['# changed'], new Map(), { numbered: false })[0]!);
    read.clear();
    const top = language.recheckLines(lines, {}, again.memo);
    expect(read.size).toBe(5000);
    // Other options do not resume from this memo.
    read.clear();
    language.recheckLines(lines, { severity: 'error' }, top.memo);
    expect(read.size).toBe(5000);
    read.clear();
    language.recheckLines(lines, { fileExists: () => true }, top.memo);
    expect(read.size).toBe(5000);
  });
});

describe('the stops of a document of many namespaces', () => {
  /** A document of 20,000 lines with a namespace, and a launch in it, every `every` lines. */
  const document = (every: number): string[] =>
    Array.from({ length: 20_000 }, (_, i) => (i % every === 0 ? `namespace ns${i}` : i % every === 1 ? 'vm launch kvm a' : '# note'));
  const copied = (memo: ChecksMemo): number => memo.stops.reduce((n, s) => n + s.spaces.size + s.launched.size + s.written.size, 0);

  it.each([2, 20])('copy entries in proportion to the document, not to its lines times its namespaces (a namespace every %i lines)', (every) => {
    const language = createLanguageService();
    const texts = document(every);
    const lines = language.parseLines(texts, new Map(), { numbered: false, lazy: true });
    const { memo } = language.recheckLines(lines, {});
    expect(copied(memo)).toBeLessThanOrEqual(texts.length / 4 + 2048);
    // A stop at the top at least; an edit anywhere gives what a fresh check gives.
    expect(memo.stops[0]!.line).toBe(0);
    lines[19_999] = language.parseLines(['vm launch kvm a'], new Map(), { numbered: false })[0]!;
    expect(published(language.recheckLines(lines, {}, memo).diagnostics)).toEqual(published(language.checkLines(lines, {})));
  });

  it('keeps stops along a document whose state stays smaller than the lines between them', () => {
    const language = createLanguageService();
    const texts = document(20);
    const lines = language.parseLines(texts, new Map(), { numbered: false, lazy: true });
    const { memo } = language.recheckLines(lines, {});
    expect(memo.stops.length).toBeGreaterThan(4);
    lines[19_990] = language.parseLines(['vm launch kvm b'], new Map(), { numbered: false })[0]!;
    const again = language.recheckLines(lines, {}, memo);
    // Resumed at the last stop before the edit: it and those before it are the same objects.
    const k = memo.stops.filter((s) => s.line <= 19_990).length - 1;
    expect(memo.stops[k]!.line).toBeGreaterThan(10_000);
    expect(again.memo.stops[k]).toBe(memo.stops[k]);
  });
});

describe('the copies a stop keeps', () => {
  it('a copy of launched names is independent of the original', () => {
    const names = new LaunchedNames();
    const item = (text: string) => ({ text, start: 0, end: text.length });
    names.launch(item('web1'), 1);
    const copy = names.copy();
    // The second line of stem `web` expands the names: in the copy only.
    expect(copy.launch(item('web1'), 5)).toEqual([{ name: 'web1', before: 1 }]);
    expect(names.launch(item('web2'), 6)).toBeUndefined();
    expect(names.launch(item('web1'), 7)).toEqual([{ name: 'web1', before: 1 }]);
    expect(copy.launch(item('web1'), 8)).toEqual([{ name: 'web1', before: 5 }]);
  });

  it('a copy of the active namespace is independent of the original', () => {
    const a = new ActiveNamespace();
    a.move('switch', 'n1');
    a.move('enter', 'n2');
    const b = a.copy();
    a.move('exit', undefined);
    expect(a.name).toBe('n1');
    expect(b.name).toBe('n2');
    b.move('exit', undefined);
    expect(b.name).toBe('n1');
    b.move('exit', undefined);
    expect(b.name).toBe('');
  });
});
