import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildLine, clearLineCache, parseLines } from '../../language/parse.js';
import { lexLine } from '../../language/lex.js';
import { compileLine } from '../../language/compile.js';
import { compileCached } from '../../language/compile-cached.js';
import { shapeOf } from '../../language/shape-cache.js';
import { hasShared, sharedPath } from '../helpers/shared.js';

/** Parsed without any cache or template: the reference. */
const direct = (text: string) => buildLine(text, 0, lexLine(text), new Map(), true);

/** Parsed as editors do (lines at 0), the first line of each shape making the template. */
const viaTemplates = (texts: string[]) => parseLines(texts, new Map(), true, false);

// Plain JSON: getters and shared objects compare by value.
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe('lines of one shape', () => {
  beforeEach(() => clearLineCache());

  it('shapes read every ASCII digit as 0 and skip lines without digits', () => {
    expect(shapeOf('vm launch kvm web12-[1-8]')).toBe('vm launch kvm web00-[0-0]');
    expect(shapeOf('vm info')).toBeUndefined();
  });

  it('words abbreviating a keyword past its digit (qcow2, interfaces6, ospf3) give no shape', () => {
    expect(shapeOf('disk create qcow2 a1.img')).toBeUndefined();
    expect(shapeOf('disk create qcow3 a1.img')).toBeUndefined();
    expect(shapeOf('vm config disk a1.qcow2')).toBe('vm config disk a0.qcow0');
  });

  const groups: string[][] = [
    ['vm config memory 512', 'vm config memory 768', 'vm config memory 999'],
    ['vm launch kvm web1-[1-8]', 'vm launch kvm web7-[2-9]'],
    ['namespace exp1 vm stop all', 'namespace exp2 vm stop all'],
    ['.annotate false vm config memory 1 # n 1', '.annotate false vm config memory 2 # n 2'],
    ['vm config tag k1 v1', 'vm config tag k2 v9'],
    ['echo line 1 2 3', 'echo line 4 5 6'],
    ['# experiment 1: web', '# experiment 2: web'],
    ['  vlans add lan1 101  ', '  vlans add lan2 5000  '],
    ['vm config net lan1 dmz1,00:11:22:33:44:01', 'vm config net lan2 dmz9,00:11:22:33:44:99'],
    ['vm config memory 1 2', 'vm config memory 3 4'],
    ['echo "a 1"', 'echo "a 2"'],
    ['vm confi 1', 'vm confi 2'],
    ['vm launch kvm 0', 'vm launch kvm 5', 'vm launch kvm 12'],
    ['vm config disk a1.qcow2', 'vm config disk b1.qcow2'],
    ['disk create qcow2 a1.img 10G', 'disk create qcow2 a2.img 20G'],
    ['mesh send node[1-3] vm info', 'mesh send node[4-6] vm info'],
    ['.columns name,state vm info', '.columns name,vlan vm info'],
    ['vm start web1\\ 2', 'vm start web3\\ 4'],
  ];

  it.each(groups.map((g) => [g[0]!, g]))('%s and its kin parse as they would alone', (_first, texts) => {
    const got = viaTemplates(texts);
    texts.forEach((t, i) => expect(plain(got[i]), t).toEqual(plain(direct(t))));
  });

  it.each(groups.map((g) => [g[0]!, g]))('%s and its kin compile for the runtime as they would alone', (_first, texts) => {
    for (const t of texts) expect(plain(compileCached(t)), t).toEqual(plain(compileLine(t, 0)));
  });

  it('value checks are run for each line, not taken from the template', () => {
    const [ok, bad] = viaTemplates(['vm config net 101', 'vm config net 5000']);
    expect(ok!.diagnostics).toEqual([]);
    expect(bad!.diagnostics.map((d) => d.message)).toEqual(['invalid VLAN (0 <= vlan < 4096)']);
  });
});

describe.skipIf(!hasShared)('templates on the oracle lines', () => {
  it('every one of the 20,000 lines parses as it would alone', () => {
    clearLineCache();
    const texts = readFileSync(sharedPath('oracle/generated-2.3.txt'), 'utf8').split('\n');
    const got = viaTemplates(texts);
    const mismatches: string[] = [];
    texts.forEach((t, i) => {
      if (JSON.stringify(got[i]) !== JSON.stringify(direct(t))) mismatches.push(t);
    });
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('every one of the 20,000 lines compiles for the runtime as it would alone', () => {
    clearLineCache();
    const texts = readFileSync(sharedPath('oracle/generated-2.3.txt'), 'utf8').split('\n');
    const mismatches = texts.filter((t) => JSON.stringify(compileCached(t)) !== JSON.stringify(compileLine(t, 0)));
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});
