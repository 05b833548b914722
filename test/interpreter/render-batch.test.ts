import { describe, expect, it } from 'vitest';
import { batchFlags, errorMessages, renderBatch, renderErrors } from '../../interpreter/render/index.js';
import { createDefaultFlags, createError, createResponse, createTable } from '../../interpreter/contracts/responses.js';
import type { Flags } from '../../interpreter/contracts/responses.js';

function flags(over: Partial<Flags> = {}): Flags {
  return { ...createDefaultFlags(), ...over };
}
const plain = flags({ annotate: false });

describe('renderBatch: simple responses (5.2 step 7)', () => {
  it('renders an empty batch as ""', () => {
    expect(renderBatch([], flags())).toBe('');
  });

  it('prefixes the host when annotating (default flags)', () => {
    expect(renderBatch([createResponse('myhost', '2048')], flags())).toBe('myhost: 2048');
  });

  it('prefixes only the first line of a multi-line text', () => {
    expect(renderBatch([createResponse('h', 'Display help\nsecond\t')], flags())).toBe('h: Display help\nsecond');
  });

  it('trims the whole output with Go TrimSpace', () => {
    expect(renderBatch([createResponse('h', '   leading and trailing   ')], plain)).toBe('leading and trailing');
    expect(renderBatch([createResponse('h', ' empty  args ')], plain)).toBe('empty  args');
    expect(renderBatch([createResponse('h', '\u0085x\u00a0')], plain)).toBe('x');
    // U+FEFF is not a space for Go.
    expect(renderBatch([createResponse('h', '\ufeffx')], plain)).toBe('\ufeffx');
  });

  it('prints nothing for empty texts and error-only batches', () => {
    expect(renderBatch([createResponse('h', '')], flags())).toBe('');
    expect(renderBatch([createError('h', 'boom')], flags())).toBe('');
    expect(renderBatch([createError('a', 'x'), createError('b', 'y')], flags())).toBe('');
  });
});

describe('renderBatch: compression (5.6)', () => {
  const mixed = () => [
    createResponse('node1', 'v1'),
    createResponse('node2', 'v1'),
    createResponse('node3', 'v1'),
    createResponse('node5', 'v2'),
    createResponse('foo', 'v1'),
    createError('node4', 'err'),
  ];

  it('groups identical texts under a compressed host list (verified)', () => {
    expect(renderBatch(mixed(), flags())).toBe('foo,node[1-3]: v1\nnode5: v2');
  });

  it('compresses equal answers of hosts into one range and puts errors apart', () => {
    const b = [createResponse('n2', 'minimega 2.3'), createResponse('n1', 'minimega 2.3'), createResponse('n3', 'other'), createError('n4', 'boom')];
    expect(renderBatch(b, flags())).toBe('n3: other\nn[1-2]: minimega 2.3');
    expect(renderErrors(b)).toBe('Error (n4): boom');
  });

  it('collapses identical texts to one line with annotate off', () => {
    expect(renderBatch(mixed(), plain)).toBe('v1\nv2');
    const b = [createResponse('mm2', '2'), createResponse('mm3', '2')];
    expect(renderBatch(b, plain)).toBe('2');
  });

  it('orders different texts by host key', () => {
    const b = [createResponse('mm1', 'mm1'), createResponse('mm3', 'mm3'), createResponse('mm2', 'mm2')];
    expect(renderBatch(b, plain)).toBe('mm1\nmm2\nmm3');
    const ns = [createResponse('mm3', 'Namespaces: []'), createResponse('mm2', 'Namespaces: [ns2]')];
    expect(renderBatch(ns, flags())).toBe('mm2: Namespaces: [ns2]\nmm3: Namespaces: []');
  });

  it('prefixes only the first line of a grouped multi-line text', () => {
    const b = [createResponse('mm2', 'hi'), createResponse('mm3', 'hi')];
    expect(renderBatch(b, flags())).toBe('mm[2-3]: hi');
    const h = [createResponse('mm2', 'echo direct\nhistory\nhistory'), createResponse('mm3', 'history')];
    expect(renderBatch(h, flags())).toBe('mm2: echo direct\nhistory\nhistory\nmm3: history');
  });

  it('skips empty responses', () => {
    const b = [createResponse('mm2', 'echo direct'), createResponse('mm3', '')];
    expect(renderBatch(b, flags())).toBe('mm2: echo direct');
  });

  it('prints every response in batch order with compress off', () => {
    const b = [createResponse('mm3', 'hi'), createResponse('mm2', 'hi')];
    expect(renderBatch(b, flags({ compress: false, annotate: false }))).toBe('hi\nhi');
    expect(renderBatch(mixed(), flags({ compress: false }))).toBe('node1: v1\nnode2: v1\nnode3: v1\nnode5: v2\nfoo: v1');
  });

  it('does not compress a single response', () => {
    expect(renderBatch([createResponse('node1', 'v')], flags())).toBe('node1: v');
  });

  it('keeps one group when two groups get the same key', () => {
    const b = [createResponse('a', 'x'), createResponse('a', 'y')];
    expect(renderBatch(b, flags())).toBe('a: y');
  });
});

