/**
 * The shared spec's pattern syntax (`minicli.md` section 2: 2.1 item kinds, 2.2 the pattern
 * lexer with its exact errors and leniencies, 2.3 canonical rendering) and the
 * item-type census over the 304 patterns minimega 2.3 registers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePattern, renderPattern, type PatternItem } from '../../language/patterns.js';
import { compiledHandlers } from '../../language/catalog/index.js';
import { hasShared, sharedPath } from '../helpers/shared.js';

/** minicli's item type bit set (2.1): optional 1, literal 2, command 4, string 8, choice 16, list 32. */
function typeValue(it: PatternItem): number {
  const base = { literal: 2, command: 4, string: 8, choice: 16, list: 32 }[it.type];
  return base + (it.optional ? 1 : 0);
}

function items(p: string): Array<Record<string, unknown>> {
  const r = compilePattern(p);
  if (!r.ok) throw new Error(`${p}: ${r.error}`);
  return r.items.map((it) => {
    const o: Record<string, unknown> = { type: typeValue(it) };
    if (it.key !== '') o.key = it.key;
    if (it.text !== '' && it.type !== 'choice') o.text = it.text;
    if (it.type === 'choice') o.options = [...it.options];
    return o;
  });
}

function error(p: string): string {
  const r = compilePattern(p);
  return r.ok ? `accepted: ${JSON.stringify(r.items)}` : r.error;
}

function render(p: string): string {
  const r = compilePattern(p);
  if (!r.ok) throw new Error(r.error);
  return renderPattern(r.items);
}

describe('2.1 item kinds', () => {
  const table: Array<[string, Array<Record<string, unknown>>]> = [
    ['word', [{ type: 2, text: 'word' }]],
    ['<name>', [{ type: 8, key: 'name', text: 'name' }]],
    ['<name free text>', [{ type: 8, key: 'name', text: 'name free text' }]],
    ['[name]', [{ type: 9, key: 'name', text: 'name' }]],
    ['[name free text]', [{ type: 9, key: 'name', text: 'name free text' }]],
    ['<a,b,c>', [{ type: 16, options: ['a', 'b', 'c'] }]],
    ['[a,b]', [{ type: 17, options: ['a', 'b'] }]],
    ['<a,>', [{ type: 16, options: ['a'] }]],
    ['<name>...', [{ type: 32, key: 'name', text: 'name' }]],
    ['<name text>...', [{ type: 32, key: 'name', text: 'name text' }]],
    ['[name]...', [{ type: 33, key: 'name', text: 'name' }]],
    ['(name)', [{ type: 4, key: 'name', text: 'name' }]],
    ['(name text)', [{ type: 4, key: 'name', text: 'name text' }]],
  ];
  for (const [p, want] of table) it(p, () => expect(items(p)).toEqual(want));

  it('a comma before any white space makes a choice; after it, documentation', () => {
    expect(items('<vm name, uuid or all>')).toEqual([{ type: 8, key: 'vm', text: 'vm name, uuid or all' }]);
  });
});

