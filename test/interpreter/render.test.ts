import { describe, expect, it } from 'vitest';
import { renderBatch } from '../../interpreter/render/index.js';
import { createDefaultFlags, createResponse, createTable } from '../../interpreter/contracts/responses.js';
import type { Batch, Flags } from '../../interpreter/contracts/responses.js';

function flags(over: Partial<Flags> = {}): Flags {
  return { ...createDefaultFlags(), ...over };
}
const plain = flags({ annotate: false });

describe('renderBatch: text tables (minicli 5.3, verified)', () => {
  it('renders the name/state table with annotate off', () => {
    const b = [
      createTable(
        'h',
        ['name', 'state'],
        [
          ['foo1', 'BUILDING'],
          ['foo0', 'RUNNING'],
        ],
      ),
    ];
    expect(renderBatch(b, plain)).toBe('name | state\nfoo0 | RUNNING\nfoo1 | BUILDING');
  });

  it('applies the minimum width 5 to every non-last column, "| b" included', () => {
    const b = [createTable('h', ['a', 'b', 'c'], [['1', '2', '3']])];
    expect(renderBatch(b, plain)).toBe('a    | b  | c\n1    | 2  | 3');
  });

  it('pads an empty middle cell', () => {
    const b = [createTable('h', ['name', 'namespace', 'state'], [['foo', '', 'BUILDING']])];
    expect(renderBatch(b, plain)).toBe('name | namespace | state\nfoo  |           | BUILDING');
  });

  it('sizes columns to the longest cell plus one', () => {
    const b = [
      createTable(
        'h',
        ['id', 'name', 'x'],
        [
          ['22', 'b', 'zz'],
          ['1', 'averyveryverylongname', 'z'],
        ],
      ),
    ];
    expect(renderBatch(b, plain)).toBe('id   | name                  | x\n1    | averyveryverylongname | z\n22   | b                     | zz');
  });

  it('trims the leading padding of an empty first cell when headers are off', () => {
    const b = [
      createTable(
        'h',
        ['k', 'v'],
        [
          ['a', '2'],
          ['', '1'],
        ],
      ),
    ];
    expect(renderBatch(b, flags({ annotate: false, headers: false }))).toBe('| 1\na    | 2');
  });

  it('keeps the padding of an empty first cell on later lines (vlans)', () => {
    const b = [
      createTable(
        'h',
        ['namespace', 'alias', 'vlan'],
        [
          ['', 'B', '103'],
          ['', 'A', '102'],
        ],
      ),
    ];
    expect(renderBatch(b, plain)).toBe('namespace | alias | vlan\n          | A     | 102\n          | B     | 103');
  });

  it('leaves "| " with a trailing space for an empty last cell except on the last line', () => {
    const b = [
      createTable(
        'h',
        ['vms', 'vmsall'],
        [
          ['1', ''],
          ['0', ''],
          ['2', 'x'],
        ],
      ),
    ];
    expect(renderBatch(b, plain)).toBe('vms  | vmsall\n0    | \n1    | \n2    | x');
    const last = [createTable('h', ['vms', 'vmsall'], [['0', '']])];
    expect(renderBatch(last, plain)).toBe('vms  | vmsall\n0    |');
  });

  it('does not pad single-column tables (builtins .want)', () => {
    const b = [createTable('h', ['name'], [['foo1'], ['bar'], ['foo3'], ['foo2']])];
    expect(renderBatch(b, plain)).toBe('name\nbar\nfoo1\nfoo2\nfoo3');
    expect(renderBatch([createTable('h', ['name'], [['foo1'], ['bar']])], flags({ annotate: false, headers: false }))).toBe('bar\nfoo1');
  });

  it('sizes the alias table as in the builtins .want', () => {
    const b = [createTable('h', ['alias', 'expansion'], [['vmr', '.column name .filter state=running vm info']])];
    expect(renderBatch(b, plain)).toBe('alias | expansion\nvmr   | .column name .filter state=running vm info');
  });

  it('prepends the host column when annotating, across hosts', () => {
    const b = [
      createTable('mm3', ['id', 'name'], [['2', 'vm-2']]),
      createTable('mm1', ['id', 'name'], [['0', 'vm-0']]),
      createTable('mm2', ['id', 'name'], [['2', 'vm-2']]),
    ];
    expect(renderBatch(b, flags())).toBe('host | id | name\nmm1  | 0  | vm-0\nmm2  | 2  | vm-2\nmm3  | 2  | vm-2');
  });

  it('loses the host when merging tables with annotate off', () => {
    const b = [createTable('mm2', ['name'], [['b']]), createTable('mm3', ['name'], [['a']])];
    expect(renderBatch(b, plain)).toBe('name\na\nb');
  });

  it('keeps batch order when sort is off', () => {
    // Flags attach to the batch on first render, so each rendering gets a fresh batch.
    const b = () => [createTable('h', ['n'], [['b'], ['a'], ['10'], ['9']])];
    expect(renderBatch(b(), flags({ annotate: false, sort: false }))).toBe('n\nb\na\n10\n9');
    expect(renderBatch(b(), plain)).toBe('n\n9\n10\na\nb');
  });

  it('prints nothing for a table without rows, not even its header', () => {
    expect(renderBatch([createTable('h', ['name', 'state'], [])], plain)).toBe('');
    expect(renderBatch([createTable('h', ['alias', 'expansion'], null)], plain)).toBe('');
  });

  it('pads wide columns', () => {
    const long = 'x'.repeat(100);
    const b = [
      createTable(
        'h',
        ['n', 'v'],
        [
          [long, '1'],
          ['y', '2'],
        ],
      ),
    ];
    const pad = ' '.repeat(100);
    expect(renderBatch(b, plain)).toBe(`n${pad}| v\n${long} | 1\ny${pad}| 2`);
  });

  it('counts widths in code points', () => {
    const b = [
      createTable(
        'h',
        ['n', 'v'],
        [
          ['héllo', '1'],
          ['😀😀', '2'],
        ],
      ),
    ];
    expect(renderBatch(b, plain)).toBe('n     | v\nhéllo | 1\n😀😀    | 2');
  });
});

