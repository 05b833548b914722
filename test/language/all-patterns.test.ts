/**
 * Generated inputs for every one of the 304 patterns of minimega 2.3: accepted
 * forms (every choice option, optional items present and absent, nested
 * commands, abbreviations) and rejected forms (missing argument, extra word,
 * ambiguous or bad prefix, misspelling). Expectations come from the
 * independent reference matcher in ../helpers/minicli-reference.ts, itself
 * checked against the spec's synthetic examples and minimega 2.3's own output
 * on 20,000 lines, never from the code under test. Registration-order quirks
 * (`clear vm config init` matching the initrd pattern) are thus expected
 * where the reference says so, and listed explicitly below.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compiledHandlers } from '../../language/catalog/index.js';
import { describeLine } from '../../language/describe.js';
import { Codes } from '../../language/codes.js';
import { RefMinicli, refPattern, refView, type RefItem, type RefResult, type RefView } from '../helpers/minicli-reference.js';
import { hasShared, sharedPath } from '../helpers/shared.js';
import { createLanguageService } from '../../language/index.js';
import { canonicalJson } from '../helpers/canonical-json.js';

const { compileLine, parseScript } = createLanguageService();

const registry = compiledHandlers.map((h) => h.spec.patterns);
const ref = new RefMinicli(registry);

describe('the reference matcher', () => {
  const on = (handlers: string[][], line: string): RefView => refView(new RefMinicli(handlers).compile(line));

  it('reproduces the synthetic-registry examples of the spec (closest match, first exact match)', () => {
    // Inside one handler the first matching pattern wins, even as a prefix.
    expect(on([['y barbaz', 'y bar']], 'y bar').pattern).toBe('y barbaz');
    // An exact match in a later handler beats an earlier apropos match.
    expect(on([['y barbaz'], ['y bar']], 'y bar').pattern).toBe('y bar');
    // Two apropos matches abort, although a later handler would match exactly.
    expect(on([['x abc'], ['x abd'], ['x <name>']], 'x ab').error).toBe('invalid command: `x ab`');
    expect(on([['x abc'], ['x <name>']], 'x ab').pattern).toBe('x <name>');
    expect(on([['x abc'], ['x abd']], 'x abc').pattern).toBe('x abc');
    // String items count as exact.
    expect(on([['z <a> [b]'], ['z q r']], 'z q r')).toMatchObject({ pattern: 'z <a> [b]', args: { string: { a: 'q', b: 'r' } } });
    // Empty strings are kept in lists; matching is case-sensitive.
    expect(on([['w <a>...']], 'w a "" b').args.list).toEqual({ a: ['a', '', 'b'] });
    expect(on([['x abc']], 'X abc').ok).toBe(false);
  });

  it.skipIf(!hasShared)('reproduces minimega 2.3 on the 20,000 oracle lines, original included', () => {
    const input = readFileSync(sharedPath('oracle/generated-2.3.txt'), 'utf8').split('\n');
    const want = readFileSync(sharedPath('oracle/generated-2.3.out.jsonl'), 'utf8').trim().split('\n');
    const bad: string[] = [];
    want.forEach((w, i) => {
      const exp = JSON.parse(w) as Record<string, unknown>;
      delete exp.input;
      const got = refView(ref.compile(input[i]!.replace(/\r$/, '')));
      if (canonical(got) !== canonical(exp)) bad.push(`line ${i + 1}: ${input[i]}`);
    });
    expect(bad.slice(0, 5)).toEqual([]);
  });
});

const canonical = (v: unknown): string => canonicalJson(v);

/** The code under test's view of one line, as `mm parse` shows it. */
function compiled(line: string): RefView {
  const { script } = parseScript(line, { valueChecks: false });
  const l = script.lines[0];
  if (!l) return refView({ kind: 'empty' });
  const { input: _input, ...view } = describeLine(l);
  return view as unknown as RefView;
}

type Kind = 'full' | 'minimal' | 'option' | 'nested' | 'abbreviated' | 'missing' | 'extra' | 'prefix' | 'misspelt';

interface Case {
  readonly kind: Kind;
  readonly input: string;
  readonly want: RefView;
  /** Why the reference rejected it (undefined when accepted). */
  readonly reason: 'lex' | 'ambiguous' | 'none' | undefined;
}

const NESTED = ['vm info', '.columns name,state vm info summary', 'echo a b'];

