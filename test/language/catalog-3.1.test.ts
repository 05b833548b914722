import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handlers31, handlersRemovedIn31, vmConfigParams31 } from '../../language/catalog/catalog-3.1.js';
import { catalog23 } from '../../language/catalog/index.js';
import type { HandlerSpec, VmConfigParamSpec } from '../../language/catalog/types.js';
import { nsBroadcast, nsLocal, nsVmTarget } from '../../language/catalog/data/doc-text.js';
import { lexLine } from '../../language/lexing/lex.js';
import { compilePattern, type PatternItem } from '../../language/patterns.js';
import { argProblems, exampleBlocks, goLeaks, layoutProblems, summaryProblems, texts, withIds, type ResearchHandler } from '../helpers/catalog-texts.js';
import { hasShared, sharedPath } from '../helpers/shared.js';

const compiled = handlers31.map((spec) => ({
  spec,
  patterns: spec.patterns.map((p) => {
    const r = compilePattern(p);
    if (!r.ok) throw new Error(`${spec.id}: ${p}: ${r.error}`);
    return r.items;
  }),
}));

/**
 * Whether `words` fit `items` with every keyword spelled out: examples in
 * the docs are written in full, so this needs none of minicli's prefix rules.
 * Optional items only ever end a pattern.
 */
function fits(items: readonly PatternItem[], words: readonly string[], nested?: (found: HandlerSpec[]) => void): boolean {
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const word = words[i];
    if (word === undefined) return item.optional && i === items.length - 1;
    switch (item.type) {
      case 'literal':
        if (word !== item.text) return false;
        break;
      case 'choice':
        if (!item.options.includes(word)) return false;
        break;
      case 'string':
        break;
      case 'list':
        return true;
      case 'command': {
        const found = matching(words.slice(i), nested);
        nested?.(found);
        return found.length > 0;
      }
    }
  }
  return words.length === items.length;
}

/** The 3.1 handlers that `words` match in full; `nested` hears the handlers of nested commands. */
function matching(words: readonly string[], nested?: (found: HandlerSpec[]) => void): HandlerSpec[] {
  return compiled.filter((h) => h.patterns.some((items) => fits(items, words, nested))).map((h) => h.spec);
}

