/**
 * The repository's source files and their imports, read with the TypeScript
 * compiler's parser (no type checking): for tests that hold the walls between
 * folders. `import type` counts like any import.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { repoRoot } from './shared.js';

/** One source file, parsed, with the repository paths it imports (`.ts`, relative to the root). */
export interface SourceModule {
  readonly path: string;
  readonly source: ts.SourceFile;
  readonly imports: readonly string[];
  /** The packages it imports (`node:fs`, `ws`, `vscode`, ...), static or dynamic. */
  readonly packages: readonly string[];
}

/** Every module specifier of a file: import and export declarations, and `import('...')` calls with a literal. */
function specifiers(source: ts.SourceFile): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier))
      out.push(n.moduleSpecifier.text);
    else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments[0] && ts.isStringLiteral(n.arguments[0]))
      out.push(n.arguments[0].text);
    ts.forEachChild(n, visit);
  };
  visit(source);
  return out;
}

function* tsFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'dist') continue;
    if (statSync(p).isDirectory()) yield* tsFiles(p);
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) yield p;
  }
}

/** The `.ts` files under the given folders (relative to the repository root), parsed. */
export function readModules(folders: readonly string[]): SourceModule[] {
  const out: SourceModule[] = [];
  for (const folder of folders) {
    for (const file of tsFiles(join(repoRoot, folder))) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
      const imports: string[] = [];
      const packages: string[] = [];
      for (const spec of specifiers(source)) {
        if (spec.startsWith('.')) imports.push(relative(repoRoot, resolve(dirname(file), spec.replace(/\.js$/, '.ts'))));
        else packages.push(spec);
      }
      out.push({ path: relative(repoRoot, file), source, imports, packages });
    }
  }
  return out;
}

/** The import cycles among `modules` (each a strongly connected set of files, sorted). */
export function importCycles(modules: readonly SourceModule[]): string[][] {
  const graph = new Map(modules.map((m) => [m.path, m.imports.filter((i) => i !== m.path)] as const));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const set: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      set.push(w);
    } while (w !== v);
    if (set.length > 1) cycles.push(set.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}
