/**
 * The language's shape: other source folders use it only through
 * `language/index.ts` (or the catalog's data), its files and the server's
 * import no cycle, and nothing in it remembers between calls at module
 * level (what is remembered belongs to a language service).
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { importCycles, readModules } from '../helpers/import-graph.js';

const OUTSIDE = ['interpreter', 'server', 'cli', 'vscode-extension/src', 'grammars', 'bench'];

/** Module-level objects that keep nothing between calls (Chevrotain's lexers and grammar, each built once when first used). */
const STATELESS_ENGINES = new Set(['LexingEngines']);

/** Module-level variables that remember nothing about input: a counter that gives each alias table an identity. */
const IDENTITY_COUNTERS = new Set(['language/alias-map.ts:instances']);

/** What is wrong with one top-level statement of a language file, if it holds mutable state. */
function moduleState(statement: ts.Statement, source: ts.SourceFile): string | undefined {
  if (!ts.isVariableStatement(statement)) return undefined;
  const list = statement.declarationList;
  const where = (d: ts.Node): string =>
    `${source.fileName.replace(/.*\/language\//, 'language/')}:${source.getLineAndCharacterOfPosition(d.getStart(source)).line + 1}`;
  if ((list.flags & ts.NodeFlags.Const) === 0) {
    const names = list.declarations.map((d) => `${source.fileName.replace(/.*\/language\//, 'language/')}:${d.name.getText(source)}`);
    return names.every((n) => IDENTITY_COUNTERS.has(n)) ? undefined : `${where(statement)}: a module-level \`let\``;
  }
  for (const d of list.declarations) {
    let init = d.initializer;
    while (init && (ts.isAsExpression(init) || ts.isParenthesizedExpression(init) || ts.isSatisfiesExpression(init))) init = init.expression;
    if (!init || !ts.isNewExpression(init) || !ts.isIdentifier(init.expression)) continue;
    const made = init.expression.text;
    if (STATELESS_ENGINES.has(made)) continue;
    // A regular expression keeps state only with the g or y flag (lastIndex).
    const flags = init.arguments?.[1];
    if (made === 'RegExp' && (!flags || (ts.isStringLiteral(flags) && !/[gy]/.test(flags.text)))) continue;
    const type = d.type?.getText(source) ?? '';
    // A Map or Set typed read-only is a constant table; anything else made at module level may fill up.
    if ((made === 'Map' || made === 'Set') && /^Readonly(Map|Set)</.test(type)) continue;
    return `${where(d)}: module-level \`new ${made}\``;
  }
  return undefined;
}

describe('the language layer', () => {
  const language = readModules(['language']);
  const server = readModules(['server']);

  it('is used from other source folders only through language/index.ts (or the catalog data)', () => {
    const crossings = readModules(OUTSIDE).flatMap((m) =>
      m.imports
        .filter((i) => i.startsWith('language/') && i !== 'language/index.ts' && !i.startsWith('language/catalog/data/'))
        .map((i) => `${m.path} -> ${i}`),
    );
    expect(crossings).toEqual([]);
  });

  it('has no import cycle between files, nor has the server', () => {
    expect(importCycles([...language, ...server])).toEqual([]);
  });

  it('keeps no mutable state at module level (caches belong to a language service)', () => {
    const found = language
      .filter((m) => !m.path.startsWith('language/catalog/data/'))
      .flatMap((m) => m.source.statements.map((s) => moduleState(s, m.source)))
      .filter((x): x is string => x !== undefined);
    expect(found).toEqual([]);
  });
});