describe('minimega 3.1 command catalog', () => {
  it('has 166 handlers and 454 patterns, with unique ids, every pattern compiling', () => {
    expect(handlers31).toHaveLength(166);
    expect(compiled.reduce((n, h) => n + h.patterns.length, 0)).toBe(454);
    expect(new Set(handlers31.map((h) => h.id)).size).toBe(166);
  });

  it('gives every handler a summary and a longer doc, summaries one short line without a trailing period', () => {
    expect(summaryProblems(handlers31)).toEqual([]);
  });

  it('does not leak Go internals into user texts', () => {
    expect(goLeaks(handlers31)).toEqual([]);
  });

  it('documents every argument key of every pattern', () => {
    expect(argProblems(handlers31)).toEqual({ missing: [], stale: [] });
  });

  it('writes docs as plain text: no headings or tables, code in backticks, an example, the namespace behaviour', () => {
    expect(layoutProblems(handlers31)).toEqual([]);
  });

  it('describes namespaces as 3.1 has them, not with the 2.3 sentences', () => {
    const stale = handlers31.filter((h) => [nsLocal, nsBroadcast, nsVmTarget].some((s) => h.doc.includes(s))).map((h) => h.id);
    expect(stale).toEqual([]);
    const nsmod = handlers31.filter((h) => /`nsmod/.test(h.doc) && h.id !== 'ns').map((h) => h.id);
    expect(nsmod).toEqual([]);
  });

  it('has examples that lex cleanly, are 3.1 commands, and show the command itself', () => {
    const problems: string[] = [];
    for (const h of handlers31) {
      let self = false;
      for (const line of exampleBlocks(h.doc).flatMap((b) => b.split('\n'))) {
        const lexed = lexLine(line);
        if (lexed.error) problems.push(`${h.id}: ${line}: ${lexed.error.message}`);
        const inner: HandlerSpec[] = [];
        const found = matching(
          lexed.words.map((w) => w.value),
          (f) => inner.push(...f),
        );
        if (found.length === 0) problems.push(`${h.id}: not a 3.1 command: ${line}`);
        if (found.includes(h) || inner.includes(h)) self = true;
      }
      if (!self) problems.push(`${h.id}: no example uses the command`);
    }
    expect(problems).toEqual([]);
  });

  it('does not speak of the simulator in the docs (3.1 is not simulated yet)', () => {
    expect(handlers31.filter((h) => /simulat/i.test(h.doc)).map((h) => h.id)).toEqual([]);
  });

  it('marks old spellings with patterns of the handler and an existing replacement', () => {
    const marked = handlers31.filter((h) => h.deprecated);
    expect(marked.map((h) => h.id)).toEqual(['ns', 'vm snapshot', 'vm migrate', 'vm config state']);
    for (const h of marked) {
      for (const p of h.deprecated!.patterns) expect(h.patterns, h.id).toContain(p);
      expect(matching(h.deprecated!.use.split(' ')).length, h.id).toBeGreaterThan(0);
    }
  });

  it('points every change note at a handler of the 2.3 catalog', () => {
    for (const h of handlers31) {
      const c = h.since23;
      if (!c) continue;
      expect(c.note.trim(), h.id).not.toBe('');
      if (c.kind === 'added') expect(c.from, h.id).toBeUndefined();
      else expect(catalog23.find(c.from ?? ''), `${h.id} from ${c.from}`).toBeDefined();
    }
    for (const r of handlersRemovedIn31) expect(catalog23.find(r.id), r.id).toBeDefined();
  });

  it('gives behaviour notes only to handlers whose patterns and category are those of 2.3', () => {
    for (const h of handlers31.filter((x) => x.since23?.kind === 'behaviour')) {
      const old = catalog23.find(h.since23!.from!)!.spec;
      expect({ patterns: h.patterns, category: h.category }, h.id).toEqual({ patterns: old.patterns, category: old.category });
    }
  });

  describe('vm config fields', () => {
    const byName = new Map(vmConfigParams31.map((p) => [p.name, p]));
    const clearForms = handlers31.find((h) => h.id === 'clear vm config')!.patterns.slice(1);

    it('show and set each field through its own handler', () => {
      for (const p of vmConfigParams31) {
        const h = handlers31.find((x) => x.id === p.handler);
        expect(h, p.name).toBeDefined();
        expect(
          h!.patterns.some((pat) => pat.startsWith(`vm config ${p.name}`)),
          p.name,
        ).toBe(true);
      }
    });

    it('reset each field with exactly the `clear vm config` forms', () => {
      const words = vmConfigParams31.flatMap((p) => p.clear);
      expect([...words].sort()).toEqual(clearForms.map((f) => f.slice('clear vm config <'.length, -2)).sort());
    });

    it('give checked fields the matching argument domain', () => {
      const domains: Partial<Record<VmConfigParamSpec['check'], string>> = {
        uint: 'uint',
        int: 'int',
        netspec: 'netspec',
        diskspec: 'diskspec',
        bondspec: 'bondspec',
      };
      for (const [check, domain] of Object.entries(domains)) {
        for (const p of vmConfigParams31.filter((x) => x.check === check)) {
          const h = handlers31.find((x) => x.id === p.handler)!;
          const args = Object.values(h.args).map((a) => a.domain);
          expect(args, p.name).toContain(domain);
        }
      }
      expect(byName.get('memory')?.default).toBe('2048');
    });
  });

  describe.skipIf(!hasShared)('against the 3.1 research catalog', () => {
    interface Change {
      readonly change: 'added' | 'changed' | 'removed' | 'order';
      readonly order31?: number;
      readonly order23?: number;
    }
    interface Param {
      readonly name: string;
      readonly applies_to: string;
      readonly type: string;
      readonly default: string;
      readonly cli_pattern: string;
      readonly validation: string;
      readonly clearable_via: string;
    }
    interface Catalog {
      readonly handlers: ResearchHandler[];
      readonly vmConfigParams: Param[];
      readonly changesFrom23: Change[];
    }
    // The describe body runs even when skipped: without ../shared it reads nothing.
    const read = (file: string): Catalog =>
      hasShared ? (JSON.parse(readFileSync(sharedPath(file), 'utf8')) as Catalog) : { handlers: [], vmConfigParams: [], changesFrom23: [] };
    const spec31 = read('spec/catalog-3.1.json');
    const ids23 = new Map(withIds(read('spec/catalog-2.3.json').handlers).map((h) => [h.order, h.id]));
    const research = withIds(spec31.handlers);

    it('has the same handlers, ids, groups, categories and patterns, in the same order', () => {
      const want = research.map((h) => ({ id: h.id, group: h.group, category: h.category, patterns: h.patterns }));
      const got = handlers31.map((h) => ({ id: h.id, group: h.group, category: h.category, patterns: h.patterns }));
      expect(got).toEqual(want);
    });

    it('words every summary and doc itself instead of copying the research notes', () => {
      const copies: string[] = [];
      const notes = (h: ResearchHandler): string[] => [h.summary, h.summary.replace(/\.$/, ''), ...Object.values(h.valueHints ?? {})];
      research.forEach((r, i) => {
        const ours = handlers31[i]!;
        for (const [where, text] of texts(ours)) {
          for (const note of notes(r)) if (text === note || (note.length > 40 && text.includes(note))) copies.push(`${where}: ${note}`);
        }
      });
      expect(copies).toEqual([]);
    });

    it('marks exactly the added and changed handlers of `changesFrom23`, naming the right 2.3 handler', () => {
      const want = new Map<number, { kind: string; from?: string }>();
      for (const c of spec31.changesFrom23) {
        if (c.change === 'added') want.set(c.order31!, { kind: 'added' });
        if (c.change === 'changed') want.set(c.order31!, { kind: 'changed', from: ids23.get(c.order23!)! });
      }
      handlers31.forEach((h, order) => {
        const got = h.since23 && h.since23.kind !== 'behaviour' ? { kind: h.since23.kind, ...(h.since23.from ? { from: h.since23.from } : {}) } : undefined;
        expect(got, h.id).toEqual(want.get(order));
      });
    });

    it('lists the removed 2.3 handlers', () => {
      const removed = spec31.changesFrom23.filter((c) => c.change === 'removed').map((c) => ids23.get(c.order23!));
      expect(handlersRemovedIn31.map((r) => r.id)).toEqual(removed);
    });

    it('has the same vm config fields, types, defaults, patterns and clear forms', () => {
      const goType = (t: string): VmConfigParamSpec['type'] => {
        const bare = t.replace(/ \(.*\)$/, '');
        if (bare === 'uint64') return 'uint';
        if (bare === 'int64') return 'int';
        if (bare === 'bool' || bare === 'string') return bare;
        if (bare === '[]string') return 'strings';
        if (bare.startsWith('map[')) return 'map';
        if (bare.startsWith('[]NetConfig')) return 'networks';
        if (bare.startsWith('[]BondConfig')) return 'bonds';
        if (bare.startsWith('[]DiskConfig')) return 'disks';
        if (bare.startsWith('[]{Match')) return 'overrides';
        throw new Error(`unknown type ${t}`);
      };
      // Defaults in Go notation: no comment, no quotes, lists as `[a b]`.
      const goDefault = (d: string): string => {
        const bare = d.replace(/ \(.*\)$/, '');
        if (bare.startsWith('["')) return `[${(JSON.parse(bare) as string[]).join(' ')}]`;
        return bare.replace(/^"(.*)"$/, '$1');
      };
      const scope = (a: string): VmConfigParamSpec['appliesTo'] =>
        a.startsWith('base') ? 'all' : a.startsWith('android') ? 'android' : (a as VmConfigParamSpec['appliesTo']);
      const check = (v: string): VmConfigParamSpec['check'] => {
        const known: Array<[RegExp, VmConfigParamSpec['check']]> = [
          [/^strconv\.ParseUint/, 'uint'],
          [/^strconv\.ParseInt/, 'int'],
          [/^choice-constrained/, 'choice'],
          [/^(value: )?checkPath/, 'path'],
          [/^validCPU/, 'cpu'],
          [/^validMachine/, 'machine'],
          [/^ns\.validSchedule/, 'schedule'],
          [/^validColocate/, 'colocate'],
          [/^ParseNetConfig/, 'netspec'],
          [/^ParseBondConfig/, 'bondspec'],
          [/^ParseDiskConfig/, 'diskspec'],
          [/^none/, 'none'],
        ];
        const hit = known.find(([re]) => re.test(v));
        if (!hit) throw new Error(`unknown validation ${v}`);
        return hit[1];
      };
      const want = spec31.vmConfigParams.map((p) => ({
        name: p.name,
        appliesTo: scope(p.applies_to),
        type: goType(p.type),
        default: goDefault(p.default),
        check: check(p.validation),
        patterns: p.cli_pattern.split(' | '),
        clear: p.clearable_via.split(' | '),
      }));
      const got = vmConfigParams31.map((p) => ({
        name: p.name,
        appliesTo: p.appliesTo,
        type: p.type,
        default: p.default,
        check: p.check,
        patterns: handlers31.find((h) => h.id === p.handler)!.patterns,
        clear: p.clear.map((w) => `clear vm config <${w},>`),
      }));
      expect(got).toEqual(want);
    });
  });
});
