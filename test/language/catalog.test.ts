import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handlers } from '../../language/catalog/index.js';
import { renderCommandReference } from '../../language/catalog/reference.js';
import { createLanguageService } from '../../language/index.js';
import { argProblems, exampleBlocks, goLeaks, layoutProblems, summaryProblems, withIds, type ResearchHandler } from '../helpers/catalog-texts.js';
import { hasShared, repoRoot, sharedPath } from '../helpers/shared.js';

const { parseScript } = createLanguageService();

describe('command catalog', () => {
  it('has the 113 handlers and 304 patterns of minimega 2.3, with unique ids', () => {
    expect(handlers).toHaveLength(113);
    expect(handlers.reduce((n, h) => n + h.patterns.length, 0)).toBe(304);
    expect(new Set(handlers.map((h) => h.id)).size).toBe(113);
  });

  it('gives every handler a summary and a longer doc, summaries one short line without a trailing period', () => {
    expect(summaryProblems(handlers)).toEqual([]);
  });

  it('does not leak Go internals into user texts', () => {
    expect(goLeaks(handlers)).toEqual([]);
  });

  it('documents every argument key of every pattern', () => {
    expect(argProblems(handlers)).toEqual({ missing: [], stale: [] });
  });

  it('writes docs as plain text: no headings or tables, code in backticks, an example, the namespace behaviour', () => {
    expect(layoutProblems(handlers)).toEqual([]);
  });

  it('has examples that parse cleanly and show the command itself', () => {
    const problems: string[] = [];
    for (const h of handlers) {
      let self = false;
      for (const text of exampleBlocks(h.doc)) {
        const { script, diagnostics } = parseScript(text);
        for (const d of diagnostics) problems.push(`${h.id}: ${d.severity} ${d.message}`);
        if (script.lines.some((l) => l.command?.handler.id === h.id)) self = true;
      }
      if (!self) problems.push(`${h.id}: no example uses the command`);
    }
    expect(problems).toEqual([]);
  });

  it('never tells the user a command is not simulated: every handler is', () => {
    for (const h of handlers) expect(h.doc, h.id).not.toContain('not supported by the simulator');
  });

  describe.skipIf(!hasShared)('against the 2.3 research catalog', () => {
    const shared = (): ResearchHandler[] => (JSON.parse(readFileSync(sharedPath('spec/catalog-2.3.json'), 'utf8')) as { handlers: ResearchHandler[] }).handlers;

    it('has the same handlers, ids, groups, categories and patterns, in the same order', () => {
      const want = withIds(shared()).map((h) => ({ id: h.id, group: h.group, category: h.category, patterns: h.patterns }));
      const got = handlers.map((h) => ({ id: h.id, group: h.group, category: h.category, patterns: h.patterns }));
      expect(got).toEqual(want);
    });
  });

  it('docs/commands.md is the generated reference (run `npm run docs` after editing the catalog)', () => {
    const file = readFileSync(join(repoRoot, 'docs/commands.md'), 'utf8');
    expect(file).toBe(renderCommandReference());
  });
});
