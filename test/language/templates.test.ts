import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { createLanguageService, dialect31, lexLine } from '../../language/index.js';
import { catalog23 } from '../../language/catalog/index.js';
import { digitKeywords, sameShape, shapeKey } from '../../language/incremental/shape.js';
import { createTemplate } from '../../language/incremental/template.js';
import { ShapeLine } from '../../language/incremental/shape-line.js';
import { vmItems, VmItemTable } from '../../language/name-sites.js';
import type { Line } from '../../language/ast.js';
import { hasShared, sharedPath } from '../helpers/shared.js';

const language = createLanguageService();
const { compileLine } = language;
const compileCached = language.compile;
const clearLineCache = language.clearCaches;
const template = (line: Line) => createTemplate(line, digitKeywords(catalog23));

/** Parsed without any cache or template: the reference. */
const direct = (text: string) => language.buildLine(text, 0, lexLine(text), new Map(), true);

/** Parsed as editors do (lines at 0), the first line of each shape making the template. */
const viaTemplates = (texts: string[]) => language.parseLines(texts, new Map(), { numbered: false });

/** The same, lines of a known shape built when read (as the language server opens documents). */
const viaShapeLines = (texts: string[]) => language.parseLines(texts, new Map(), { numbered: false, lazy: true });

// Plain JSON: getters and shared objects compare by value.
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe('lines of one shape', () => {
  beforeEach(() => clearLineCache());

  it('shapes read every ASCII digit as 0 and skip lines without digits', () => {
    expect(shapeKey('vm launch kvm web12-[1-8]')).toBe(shapeKey('vm launch kvm web99-[3-4]'));
    expect(shapeKey('vm launch kvm web12-[1-8]')).not.toBe(shapeKey('vm launch kvm web12-[1-8'));
    expect(sameShape('vm launch kvm web12-[1-8]', 'vm launch kvm web99-[3-4]')).toBe(true);
    expect(sameShape('vm launch kvm web12', 'vm launch kvm webx2')).toBe(false);
    expect(shapeKey('vm info')).toBe(-1);
  });

  it('shape numbers collide rarely, and lines that collide are told apart', () => {
    expect(shapeKey('vm config memory 1zyjr')).toBe(shapeKey('vm config memory 1dhxdc'));
    expect(sameShape('vm config memory 1zyjr', 'vm config memory 1dhxdc')).toBe(false);
  });

  it('words abbreviating a keyword past its digit (qcow2, interfaces6, ospf3) make no template', () => {
    expect(template(direct('disk create qcow2 a1.img'))).toBeNull();
    expect(template(direct('disk create qcow3 a1.img'))).toBeNull();
    expect(template(direct('vm config disk a1.qcow2'))).not.toBeNull();
    expect(sameShape('vm config disk a1.qcow2', 'vm config disk a0.qcow0')).toBe(true);
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
    // Two shapes with one shape number: the second line must not be rebuilt from the first.
    ['vm config memory 1zyjr', 'vm config memory 1dhxdc'],
  ];

  it.each(groups.map((g) => [g[0]!, g]))('%s and its kin parse as they would alone', (_first, texts) => {
    const got = viaTemplates(texts);
    texts.forEach((t, i) => {
      expect(plain(got[i]), t).toEqual(plain(direct(t)));
    });
  });

  it.each(groups.map((g) => [g[0]!, g]))('%s and its kin, built when read, are the lines they would be alone', (_first, texts) => {
    const got = viaShapeLines(texts);
    // Diagnostics first: they come from the template's checks, before anything is built.
    texts.forEach((t, i) => {
      expect(plain(got[i]!.diagnostics), t).toEqual(plain(direct(t).diagnostics));
    });
    texts.forEach((t, i) => {
      expect(plain(got[i]), t).toEqual(plain(direct(t)));
    });
  });

  it('lines built when read answer their handler and diagnostics without being built', () => {
    const [, line] = viaShapeLines(['vm launch kvm -5', 'vm launch kvm -1']);
    expect(line).toBeInstanceOf(ShapeLine);
    expect([line!.handlerAt(0)?.id, line!.handlerAt(1)]).toEqual(['vm launch', undefined]);
    expect(line!.stringArgAt(0, 'name')).toBe('-1');
    expect(line!.diagnostics.map((d) => d.message)).toEqual(['invalid number of vms (must be > 0)']);
    expect(line!.command?.args.string.name).toBe('-1');
  });

  it('lines built when read tell the namespaces they enter without being built', () => {
    const [, line] = viaShapeLines(['namespace exp1 vm stop all', 'namespace exp2 vm stop all']) as [Line, Line];
    expect(line).toBeInstanceOf(ShapeLine);
    expect([0, 1].map((k) => [line.handlerAt(k)?.id, line.nestsAt(k)])).toEqual([
      ['namespace', true],
      ['vm stop', false],
    ]);
    expect(line.handlerAt(2)).toBeUndefined();
    expect(line.stringArgAt(0, 'name')).toBe('exp2');
    expect(line.stringArgAt(1, 'name')).toBeUndefined();
    expect(line.stringArgAt(1, 'target')).toBe('all');
  });

  it('every kind of line reads its chain as its built command says', () => {
    const texts = [
      'namespace exp1 vm stop all',
      'namespace exp2 vm stop all',
      '.columns name vm info',
      '.columns state vm info',
      'vm config tag k1 v1',
      'vm config tag k2 v9',
      '# 1',
      'bogus 1',
    ];
    const chainOf = (l: Line): unknown[] => {
      const out: unknown[] = [];
      for (let k = 0, c = l.command; c; k++, c = c.subcommand?.kind === 'Command' ? c.subcommand : null) {
        out.push([c.handler.id, c.subcommand !== null, c.args.string]);
        const read = Object.fromEntries(Object.keys(c.args.string).map((key) => [key, l.stringArgAt(k, key)]));
        expect([l.handlerAt(k)?.id, l.nestsAt(k), read]).toEqual(out[k]);
      }
      expect(l.handlerAt(out.length)).toBeUndefined();
      return out;
    };
    for (const lines of [viaShapeLines(texts), viaTemplates(texts), language.parseScript(texts.join('\n')).script.lines]) {
      lines.forEach((l, i) => {
        expect(chainOf(l), texts[i]).toEqual(chainOf(direct(texts[i]!)));
      });
    }
  });

  it('the VMs a line built when read launches are those it would launch alone', () => {
    const texts = [
      'vm launch kvm web1-[1-8]',
      'vm launch kvm web2-[1-8]',
      'vm launch container db1,db2,all,7',
      'vm launch container db3,db4,all,8',
      'namespace n1 vm launch kvm a1,b[1-2]',
      'namespace n2 vm launch kvm a3,b[3-4]',
    ];
    const got = viaShapeLines(texts);
    const launchOf = (l: Line) => {
      let c = l.command;
      while (c && c.handler.id !== 'vm launch') c = c.subcommand?.kind === 'Command' ? c.subcommand : null;
      return c!;
    };
    expect(got.filter((l) => l instanceof ShapeLine)).toHaveLength(3);
    expect(got.filter((l) => l.template !== undefined)).toHaveLength(3);
    // The table takes a rebuilt line's items from its template's.
    const table = new VmItemTable();
    texts.forEach((t, i) => {
      expect(table.of(got[i]!, launchOf(got[i]!)), t).toEqual(vmItems(direct(t), launchOf(direct(t))));
    });
  });

  it('alias definitions are built in full (the lines after them depend on them)', () => {
    // Removing an alias never defined leaves the table empty: the lines after it still have shapes.
    const got = viaShapeLines(['.unalias a1', '.unalias a2', 'vm config memory 1', 'vm config memory 2']);
    expect(got[1]).not.toBeInstanceOf(ShapeLine);
    expect(got[3]).toBeInstanceOf(ShapeLine);
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

describe.skipIf(!hasShared).each([
  ['2.3', language],
  ['3.1', createLanguageService(dialect31)],
])('templates on the %s oracle lines', (version, service) => {
  const read = (): string[] => readFileSync(sharedPath(`oracle/generated-${version}.txt`), 'utf8').split('\n');
  const alone = (text: string) => service.buildLine(text, 0, lexLine(text), new Map(), true);

  it('every one of the 20,000 lines parses as it would alone', () => {
    service.clearCaches();
    const texts = read();
    const got = service.parseLines(texts, new Map(), { numbered: false });
    const mismatches: string[] = [];
    texts.forEach((t, i) => {
      if (JSON.stringify(got[i]) !== JSON.stringify(alone(t))) mismatches.push(t);
    });
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('every one of the 20,000 lines, built when read, is the line it would be alone', () => {
    service.clearCaches();
    const texts = read();
    const got = service.parseLines(texts, new Map(), { numbered: false, lazy: true });
    const mismatches: string[] = [];
    texts.forEach((t, i) => {
      const d = alone(t);
      if (JSON.stringify(got[i]!.diagnostics) !== JSON.stringify(d.diagnostics) || JSON.stringify(got[i]) !== JSON.stringify(d)) mismatches.push(t);
    });
    expect(got.some((l) => l instanceof ShapeLine)).toBe(true);
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('the whole script parsed lazily (as a check reads it) says what it says parsed in full', () => {
    service.clearCaches();
    const text = read().join('\n');
    const full = service.parseScript(text);
    service.clearCaches();
    const lazy = service.parseScript(text, { lazy: true });
    // Lines of a known shape were made to be built when read (moved to their line number).
    expect(lazy.script.lines.some((l) => (l as { base?: unknown }).base instanceof ShapeLine)).toBe(true);
    expect(JSON.stringify(lazy.diagnostics)).toBe(JSON.stringify(full.diagnostics));
    const mismatches = full.script.lines.filter((l, i) => JSON.stringify(l) !== JSON.stringify(lazy.script.lines[i])).map((l) => l.text);
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('every one of the 20,000 lines compiles for the runtime as it would alone', () => {
    service.clearCaches();
    const mismatches = read().filter((t) => JSON.stringify(service.compile(t)) !== JSON.stringify(service.compileLine(t, 0)));
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});
