import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handlers } from '../../language/catalog/index.js';
import type { HandlerSpec } from '../../language/catalog/types.js';
import { renderCommandReference } from '../../language/catalog/reference.js';
import { compilePattern } from '../../language/patterns.js';
import { parseScript } from '../../language/parse.js';
import { hasShared, repoRoot, sharedPath } from '../helpers/shared.js';

/** Words from minimega's Go sources that must not leak into user texts. */
const GO_INTERNALS = [
  'BoolArgs',
  'StringArgs',
  'ListArgs',
  'CLIFunc',
  'wrapSimpleCLI',
  'wrapBroadcastCLI',
  'wrapVMTargetCLI',
  'ranges.SplitList',
  'minicli.Compile',
  'ProcessCommand',
  'cliVmConfigField',
  'VMConfigFns',
];

interface Keys {
  /** String, list and command keys, and options of multi-option choices: need an args entry. */
  readonly required: Set<string>;
  /** Options of single-option choices: keywords, an entry is optional. */
  readonly keywords: Set<string>;
}

function patternKeys(spec: HandlerSpec): Keys {
  const required = new Set<string>();
  const keywords = new Set<string>();
  for (const p of spec.patterns) {
    const r = compilePattern(p);
    if (!r.ok) throw new Error(`${spec.id}: ${r.error}`);
    for (const item of r.items) {
      if (item.type === 'string' || item.type === 'list' || item.type === 'command') required.add(item.key);
      else if (item.type === 'choice') {
        if (item.options.length > 1) item.options.forEach((o) => required.add(o));
        else keywords.add(item.options[0]!);
      }
    }
  }
  return { required, keywords };
}

/** Every user-facing text of a handler, labelled for error messages. */
function texts(spec: HandlerSpec): Array<[string, string]> {
  const out: Array<[string, string]> = [
    [`${spec.id} summary`, spec.summary],
    [`${spec.id} doc`, spec.doc],
  ];
  for (const [k, a] of Object.entries(spec.args)) {
    out.push([`${spec.id} args.${k}.summary`, a.summary]);
    if (a.doc !== undefined) out.push([`${spec.id} args.${k}.doc`, a.doc]);
  }
  (spec.quirks ?? []).forEach((q, i) => out.push([`${spec.id} quirks[${i}]`, q]));
  return out;
}

/** Removes code spans (any number of backticks) from one line of text. */
function withoutCode(line: string): string {
  return line.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, '');
}

