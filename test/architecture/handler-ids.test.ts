/**
 * Code that follows a script's state across commands asks a handler's role
 * (catalog data, `HandlerSpec.role`), never compares its id with a string:
 * an id written in code is a second copy of the catalog that a new dialect
 * or a renamed handler silently leaves behind. This reads every source
 * file with the TypeScript parser and fails on a handler id (of either
 * catalog) written as a string literal where it is compared with an id, or
 * gathered with other ids into a set, list or table. Left out: the catalog,
 * where the ids are defined, and `interpreter/handlers/` and
 * `interpreter/runtime-31/`, whose tables give each catalog id of 2.3 and
 * 3.1 its implementation (test/interpreter/simulated.test.ts and
 * simulated-31.test.ts walk the catalogs against them), and which check
 * `Original` text prefixes as minicli does.
 */
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { readModules, type SourceModule } from '../helpers/import-graph.js';
import { handlers } from '../../language/catalog/index.js';
import { handlers31 } from '../../language/catalog/catalog-3.1.js';

const SCANNED = ['language', 'server', 'interpreter', 'cli', 'vscode-extension/src'];
const LEFT_OUT = ['language/catalog/', 'interpreter/handlers/', 'interpreter/runtime-31/'];

const IDS: ReadonlySet<string> = new Set([...handlers, ...handlers31].map((h) => h.id));

/**
 * An expression that reads like a handler id or handler: `id`, `c.handler.id`,
 * `handlerId`, `h.id`, `handlerAt(0)`; a role (`c.handler.role`) is what code should compare.
 */
const idLike = (text: string): boolean => !/role$/.test(text) && /(^|[^\w$])(id|ids|handler\w*)\b|\.id\b|Id\b/.test(text);

const isId = (n: ts.Node): n is ts.StringLiteralLike => ts.isStringLiteralLike(n) && IDS.has(n.text);

const EQUALITY = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

/** Methods that look a value up in a collection or compare it. */
const LOOKUPS = new Set(['find', 'get', 'has', 'includes', 'indexOf', 'startsWith', 'endsWith']);

function propertyKey(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteralLike(name) ? name.text : undefined;
}

/** Every place in one file where a handler id is written in code, as `path:line: text`. */
function handlerIdUses(m: SourceModule): string[] {
  const out: string[] = [];
  // With parent links: a case clause is judged by its switch's expression.
  const src = ts.createSourceFile(m.path, m.source.text, ts.ScriptTarget.Latest, true);
  const report = (n: ts.Node): void => {
    const { line } = src.getLineAndCharacterOfPosition(n.getStart(src));
    out.push(`${m.path}:${line + 1}: ${n.getText(src)}`);
  };
  const visit = (n: ts.Node): void => {
    if (ts.isBinaryExpression(n) && EQUALITY.has(n.operatorToken.kind)) {
      if ((isId(n.right) && idLike(n.left.getText(src))) || (isId(n.left) && idLike(n.right.getText(src)))) report(n);
    } else if (ts.isCaseClause(n) && isId(n.expression)) {
      if (idLike(n.parent.parent.expression.getText(src))) report(n.expression);
    } else if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && LOOKUPS.has(n.expression.name.text)) {
      const first = n.arguments[0];
      if (first && isId(first) && /catalog|handler|ids|byId/i.test(n.expression.expression.getText(src))) report(n);
    } else if (ts.isArrayLiteralExpression(n)) {
      if (n.elements.length >= 2 && n.elements.every(isId)) report(n);
    } else if (ts.isObjectLiteralExpression(n)) {
      const keys = n.properties.map((p) => (p.name ? propertyKey(p.name) : undefined));
      if (keys.length >= 2 && keys.every((k) => k !== undefined && IDS.has(k))) report(n);
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

/** Parses a snippet as a module of `path`. */
function snippet(path: string, text: string): SourceModule {
  return { path, source: ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true), imports: [], packages: [] };
}

describe('handler ids come from the catalog, not from string literals', () => {
  const modules = readModules(SCANNED).filter((m) => !LEFT_OUT.some((d) => m.path.startsWith(d)));

  it('reads the scanned folders and both catalogs', () => {
    expect(modules.some((m) => m.path === 'language/replay.ts')).toBe(true);
    expect(modules.some((m) => m.path.startsWith('interpreter/mesh/'))).toBe(true);
    expect(modules.some((m) => m.path.startsWith('interpreter/socket/'))).toBe(true);
    expect(modules.some((m) => m.path.startsWith('cli/'))).toBe(true);
    expect(modules.some((m) => m.path === 'interpreter/dispatch.ts')).toBe(true);
    expect(IDS.has('nsmod') && IDS.has('ns') && IDS.has('vm launch')).toBe(true);
  });

  it('no comparison, lookup, set or table of handler ids outside the catalog and the handler tables', () => {
    expect(modules.flatMap(handlerIdUses)).toEqual([]);
  });

  it('catches each form (the check itself works)', () => {
    const planted = snippet(
      'language/x.ts',
      [
        "if (c.handler.id === 'vm launch') f();",
        "if ('nsmod' !== id) f();",
        "switch (c.handler.id) { case 'read': break; }",
        "const S = new Set(['vm flush', 'clear namespace']);",
        "const T = { 'mesh send': 1, namespace: 2 };",
        "catalog.find('vm kill');",
      ].join('\n'),
    );
    expect(handlerIdUses(planted).map((u) => u.split(':')[1])).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('leaves alone the words that are ids only by chance (name kinds, domains, columns)', () => {
    const fine = snippet(
      'language/y.ts',
      [
        "if (kind === 'namespace' || kind === 'host') f();",
        "switch (domain) { case 'namespace': break; }",
        "const header = ['bridge', 'tap', 'vlan'];",
        "const LABELS = { vm: 'VM', namespace: 'namespace' };",
        "if (c.handler.role === 'launch') f();",
      ].join('\n'),
    );
    expect(handlerIdUses(fine)).toEqual([]);
  });
});
