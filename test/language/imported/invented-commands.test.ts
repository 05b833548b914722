/**
 * A command set with commands no built-in dialect has: they are accepted,
 * completed and helped with what the binary said, and nothing is invented
 * about them (category unknown, no value checks).
 */
import { describe, expect, it } from 'vitest';
import { createCommandSet, createImportedDialect, createLanguageService, describeLine, dialect31 } from '../../../language/index.js';
import { dumpHandler, dumpOfSharedCatalog } from '../../helpers/cli-dumps.js';
import { hasShared } from '../../helpers/shared.js';

const invented = [
  dumpHandler(['frobnicate <widget> [count]'], 'frobnicate widgets', 'Frobnicate a widget count times.'),
  dumpHandler(['clear frobnicate <all,>'], 'unfrobnicate', ''),
  dumpHandler(['vm <twiddle,> <vm target> <knob>'], 'twiddle a VM knob', ''),
];

describe.skipIf(!hasShared)('a command set with invented commands', () => {
  // The describe body runs even when skipped: without ../shared it builds nothing.
  const set = hasShared ? createCommandSet([...dumpOfSharedCatalog('3.1'), ...invented], { minimegaVersion: '3.2.0' }) : (undefined as never);
  const dialect = hasShared ? createImportedDialect(set) : (undefined as never);
  const language = hasShared ? createLanguageService(dialect) : (undefined as never);

  it('is no built-in dialect, matches with 3.1 rules and borrows 3.1 facts', () => {
    expect(set.sameAs).toBeUndefined();
    expect(set.rules).toBe('3.1');
    expect(dialect.imported?.nearest).toBe(dialect31);
    expect(dialect.catalog.handlers.length).toBe(dialect31.catalog.handlers.length + 3);
    const vmLaunch = dialect.catalog.find('vm launch')!.spec;
    expect(vmLaunch.category).toBe(dialect31.catalog.find('vm launch')!.spec.category);
    expect(vmLaunch.imported?.factsFrom).toBe('3.1');
  });

  it('accepts them, with minicli argument maps', () => {
    const { script, diagnostics } = language.parseScript('frobnicate w1 7\nclear frobnicate all\nvm twiddle foo knob1\n');
    expect(diagnostics).toEqual([]);
    const v = script.lines.map(describeLine);
    expect(v[0]).toMatchObject({ ok: true, pattern: 'frobnicate <widget> [count]', args: { string: { widget: 'w1', count: '7' } } });
    expect(v[1]).toMatchObject({ ok: true, pattern: 'clear frobnicate <all,>', args: { bool: { all: true } } });
    expect(v[2]).toMatchObject({ ok: true, pattern: 'vm <twiddle,> <vm target> <knob>', args: { string: { vm: 'foo', knob: 'knob1' } } });
  });

  it('completes them with their own short help', () => {
    const first = language.complete('frob', 4).candidates.find((c) => c.label === 'frobnicate');
    expect(first).toBeDefined();
    const sub = language.complete('vm twi', 6).candidates.map((c) => c.label);
    expect(sub).toContain('twiddle');
    const all = language.complete('clear frobnicate a', 18).candidates.map((c) => c.label);
    expect(all).toContain('all');
  });

  it('gives their help and says the category is unknown', () => {
    const h = dialect.catalog.find('frobnicate')!.spec;
    expect(h.summary).toBe('frobnicate widgets');
    expect(h.imported).toEqual({ helpShort: 'frobnicate widgets', helpLong: 'Frobnicate a widget count times.', factsFrom: undefined });
    expect(h.args).toEqual({});
    const sig = language.signaturesAt('frobnicate w1 ', 14).map((s) => s.pattern.text);
    expect(sig).toContain('frobnicate <widget> [count]');
  });
});