/** Words for a pattern: `option` picks the choice options, `nested` the sub-command. */
function instantiate(items: readonly RefItem[], withOptional: boolean, option: number, nested: string): string[] | undefined {
  const words: string[] = [];
  let n = 0;
  for (const it of items) {
    if (it.optional && !withOptional) break;
    n++;
    switch (it.kind) {
      case 'literal':
        words.push(it.text);
        break;
      case 'choice':
        words.push(it.options[Math.min(option, it.options.length - 1)]!);
        break;
      case 'string':
        words.push(`s${n}`);
        break;
      case 'list':
        words.push(`l${n}`, `m${n}`);
        break;
      case 'command':
        words.push(nested);
        break;
    }
  }
  return words;
}

const run = (line: string): RefResult => ref.compile(line);
const same = (a: RefResult, b: RefResult): boolean => {
  const { original: _a, ...x } = refView(a);
  const { original: _b, ...y } = refView(b);
  return canonical(x) === canonical(y);
};

/** Shortens literal and choice words, left to right, as long as the meaning stays the same. */
function abbreviate(items: readonly RefItem[], words: string[]): string[] {
  const out = [...words];
  const target = run(out.join(' '));
  for (let i = 0; i < Math.min(items.length, out.length); i++) {
    const it = items[i]!;
    if (it.kind === 'list' || it.kind === 'command') break;
    if (it.kind !== 'literal' && it.kind !== 'choice') continue;
    for (let len = 1; len < out[i]!.length; len++) {
      const trial = [...out];
      trial[i] = out[i]!.slice(0, len);
      if (same(run(trial.join(' ')), target)) {
        out[i] = trial[i]!;
        break;
      }
    }
  }
  return out;
}

function casesFor(patternText: string): Case[] {
  const items = refPattern(patternText);
  const cases: Case[] = [];
  const seen = new Set<string>();
  const add = (kind: Kind, words: string[] | undefined): void => {
    if (!words || words.length === 0) return;
    const input = words.join(' ');
    if (seen.has(input)) return;
    seen.add(input);
    const r = run(input);
    cases.push({ kind, input, want: refView(r), reason: r.kind === 'error' ? r.reason : undefined });
  };
  const maxOptions = Math.max(1, ...items.map((i) => i.options.length));
  const hasCommand = items.some((i) => i.kind === 'command');
  const full = instantiate(items, true, 0, NESTED[0]!)!;
  const minimal = instantiate(items, false, 0, NESTED[0]!)!;
  add('full', full);
  add('minimal', minimal);
  for (let k = 1; k < maxOptions; k++) add('option', instantiate(items, true, k, NESTED[0]!));
  if (hasCommand) for (const n of NESTED.slice(1)) add('nested', instantiate(items, true, 0, n));
  add('abbreviated', abbreviate(items, full));
  add('abbreviated', abbreviate(items, minimal));
  // Rejected forms.
  // Missing argument: cut before the last required argument (or the last word when all are literals).
  let cut = -1;
  for (let i = 0; i < Math.min(items.length, minimal.length); i++) if (!items[i]!.optional && items[i]!.kind !== 'literal') cut = i;
  add('missing', minimal.slice(0, cut > 0 ? cut : minimal.length - 1));
  add('extra', [...full, 'extra']);
  for (let i = 0; i < Math.min(items.length, full.length); i++) {
    const it = items[i]!;
    if (it.kind !== 'literal' && it.kind !== 'choice') continue;
    for (let len = 0; len < full[i]!.length; len++) {
      const trial = [...full];
      trial[i] = len === 0 ? '""' : full[i]!.slice(0, len);
      if (run(trial.join(' ')).kind === 'error') {
        add('prefix', trial);
        break;
      }
    }
  }
  add('misspelt', [`${full[0]}zz`, ...full.slice(1)]);
  return cases;
}

const patterns = compiledHandlers.flatMap((h) => h.patterns.map((p) => ({ handler: h.spec.id, text: p.text })));
const generated = patterns.map((p) => ({ ...p, cases: casesFor(p.text) }));
const ACCEPTED: ReadonlySet<Kind> = new Set(['full', 'minimal', 'option', 'nested', 'abbreviated']);