describe('renderBatch: Printf quirk on table cells (observed 3.1)', () => {
  it('mangles % in cells and computes widths on the result', () => {
    const b = [createTable('h', ['name', 'tags'], [['pct', '{"fmt":"%d"}']])];
    expect(renderBatch(b, plain)).toBe('name | tags\npct  | {"fmt":"%!d(MISSING)"}');
  });

  it('renders the vlans example with NOVERB and MISSING', () => {
    const b = [
      createTable(
        'h',
        ['namespace', 'alias', 'vlan'],
        [
          ['', 'pct%s', '300'],
          ['', '100%', '301'],
        ],
      ),
    ];
    expect(renderBatch(b, plain)).toBe('namespace | alias           | vlan\n          | 100%!(NOVERB)   | 301\n          | pct%!s(MISSING) | 300');
  });

  it('passes headers through Printf too, and %% becomes %', () => {
    const b = [createTable('h', ['a%%', 'b'], [['x', 'y']])];
    expect(renderBatch(b, plain)).toBe('a%   | b\nx    | y');
  });

  it('leaves simple responses, CSV and JSON untouched', () => {
    expect(renderBatch([createResponse('h', '100% %s')], plain)).toBe('100% %s');
    const t = [createTable('h', ['name', 'tags'], [['pct', '{"fmt":"%d"}']])];
    expect(renderBatch(t, flags({ annotate: false, mode: 'csv' }))).toBe('name,tags\npct,"{""fmt"":""%d""}"');
    const j = [createTable('h', ['t'], [['50%']])];
    expect(renderBatch(j, flags({ mode: 'json' }))).toBe('[{"Host":"h","Response":"","Header":["t"],"Tabular":[["50%"]],"Error":""}]');
  });
});

describe('renderBatch: CSV (5.7)', () => {
  it('renders the verified CSV example', () => {
    const b = [
      createTable(
        'h1',
        ['name', 'st,ate'],
        [
          ['a"b', 'x,y'],
          [' lead', ''],
        ],
      ),
    ];
    expect(renderBatch(b, flags({ mode: 'csv' }))).toBe('host,name,"st,ate"\nh1," lead",\nh1,"a""b","x,y"');
  });

  it('renders the builtins .want CSV table, without header when headers are off', () => {
    const rows = [
      ['foo2', 'RUNNING'],
      ['bar', 'BUILDING'],
      ['foo1', 'BUILDING'],
    ];
    const b = () => [createTable('h', ['name', 'state'], rows)];
    expect(renderBatch(b(), flags({ annotate: false, mode: 'csv' }))).toBe('name,state\nbar,BUILDING\nfoo1,BUILDING\nfoo2,RUNNING');
    expect(renderBatch(b(), flags({ annotate: false, mode: 'csv', headers: false }))).toBe('bar,BUILDING\nfoo1,BUILDING\nfoo2,RUNNING');
  });

  it('renders simple responses as text in csv mode', () => {
    expect(renderBatch([createResponse('h', 'true')], flags({ mode: 'csv' }))).toBe('h: true');
  });
});

describe('renderBatch: JSON (5.8)', () => {
  it('renders the verified JSON example, errors included', () => {
    const b: Batch = [createTable('h1', ['name'], [['<a&b>']]), { ...createResponse('h2', 'x', 'bad') }];
    expect(renderBatch(b, flags({ mode: 'json' }))).toBe(
      '[{"Host":"h1","Response":"","Header":["name"],"Tabular":[["\\u003ca\\u0026b\\u003e"]],"Error":""},' +
        '{"Host":"h2","Response":"x","Header":null,"Tabular":null,"Error":"bad"}]',
    );
  });

  it('renders `.json true` own empty response as JSON (global flags read at render time)', () => {
    const b = [createResponse('myhost')];
    expect(renderBatch(b, flags({ mode: 'json' }))).toBe('[{"Host":"myhost","Response":"","Header":null,"Tabular":null,"Error":""}]');
  });

  it('distinguishes a nil table from an empty one', () => {
    expect(renderBatch([createTable('mmhost', ['name', 'state'], null)], flags({ mode: 'json' }))).toBe(
      '[{"Host":"mmhost","Response":"","Header":["name","state"],"Tabular":null,"Error":""}]',
    );
    expect(renderBatch([createTable('mmhost', ['namespace', 'alias', 'vlan'], [])], flags({ mode: 'json' }))).toBe(
      '[{"Host":"mmhost","Response":"","Header":["namespace","alias","vlan"],"Tabular":[],"Error":""}]',
    );
  });

  it('does not run the header checks, annotation or trimming', () => {
    const b = [createResponse('a', ' x '), createTable('b', ['n'], [['1']])];
    expect(renderBatch(b, flags({ mode: 'json' }))).toBe(
      '[{"Host":"a","Response":" x ","Header":null,"Tabular":null,"Error":""},' + '{"Host":"b","Response":"","Header":["n"],"Tabular":[["1"]],"Error":""}]',
    );
  });
});
