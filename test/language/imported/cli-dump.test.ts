/**
 * Reading `minimega -cli` output and `minimega -version` lines, and the
 * catalog file round trip. The real handler objects quoted in cli-json.md
 * section 9 (byte-exact from 2.3 and 3.1.0) are read from the spec: minicli's
 * own items must agree with `mm`'s pattern lexer.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkedImportedDialect,
  createCommandSet,
  createLanguageService,
  readCliDump,
  readCommandSet,
  readVersionLine,
  rulesOfVersion,
  writeCommandSet,
} from '../../../language/index.js';
import { dumpHandler, dumpOfSharedCatalog } from '../../helpers/cli-dumps.js';
import { hasShared, sharedPath } from '../../helpers/shared.js';

describe.skipIf(!hasShared)('the handler objects quoted from real dumps', () => {
  it('read, with minicli items agreeing with our lexer', () => {
    const lines = readFileSync(sharedPath('spec/cli-json.md'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('{"help_short"'));
    expect(lines.length).toBe(8);
    const r = readCliDump(`[${lines.join(',')}]\n`);
    if (!r.ok) throw new Error(r.error);
    expect(r.handlers.map((h) => h.shared_prefix)).toEqual(['.csv', 'nsmod', 'echo', 'vm config memory', '.env', 'vm', 'vm config memory', 'plumb']);
    expect(r.handlers[5]!.patterns).toEqual(['vm <kill,> <vm target>']);
  });
});

describe('refused dumps', () => {
  const good = '{"help_short":"","help_long":"","patterns":["plumb"],"shared_prefix":"plumb","parsed_patterns":[[{"type":2,"text":"plumb"}]]}';
  const cases: [string, string, RegExp][] = [
    ['not JSON', 'usage: minimega [option]... [file]...', /^the output is not JSON/],
    ['not an array', '{}', /^expected a JSON array/],
    ['empty', '[]', /no handler/],
    [
      'a key missing',
      '[{"help_short":"","patterns":["x"],"shared_prefix":"x","parsed_patterns":[[{"type":2,"text":"x"}]]}]',
      /^handler 0: expected "help_long"/,
    ],
    ['items that do not match the pattern', good.replace('"type":2,"text":"plumb"', '"type":8,"key":"plumb","text":"plumb"'), /minicli's items differ/],
    [
      'a pattern that does not lex',
      good.replace(/plumb/g, '<plumb').replace('"parsed_patterns":[[{"type":2,"text":"<plumb"}]]', '"parsed_patterns":[[]]'),
      /does not lex/,
    ],
  ];
  for (const [what, text, error] of cases) {
    it(what, () => {
      const r = readCliDump(`[${good}]`);
      expect(r.ok).toBe(true);
      const bad = readCliDump(text.startsWith('{"help') ? `[${text}]` : text);
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.error).toMatch(error);
    });
  }
});

describe('minimega -version', () => {
  it('reads both forms (cli-json.md 2.5)', () => {
    expect(readVersionLine('minimega 3.1.0 98b4443 2026-08-13\n')).toEqual({ line: 'minimega 3.1.0 98b4443 2026-08-13', version: '3.1.0' });
    expect(readVersionLine('minimega 8e4c5a1 2016-05-01\n')).toEqual({ line: 'minimega 8e4c5a1 2016-05-01', version: undefined });
    expect(readVersionLine('usage: foo\n')).toBeUndefined();
  });
  it('maps releases to minicli rules: the trie from 2.6 on', () => {
    expect([
      rulesOfVersion('2.3'),
      rulesOfVersion('2.5.1'),
      rulesOfVersion('2.6'),
      rulesOfVersion('3.1.0'),
      rulesOfVersion('v2.9'),
      rulesOfVersion('abc'),
    ]).toEqual(['2.3', '2.3', '3.1', '3.1', '3.1', undefined]);
  });
});

describe.skipIf(!hasShared)('catalog files', () => {
  it('round-trip, and refuse what is not one', () => {
    const set = createCommandSet(dumpOfSharedCatalog('2.3'), { versionLine: 'minimega abc 2016-01-01', noBuiltin: true });
    const back = readCommandSet(writeCommandSet(set));
    expect(back).toEqual({ ok: true, set });
    expect(readCommandSet('[]')).toMatchObject({ ok: false, error: expect.stringMatching(/not a command set file/) });
    const broken = writeCommandSet(set).replace('"rules": "2.3"', '"rules": "9.9"');
    expect(readCommandSet(broken)).toMatchObject({ ok: false, error: expect.stringMatching(/"rules"/) });
  });
});

describe('what minicli would not register', () => {
  const set = (version: string, patterns: string[][]) =>
    createCommandSet(
      patterns.map((p) => dumpHandler(p, '', '')),
      { minimegaVersion: version, noBuiltin: true },
    );
  it('the same pattern twice', () => {
    expect(checkedImportedDialect(set('3.1.0', [['foo <a>'], ['foo <a>', 'foo bar']]))).toEqual({ ok: false, error: 'duplicate pattern: `foo <a>`' });
  });
  it("two patterns on one trie node under 3.1's rules", () => {
    // `foo [a]` also ends where `foo` does.
    expect(checkedImportedDialect(set('3.1.0', [['foo [a]'], ['foo']]))).toEqual({ ok: false, error: 'conflicting handlers: foo [a] and foo' });
  });
  it('odd but registrable patterns work under both rules and never throw', () => {
    for (const v of ['3.1.0', '2.3']) {
      const r = checkedImportedDialect(set(v, [['foo <a>'], ['foo bar [x]...'], ['(command)']]));
      if (!r.ok) throw new Error(r.error);
      const s = createLanguageService(r.dialect);
      const lines = s.parseScript('foo x\nfoo bar 1 2\nfoo\nzzz\n').script.lines.map((l) => l.status);
      expect(lines.slice(0, 2)).toEqual(['command', 'command']);
      expect(s.complete('f', 1).candidates.map((c) => c.label)).toContain('foo');
    }
  });
});