describe('2.2 the pattern lexer', () => {
  it('emits a literal in progress before a bracket: foo<bar>', () => {
    expect(items('foo<bar>')).toEqual([
      { type: 2, text: 'foo' },
      { type: 8, key: 'bar', text: 'bar' },
    ]);
  });

  it('keeps empty choice options except a trailing one', () => {
    expect(items('<a,,b>')).toEqual([{ type: 16, options: ['a', '', 'b'] }]);
    expect(items('<,a>')).toEqual([{ type: 16, options: ['', 'a'] }]);
    expect(items('<a,b,>')).toEqual([{ type: 16, options: ['a', 'b'] }]);
    expect(items('<foo,>')).toEqual([{ type: 16, options: ['foo'] }]);
  });

  it('consumes exactly one white space after an item that must end the pattern', () => {
    expect(items('[foo] ')).toEqual([{ type: 9, key: 'foo', text: 'foo' }]);
    expect(error('[foo]  ')).toBe('trailing characters when EOF expected');
    expect(error('(foo) ')).toBe('trailing characters when EOF expected');
  });

  describe('consequences (quirks of 2.3)', () => {
    it('[foo comment] bar and (foo comment) bar are accepted', () => {
      expect(items('[foo comment] bar')).toEqual([
        { type: 9, key: 'foo', text: 'foo comment' },
        { type: 2, text: 'bar' },
      ]);
      expect(items('(foo comment) bar')).toEqual([
        { type: 4, key: 'foo', text: 'foo comment' },
        { type: 2, text: 'bar' },
      ]);
    });

    it('(foo bar)... becomes a list item <foo bar>...', () => {
      expect(items('(foo bar)...')).toEqual([{ type: 32, key: 'foo', text: 'foo bar' }]);
      expect(render('(foo bar)...')).toBe('<foo bar>...');
    });

    it('<a,b>... and <a,b>x are a choice followed by a literal', () => {
      expect(items('<a,b>...')).toEqual([
        { type: 16, options: ['a', 'b'] },
        { type: 2, text: '...' },
      ]);
      expect(items('<a,b>x')).toEqual([
        { type: 16, options: ['a', 'b'] },
        { type: 2, text: 'x' },
      ]);
    });

    it('<>, [] and () have an empty key', () => {
      expect(items('<>')).toEqual([{ type: 8 }]);
      expect(items('[]')).toEqual([{ type: 9 }]);
      expect(items('()')).toEqual([{ type: 4 }]);
    });

    it('[a,b] x, ls [foo] [bar], (foo) bar, <foo>... <bar> are rejected', () => {
      for (const p of ['[a,b] x', 'ls [foo] [bar]', '(foo) bar', '<foo>... <bar>']) {
        expect(error(p), p).toBe('trailing characters when EOF expected');
      }
    });

    it('checks `...` after free text even for ), and after (name) checks nothing', () => {
      expect(error('(name text)x')).toBe('invalid trailing characters after )');
      expect(error('[name text]x')).toBe('invalid trailing characters after ]');
      expect(error('<name text>x')).toBe('invalid trailing characters after >');
      expect(error('ls (foo)bar')).toBe('trailing characters when EOF expected');
    });
  });

  describe('the invalid patterns of the minicli unit tests', () => {
    const table: Array<[string, string]> = [
      ['ls (foo', 'missing terminal )'],
      ['ls [foo', 'missing terminal ]'],
      ['ls <foo', 'missing terminal >'],
      ['ls (foo <bar>)', 'cannot nest items'],
      ['ls [foo (bar)]', 'cannot nest items'],
      ['ls <foo [bar]>', 'cannot nest items'],
      ['ls [foo] [bar]', 'trailing characters when EOF expected'],
      ['ls [foo,bar] [car]', 'trailing characters when EOF expected'],
      ['ls [foo].', 'invalid trailing characters after ]'],
      ['ls [foo]..', 'invalid trailing characters after ]'],
      ['ls [foo]....', 'invalid trailing characters after ]'],
      ['ls [foo]bar', 'invalid trailing characters after ]'],
      ['ls <foo>bar', 'invalid trailing characters after >'],
      ['ls (foo)bar', 'trailing characters when EOF expected'],
      ['ls [foo]... <bar>', 'trailing characters when EOF expected'],
      ['ls <foo>... <bar>', 'trailing characters when EOF expected'],
      ['ls [foo]... <bar>...', 'trailing characters when EOF expected'],
      ['ls <foo>... <bar>...', 'trailing characters when EOF expected'],
      ['ls (foo) bar', 'trailing characters when EOF expected'],
      ['ls <foo, bar>', 'spaces not allowed in multiple choice'],
      ['ls <foo,bar baz,car>', 'spaces not allowed in multiple choice'],
      ['ls "foo"', 'single and double quotes are not allowed'],
      ['ls <foo bar "">', 'single and double quotes are not allowed'],
      ["ls [foo 'bar']", 'single and double quotes are not allowed'],
      ['ls (foo "roar")', 'single and double quotes are not allowed'],
    ];
    for (const [p, want] of table) it(`${p} -> ${want}`, () => expect(error(p)).toBe(want));
  });

  it('reports a missing closer inside free text and choices too', () => {
    expect(error('<a b')).toBe('missing terminal >');
    expect(error('[a,b')).toBe('missing terminal ]');
    expect(error('(a b')).toBe('missing terminal )');
    expect(error('<a,[b]>')).toBe('cannot nest items');
    expect(error("<a,'b>")).toBe('single and double quotes are not allowed');
  });
});

describe('2.3 canonical rendering', () => {
  it('normalises spacing and renders each kind', () => {
    expect(render('  vm   info  [summary,]')).toBe('vm info [summary,]');
    expect(render('debug <cpu,> <start,> <file>')).toBe('debug cpu start <file>');
    expect(render('read <file> [check,]')).toBe('read <file> [check,]');
    expect(render('mesh send <clients or all> (command)')).toBe('mesh send <clients or all> (command)');
    expect(render('x <a,b,>')).toBe('x <a,b,>');
    expect(render('x <a>...')).toBe('x <a>...');
    expect(render('x [a b]...')).toBe('x [a b]...');
  });

  it('renders every 2.3 pattern as written, single-option required choices unwrapped', () => {
    for (const h of compiledHandlers) {
      for (const p of h.patterns) {
        expect(renderPattern(p.items), p.text).toBe(p.text.replace(/<([^<>\s,]+),>/g, '$1'));
      }
    }
  });
});

describe('the 304 patterns of minimega 2.3', () => {
  const all = compiledHandlers.flatMap((h) => h.patterns.map((p) => p.text));

  it('are 304 patterns in 113 handlers and all lex without error', () => {
    expect(compiledHandlers.length).toBe(113);
    expect(all.length).toBe(304);
    for (const p of all) expect(compilePattern(p).ok, p).toBe(true);
  });

  it('have the item-type census of the spec', () => {
    const census: Record<string, number> = {};
    for (const p of all) {
      const r = compilePattern(p);
      if (!r.ok) continue;
      for (const it of r.items) {
        const name = it.type === 'literal' || it.type === 'command' ? it.type : `${it.optional ? 'optional' : 'required'} ${it.type}`;
        census[name] = (census[name] ?? 0) + 1;
      }
    }
    expect(census).toEqual({
      literal: 527,
      'required string': 238,
      'optional string': 49,
      'required choice': 241,
      'optional choice': 20,
      'required list': 9,
      'optional list': 15,
      command: 11,
    });
  });

  it.skipIf(!hasShared)('are the catalog-2.3.json patterns, in registration order', () => {
    const json = JSON.parse(readFileSync(sharedPath('spec/catalog-2.3.json'), 'utf8')) as {
      handlers: Array<{ order: number; patterns: string[] }>;
    };
    const want = [...json.handlers].sort((a, b) => a.order - b.order).map((h) => h.patterns);
    expect(compiledHandlers.map((h) => h.patterns.map((p) => p.text))).toEqual(want);
  });
});
