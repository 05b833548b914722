/**
 * Property: when an edit inserts or deletes lines that the script checks pass
 * over (blank lines, comments, `vm config` lines, rejected lines), the server
 * moves the checks' last findings instead of replaying the document
 * (`checksShifts`, `LanguageService.shiftChecks`), and what it publishes is
 * still exactly what checking the edited text afresh gives: duplicate
 * launches name their earlier line where it moved, queues never launched
 * stay at their last launch. Scripts here are launch-heavy so that most
 * versions have such findings after the edit.
 */
import { describe, expect, it } from 'vitest';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { mulberry32 } from '../../interpreter/random.js';
import { createLanguageService, type Diagnostic } from '../../language/index.js';
import { createAnalysisCache } from '../../server/analysis.js';
import { createDocumentStore } from '../../server/documents.js';
import { DEFAULT_SETTINGS } from '../../server/settings.js';
import { createWorkspace } from '../../server/workspace.js';

/** Lines the checks look at: launches (many duplicates), namespaces, queues and their flushes. */
const CHECKED = [
  'vm launch kvm a',
  'vm launch kvm b,c',
  'vm launch kvm a[1-3]',
  'namespace n1',
  'namespace n2',
  'clear namespace',
  'vm launch',
  'vm flush',
  'nsmod add-host x',
];
/** Lines the checks pass over. */
const PASSED = ['', '# note', 'vm config memory 512', 'vm lanch kvm typo', 'echo hi', 'vm info', '   '];

const uri = 'file:///tmp/checks-shift/s.mm';

function published(diagnostics: readonly Diagnostic[]): unknown[] {
  return diagnostics.map((d) => ({ range: d.range, severity: d.severity, code: d.code, message: d.message }));
}

describe('findings moved by edits the script checks pass over', () => {
  it.each([1, 2, 3, 4, 5, 6])('seed %i: 150 edits, every version equal to a fresh check', (seed) => {
    const next = mulberry32(seed);
    const pick = <T>(xs: readonly T[]): T => xs[next() % xs.length]!;
    const language = createLanguageService();
    const documents = createDocumentStore(() => language);
    const analyses = createAnalysisCache(
      createWorkspace(documents, () => language, '/tmp/checks-shift'),
      () => DEFAULT_SETTINGS,
    );
    const lines = ['# a script'];
    for (let i = 0; i < 60; i++) lines.push(next() % 3 === 0 ? pick(PASSED) : pick(CHECKED));
    const doc = documents.open(uri, 'minimega', 1, `${lines.join('\n')}\n`);
    analyses.get(doc).diagnostics();
    let moved = 0;
    for (let v = 2; v < 152; v++) {
      const at = 1 + (next() % (lines.length - 1));
      let change: TextDocumentContentChangeEvent;
      const kind = next() % 4;
      if (kind === 0 && lines.length > 2) {
        // Delete a line (passed over or not: then the checks replay).
        change = { range: { start: { line: at, character: 0 }, end: { line: at + 1, character: 0 } }, text: '' };
        lines.splice(at, 1);
      } else if (kind === 3) {
        // A checked line now and then, so that the findings change too.
        const text = pick(CHECKED);
        change = { range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, text: `${text}\n` };
        lines.splice(at, 0, text);
      } else {
        const added = Array.from({ length: 1 + (next() % 3) }, () => pick(PASSED));
        change = { range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, text: `${added.join('\n')}\n` };
        lines.splice(at, 0, ...added);
      }
      const before = doc.checksShifts.length;
      documents.change(uri, [change], v);
      if (doc.checksShifts.length > before) moved++;
      const fresh = createLanguageService();
      const reference = createDocumentStore(() => fresh);
      const expected = createAnalysisCache(
        createWorkspace(reference, () => fresh, '/tmp/checks-shift'),
        () => DEFAULT_SETTINGS,
      );
      const again = reference.open(uri, 'minimega', 1, doc.getText());
      expect(doc.getText()).toBe(`${lines.join('\n')}\n`);
      expect(published(analyses.get(doc).diagnostics()), `version ${v}`).toEqual(published(expected.get(again).diagnostics()));
    }
    // Most edits insert passed-over lines: the findings were moved, not replayed, for many versions.
    expect(moved).toBeGreaterThan(40);
  });

  it('names the earlier launch where it moved, and keeps it where it did not', () => {
    const language = createLanguageService();
    const documents = createDocumentStore(() => language);
    const analyses = createAnalysisCache(
      createWorkspace(documents, () => language, '/tmp/checks-shift'),
      () => DEFAULT_SETTINGS,
    );
    const doc = documents.open(uri, 'minimega', 1, '# x\nvm launch kvm a\nvm config memory 1\nvm launch kvm a\nvm config memory 2\nvm launch kvm a\n');
    const messages = (): string[] =>
      analyses
        .get(doc)
        .diagnostics()
        .map((d) => `${d.range.start.line}: ${d.message}`);
    expect(messages()).toEqual(['3: `a` is already launched (line 2)', '5: `a` is already launched (line 4)']);
    // Two blank lines after line 1: both launches after them move, the second names the moved one.
    documents.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '\n\n' }], 2);
    expect(doc.checksShifts).toEqual([{ at: 2, delta: 2 }]);
    expect(messages()).toEqual(['5: `a` is already launched (line 2)', '7: `a` is already launched (line 6)']);
    // A config line deleted between the last two launches.
    documents.change(uri, [{ range: { start: { line: 6, character: 0 }, end: { line: 7, character: 0 } }, text: '' }], 3);
    expect(messages()).toEqual(['5: `a` is already launched (line 2)', '6: `a` is already launched (line 6)']);
    // A launch inserted: the findings change, the checks replay (a new stamp, no moves).
    const stamp = doc.checksStamp;
    documents.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'vm launch kvm z\n' }], 4);
    expect(doc.checksStamp).not.toBe(stamp);
    expect(doc.checksShifts).toEqual([]);
    expect(messages()).toEqual(['6: `a` is already launched (line 3)', '7: `a` is already launched (line 7)']);
  });
});