describe('command catalog', () => {
  it('has the 113 handlers and 304 patterns of minimega 2.3, with unique ids', () => {
    expect(handlers).toHaveLength(113);
    expect(handlers.reduce((n, h) => n + h.patterns.length, 0)).toBe(304);
    expect(new Set(handlers.map((h) => h.id)).size).toBe(113);
  });

  it('gives every handler a summary and a longer doc', () => {
    for (const h of handlers) {
      expect(h.summary.trim(), h.id).not.toBe('');
      expect(h.doc.length, h.id).toBeGreaterThan(h.summary.length);
    }
  });

  it('keeps summaries to one short line without a trailing period', () => {
    for (const h of handlers) {
      expect(h.summary, h.id).not.toMatch(/\n/);
      expect(h.summary.length, h.id).toBeLessThanOrEqual(100);
      expect(h.summary, h.id).not.toMatch(/\.$/);
      for (const [k, a] of Object.entries(h.args)) {
        expect(a.summary, `${h.id} ${k}`).not.toMatch(/\n/);
        expect(a.summary, `${h.id} ${k}`).not.toMatch(/\.$/);
      }
    }
  });

  it('does not leak Go internals into user texts', () => {
    const leaks: string[] = [];
    for (const h of handlers) {
      for (const [where, text] of texts(h)) {
        for (const word of GO_INTERNALS) if (text.includes(word)) leaks.push(`${where}: ${word}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('documents every argument key of every pattern', () => {
    const missing: string[] = [];
    const stale: string[] = [];
    for (const h of handlers) {
      const { required, keywords } = patternKeys(h);
      for (const k of required) {
        const a = h.args[k];
        if (!a || a.summary.trim() === '') missing.push(`${h.id}: ${k}`);
        else if (!a.doc || a.doc.trim() === '') missing.push(`${h.id}: ${k} (doc)`);
      }
      for (const k of Object.keys(h.args)) if (!required.has(k) && !keywords.has(k)) stale.push(`${h.id}: ${k}`);
    }
    expect(missing).toEqual([]);
    expect(stale).toEqual([]);
  });

  it('writes docs as plain text: no headings or tables, code in backticks, an example, the namespace behaviour', () => {
    const problems: string[] = [];
    for (const h of handlers) {
      const paragraphs = h.doc.split('\n\n');
      if (!paragraphs.some((p) => p.startsWith('    '))) problems.push(`${h.id}: no example block`);
      if (!/Namespaces: /.test(h.doc)) problems.push(`${h.id}: no namespace paragraph`);
      paragraphs.forEach((p, i) => {
        // An indented block right after a list item would render as part of the list.
        if (p.startsWith('    ') && paragraphs[i - 1]?.startsWith('- ')) problems.push(`${h.id}: example after a list`);
      });
      for (const [where, text] of texts(h)) {
        for (const line of text.split('\n')) {
          if (line.startsWith('    ')) continue;
          if (/^\s*(#|\|)/.test(line)) problems.push(`${where}: heading or table line: ${line}`);
          const prose = withoutCode(line);
          if (prose.includes('`')) problems.push(`${where}: unbalanced backticks: ${line}`);
          if (/<[A-Za-z/]/.test(prose)) problems.push(`${where}: <...> outside backticks: ${line}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has examples that parse cleanly and show the command itself', () => {
    const problems: string[] = [];
    for (const h of handlers) {
      let self = false;
      for (const block of h.doc.split('\n\n').filter((p) => p.startsWith('    '))) {
        const text = block
          .split('\n')
          .map((l) => l.slice(4))
          .join('\n');
        const { script, diagnostics } = parseScript(text);
        for (const d of diagnostics) problems.push(`${h.id}: ${d.severity} ${d.message}`);
        if (script.lines.some((l) => l.command?.handler.id === h.id)) self = true;
      }
      if (!self) problems.push(`${h.id}: no example uses the command`);
    }
    expect(problems).toEqual([]);
  });

  it('says in the doc whether the simulator models the command', () => {
    for (const h of handlers) {
      const says = h.doc.includes('not supported by the simulator');
      expect(says, h.id).toBe(!h.simulated);
    }
  });

  describe.skipIf(!hasShared)('against the 2.3 research catalog', () => {
    interface SharedHandler {
      readonly order: number;
      readonly group: string;
      readonly name: string;
      readonly category: string;
      readonly patterns: readonly string[];
    }
    const shared = (): SharedHandler[] =>
      (JSON.parse(readFileSync(sharedPath('spec/catalog-2.3.json'), 'utf8')) as { handlers: SharedHandler[] }).handlers;

    it('has the same handlers, ids, groups, categories and patterns, in the same order', () => {
      const seen = new Map<string, number>();
      const want = shared()
        .sort((a, b) => a.order - b.order)
        .map((h) => {
          const n = (seen.get(h.name) ?? 0) + 1;
          seen.set(h.name, n);
          return { id: n === 1 ? h.name : `${h.name}#${n}`, group: h.group, category: h.category, patterns: h.patterns };
        });
      const got = handlers.map((h) => ({ id: h.id, group: h.group, category: h.category, patterns: h.patterns }));
      expect(got).toEqual(want);
    });
  });

  it('docs/commands.md is the generated reference (run `npm run docs` after editing the catalog)', () => {
    const file = readFileSync(join(repoRoot, 'docs/commands.md'), 'utf8');
    expect(file).toBe(renderCommandReference());
  });
});
