/**
 * The extension's snippets: each body, with its placeholders at their
 * defaults (and a new VM line where the cursor ends), is a script that
 * `mm check` passes in the dialect it is written for.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLanguageService, dialect23, dialect31, orderDiagnostics } from '../../language/index.js';
import { repoRoot } from '../helpers/shared.js';

interface Snippet {
  readonly prefix: readonly string[];
  readonly body: readonly string[];
}
const snippets = JSON.parse(readFileSync(join(repoRoot, 'vscode-extension/snippets/minimega.json'), 'utf8')) as Record<string, Snippet>;
const manifest = JSON.parse(readFileSync(join(repoRoot, 'vscode-extension/package.json'), 'utf8')) as {
  contributes: { snippets: { language: string; path: string }[] };
};

/** A body as inserted with every placeholder left at its default; the final cursor gets `line`. */
function expand(body: readonly string[], line: string): string {
  return body
    .map((l) =>
      l
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
        .replace(/\$0/, line),
    )
    .join('\n');
}

describe('snippets', () => {
  it('the manifest ships them for the language: a namespace block, a VM config + launch block, a cc block', () => {
    expect(manifest.contributes.snippets).toEqual([{ language: 'minimega', path: './snippets/minimega.json' }]);
    expect(Object.keys(snippets)).toEqual(['Namespace block (2.3)', 'Namespace block (3.1)', 'VM config and launch', 'cc block']);
  });

  it.each([
    ['Namespace block (2.3)', dialect23],
    ['Namespace block (3.1)', dialect31],
    ['VM config and launch', dialect23],
    ['VM config and launch', dialect31],
    ['cc block', dialect23],
    ['cc block', dialect31],
  ] as const)('%s checks clean as minimega %s', (name, dialect) => {
    const language = createLanguageService(dialect);
    const text = expand(snippets[name]!.body, 'vm launch kvm extra');
    const { script, diagnostics } = language.parseScript(text);
    const all = orderDiagnostics([...diagnostics, ...language.checkScript(script)]);
    expect(all.map((d) => `${d.range.start.line}: ${d.message}`)).toEqual([]);
  });
});