describe('generated inputs for each of the 304 patterns', () => {
  it('covers 304 patterns', () => expect(generated.length).toBe(304));

  describe.each(generated)('$handler: $text', ({ text, cases }) => {
    it('accepted forms match as the reference says (pattern, argument maps, nested commands)', () => {
      const accepted = cases.filter((c) => ACCEPTED.has(c.kind));
      expect(accepted.length).toBeGreaterThan(0);
      for (const c of accepted) {
        expect(c.want.ok, `${c.kind} form is accepted: ${c.input}`).toBe(true);
        expect(compiled(c.input), `${c.kind}: ${c.input}`).toEqual(c.want);
      }
      // The full form reaches the pattern itself, unless an earlier pattern shadows it.
      const own = accepted.filter((c) => c.want.pattern === text);
      if (!SHADOWED.has(text)) expect(own.length, text).toBeGreaterThan(0);
    });

    it('rejected forms give the exact minicli error', () => {
      const rejected = cases.filter((c) => !ACCEPTED.has(c.kind) && !c.want.ok);
      expect(rejected.filter((c) => c.kind !== 'misspelt').length).toBeGreaterThan(0);
      for (const c of rejected) {
        expect(c.want.error).toBe(`invalid command: \`${c.input}\``);
        expect(compiled(c.input), `${c.kind}: ${c.input}`).toEqual(c.want);
        const r = compileLine(c.input, 0);
        expect(r.kind === 'noMatch' && r.failure === 'ambiguous', `ambiguity of ${c.input}`).toBe(c.reason === 'ambiguous');
      }
      // Forms the reference accepts after all (an extra word for a list) still agree.
      for (const c of cases.filter((x) => !ACCEPTED.has(x.kind) && x.want.ok)) {
        expect(compiled(c.input), `${c.kind}: ${c.input}`).toEqual(c.want);
      }
    });
  });
});

/** Patterns no input reaches: an earlier pattern of the same handler catches every prefix. */
const SHADOWED: ReadonlySet<string> = new Set(['clear vm config <init,>']);

describe('coverage of the generated inputs', () => {
  const all = generated.flatMap((g) => g.cases.map((c) => ({ ...c, pattern: g.text })));

  it('reaches every pattern but the shadowed ones with its own input', () => {
    const unreached = generated.filter((g) => !g.cases.some((c) => ACCEPTED.has(c.kind) && c.want.pattern === g.text)).map((g) => g.text);
    expect(unreached).toEqual([...SHADOWED]);
  });

  it('lists the generated inputs that legitimately match another pattern', () => {
    const elsewhere = all
      .filter((c) => (c.kind === 'full' || c.kind === 'minimal' || c.kind === 'option') && c.want.pattern !== c.pattern)
      .map((c) => `${c.input} -> ${c.want.pattern}`);
    expect(elsewhere).toEqual(['clear vm config init -> clear vm config <initrd,>']);
  });

  it('abbreviates most patterns and exercises every rejection kind', () => {
    const abbreviated = new Set(all.filter((c) => c.kind === 'abbreviated' && c.want.ok).map((c) => c.pattern));
    expect(abbreviated.size).toBeGreaterThanOrEqual(290);
    const count = (k: Kind): number => all.filter((c) => c.kind === k && !c.want.ok).length;
    // A missing argument is often a shorter registered pattern (`host`, `cc`): those are accepted.
    expect(count('missing')).toBeGreaterThanOrEqual(140);
    expect(count('extra')).toBeGreaterThanOrEqual(260);
    expect(count('prefix')).toBeGreaterThanOrEqual(500);
    expect(count('misspelt')).toBe(304);
    expect(all.filter((c) => c.reason === 'ambiguous').length).toBeGreaterThanOrEqual(450);
  });

  it('agrees on one script holding every generated line (the parseScript path)', () => {
    const { script, diagnostics } = parseScript(all.map((c) => c.input).join('\n') + '\n', { valueChecks: false });
    expect(script.lines.length).toBe(all.length);
    const bad = script.lines.filter((l, i) => {
      const { input: _i, ...v } = describeLine(l);
      return canonical(v) !== canonical(all[i]!.want);
    });
    expect(bad.map((l) => l.text)).toEqual([]);
    const codes = new Set(diagnostics.map((d) => d.code));
    // Some lines 2.3 rejects are minimega 3.1 commands: their error says so.
    expect([...codes].sort()).toEqual([Codes.ambiguousCommand, Codes.badArguments, Codes.otherDialect, Codes.unknownCommand].sort());
  });
});