describe('renderBatch: check failures are the rendered text (5.2 steps 4-5)', () => {
  it('reports a header mismatch with the first header host and the offender', () => {
    const b = [createTable('h1', ['a', 'b'], [['1', '2']]), createTable('h2', ['a', 'c'], [['1', '2']])];
    expect(renderBatch(b, flags())).toBe('header mismatch, hosts: h1, h2');
    const len = [createTable('h1', ['a'], [['1']]), createTable('h2', ['a', 'b'], [['1', '2']])];
    expect(renderBatch(len, flags())).toBe('header mismatch, hosts: h1, h2');
  });

  it('counts a successful response without header as a mismatch', () => {
    const b = [createResponse('h0', ''), createTable('h1', ['a'], [['1']]), createResponse('h2', 'x')];
    expect(renderBatch(b, flags())).toBe('header mismatch, hosts: h1, h0');
  });

  it('ignores error responses in the header check', () => {
    const b = [createError('h0', 'e'), createTable('h1', ['a'], [['1']])];
    expect(renderBatch(b, plain)).toBe('a\n1');
  });

  it('reports the first row whose width differs from the header', () => {
    const b = [createTable('h1', ['a', 'b'], [['1', '2']]), createTable('h2', ['a', 'b'], [['1', '2'], ['3']])];
    expect(renderBatch(b, flags())).toBe('tabular width mismatch, host: h2, row: 1');
  });

  it('refuses to mix tables and simple texts', () => {
    const b = [
      { ...createResponse('h1', 'text'), tabular: [['1']] as string[][] },
      { ...createResponse('h2', 'x'), tabular: null },
    ];
    expect(renderBatch(b, flags())).toBe('responses mix simple and tabular data');
  });

  it('renders a table without header (rows only, empty header line trimmed)', () => {
    const b = () => [
      {
        ...createResponse('h'),
        tabular: [
          ['b', '2'],
          ['a', '1'],
        ],
      },
    ];
    expect(renderBatch(b(), plain)).toBe('a    | 1\nb    | 2');
    expect(renderBatch(b(), flags())).toBe('host\nh    | a  | 1\nh    | b  | 2');
  });

  it('includes rows of error responses in a table', () => {
    const b = [createTable('h1', ['n'], [['b']]), { ...createTable('h2', ['n'], [['a']]), error: 'bad' }];
    expect(renderBatch(b, plain)).toBe('n\na\nb');
    expect(errorMessages(b)).toEqual(['bad']);
  });
});

describe('renderBatch: flags', () => {
  it('attaches a copy of the global flags to the first response', () => {
    const g = flags({ annotate: false });
    const b = [createResponse('h', 'x')];
    expect(renderBatch(b, g)).toBe('x');
    expect(b[0]!.flags).toEqual(g);
    expect(b[0]!.flags).not.toBe(g);
    g.annotate = true;
    expect(renderBatch(b, g)).toBe('x');
  });

  it('uses the first response private flags over the global ones', () => {
    const b = [{ ...createResponse('h', 'x'), flags: flags({ annotate: true }) }, createResponse('i', 'y')];
    expect(renderBatch(b, plain)).toBe('h: x\ni: y');
  });

  it('ignores private flags on later responses', () => {
    const b = [createResponse('h', 'x'), { ...createResponse('i', 'y'), flags: flags({ mode: 'json' }) }];
    expect(renderBatch(b, plain)).toBe('x\ny');
  });

  it('batchFlags returns undefined for an empty batch', () => {
    expect(batchFlags([], flags())).toBeUndefined();
  });
});

describe('errors (5.9)', () => {
  const b = [createResponse('a', 'ok'), createError('b', 'vm not found: x'), createError('', 'undefined: $FOO'), createError('c', 'multi\nline  ')];

  it('lists the error messages in batch order', () => {
    expect(errorMessages(b)).toEqual(['vm not found: x', 'undefined: $FOO', 'multi\nline  ']);
    expect(errorMessages([createResponse('a', 'ok')])).toEqual([]);
  });

  it('builds the Error (<host>) block, trimmed', () => {
    expect(renderErrors(b)).toBe('Error (b): vm not found: x\nError (): undefined: $FOO\nError (c): multi\nline');
    expect(renderErrors([createResponse('a', 'ok')])).toBe('');
  });
});
