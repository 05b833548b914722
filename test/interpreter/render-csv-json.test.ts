import { describe, expect, it } from 'vitest';
import { csvRecord } from '../../interpreter/render/csv.js';
import { renderCsv } from '../helpers/render-table.js';
import { goJsonString, renderJson } from '../../interpreter/render/json.js';
import { createResponse, createTable } from '../../interpreter/contracts/responses.js';

// Expected strings were checked against Go's encoding/csv and encoding/json.
describe('CSV quoting (Go encoding/csv)', () => {
  it.each([
    ['', ''],
    ['plain', 'plain'],
    ['\\.', '"\\."'],
    ['a,b', '"a,b"'],
    ['a"b', '"a""b"'],
    ['a\rb', '"a\rb"'],
    ['a\nb', '"a\nb"'],
    [' x', '" x"'],
    ['\tx', '"\tx"'],
    ['\u00a0x', '"\u00a0x"'],
    ['\u0085x', '"\u0085x"'],
    ['\u2028x', '"\u2028x"'],
    ['x ', 'x '],
    ['\ufeffx', '\ufeffx'],
    ['.', '.'],
    ['%d', '%d'],
  ])('field %j → %j', (field, want) => {
    expect(csvRecord([field])).toBe(want);
  });

  it('joins fields with commas and records with LF', () => {
    expect(csvRecord(['a', '', 'b'])).toBe('a,,b');
    expect(csvRecord([])).toBe('');
    expect(
      renderCsv(
        ['h1', 'h2'],
        [
          ['1', '2'],
          ['3', 'x,y'],
        ],
        true,
      ),
    ).toBe('h1,h2\n1,2\n3,"x,y"\n');
    expect(renderCsv(['h1'], [['1']], false)).toBe('1\n');
    expect(renderCsv([], [['1']], true)).toBe('\n1\n');
  });
});

describe('JSON encoding (Go encoding/json)', () => {
  it('escapes HTML characters, controls and line separators like Go', () => {
    expect(goJsonString('<a&b>')).toBe('"\\u003ca\\u0026b\\u003e"');
    expect(goJsonString('"\\\n\r\t')).toBe('"\\"\\\\\\n\\r\\t"');
    // Go before 1.22 (2.3 was built with 1.6/1.7) has no \b or \f short forms.
    expect(goJsonString('\b\f\u0001\u001f')).toBe('"\\u0008\\u000c\\u0001\\u001f"');
    expect(goJsonString('\u2028\u2029')).toBe('"\\u2028\\u2029"');
    expect(goJsonString('\u007fé😀')).toBe('"\u007fé😀"');
  });

  it('writes unpaired surrogates (invalid UTF-8) as \\ufffd', () => {
    expect(goJsonString('a\ud800b')).toBe('"a\\ufffdb"');
    expect(goJsonString('\udc00')).toBe('"\\ufffd"');
    expect(goJsonString('😀\ud83d')).toBe('"😀\\ufffd"');
  });

  it('encodes a batch with keys in struct order, null vs empty tables', () => {
    const batch = [createResponse('h', '\b\f'), createTable('h', [], [[]]), { ...createTable('h2', ['a', 'b'], [['1', '<']]), error: 'e' }];
    expect(renderJson(batch)).toBe(
      '[{"Host":"h","Response":"\\u0008\\u000c","Header":null,"Tabular":null,"Error":""},' +
        '{"Host":"h","Response":"","Header":[],"Tabular":[[]],"Error":""},' +
        '{"Host":"h2","Response":"","Header":["a","b"],"Tabular":[["1","\\u003c"]],"Error":"e"}]',
    );
  });

  it('never serialises private flags or data', () => {
    const r = { ...createResponse('h', 'x'), data: { secret: 1 }, flags: undefined };
    expect(renderJson([r])).toBe('[{"Host":"h","Response":"x","Header":null,"Tabular":null,"Error":""}]');
  });
});
