/**
 * The walls of docs/architecture.md, as a test. Every source file's imports
 * (value, type-only and dynamic) are read with the TypeScript compiler's
 * parser; an import that crosses a wall, or any import cycle between files,
 * fails here with the file pair that does it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, readModules, type SourceModule } from '../helpers/import-graph.js';
import { repoRoot } from '../helpers/shared.js';

const SOURCE_FOLDERS = ['language', 'interpreter', 'server', 'cli', 'vscode-extension/src'];

/** The rooms the walls below are drawn between: the floors of docs/architecture.md. */
const ROOMS = [
  'cli/',
  'vscode-extension/src/',
  'server/',
  'interpreter/',
  'interpreter/mesh/',
  'interpreter/socket/',
  'interpreter/render/',
  'interpreter/ordering/',
  'interpreter/contracts/',
  'language/',
];

const modules = readModules(SOURCE_FOLDERS);
const under =
  (...dirs: string[]) =>
  (p: string): boolean =>
    dirs.some((d) => p.startsWith(`${d}/`));

const isLanguage = under('language');
const isContracts = under('interpreter/contracts');
const isMesh = under('interpreter/mesh');
const isSocket = under('interpreter/socket');
const isRender = under('interpreter/render');
const isServer = under('server');
const isCli = under('cli');
const isEdge = (p: string): boolean => isMesh(p) || isSocket(p);
const isRuntime = (p: string): boolean => under('interpreter')(p) && !isContracts(p) && !isEdge(p);

/** A wall: files matching `from` may import a repository file only if `allowed` says so. */
interface Wall {
  readonly name: string;
  readonly from: (path: string) => boolean;
  readonly allowed: (target: string) => boolean;
}

const walls: readonly Wall[] = [
  { name: 'language/ imports only itself', from: isLanguage, allowed: isLanguage },
  { name: 'the contracts import only the language and each other', from: isContracts, allowed: (t) => isLanguage(t) || isContracts(t) },
  {
    name: 'the mesh delivers and never imports the runtime (only language, contracts, itself)',
    from: isMesh,
    allowed: (t) => isLanguage(t) || isContracts(t) || isMesh(t),
  },
  {
    name: 'the socket speaks its protocol and never imports the runtime (only language, contracts, render, itself)',
    from: isSocket,
    allowed: (t) => isLanguage(t) || isContracts(t) || isRender(t) || isSocket(t),
  },
  { name: 'the runtime never imports the server or the front door', from: isRuntime, allowed: (t) => !isServer(t) && !isCli(t) },
  { name: 'the server never imports the runtime, the mesh or the front door', from: isServer, allowed: (t) => isServer(t) || isLanguage(t) },
  { name: 'nothing imports the front door', from: (p) => !isCli(p), allowed: (t) => !isCli(t) },
];

/** Packages the pure language layer may import: its parser library only (no fs, net, editor). */
const LANGUAGE_PACKAGES = new Set(['chevrotain']);

function crossings(wall: Wall, all: readonly SourceModule[]): string[] {
  return all.filter((m) => wall.from(m.path)).flatMap((m) => m.imports.filter((t) => !wall.allowed(t)).map((t) => `${m.path} -> ${t}`));
}

describe('walls between the rooms', () => {
  it('reads the whole import graph', () => {
    expect(modules.length).toBeGreaterThan(150);
    expect(modules.find((m) => m.path === 'cli/main.ts')?.imports.length).toBeGreaterThan(0);
  });

  for (const wall of walls) {
    it(wall.name, () => {
      expect(crossings(wall, modules)).toEqual([]);
    });
  }

  it('language/ stays pure: no file system, network, process or editor packages', () => {
    const bad = modules.filter((m) => isLanguage(m.path)).flatMap((m) => m.packages.filter((p) => !LANGUAGE_PACKAGES.has(p)).map((p) => `${m.path} -> ${p}`));
    expect(bad).toEqual([]);
  });

  it('the mesh and the socket never import an editor package', () => {
    const bad = modules.filter((m) => isEdge(m.path)).flatMap((m) => m.packages.filter((p) => /^vscode/.test(p)).map((p) => `${m.path} -> ${p}`));
    expect(bad).toEqual([]);
  });

  it('draws the rooms docs/architecture.md draws, and names this test there', () => {
    const doc = readFileSync(join(repoRoot, 'docs', 'architecture.md'), 'utf8');
    const floors = doc.slice(doc.indexOf('```'), doc.indexOf('```', doc.indexOf('```') + 3));
    const drawn = [...floors.matchAll(/^(?:floor \d+)?\s+(\S+\/)/gm)].map((m) => m[1]);
    expect(drawn.sort()).toEqual([...ROOMS].sort());
    expect(doc).toContain('test/architecture/walls.test.ts');
    for (const room of ROOMS)
      expect(
        modules.some((m) => m.path.startsWith(room)),
        room,
      ).toBe(true);
  });

  it('has no import cycle between files anywhere in the source', () => {
    expect(importCycles(modules)).toEqual([]);
  });

  it('catches a crossing (the check itself works)', () => {
    const planted: SourceModule[] = [
      { path: 'interpreter/mesh/x.ts', source: modules[0]!.source, imports: ['interpreter/sim-node.ts'], packages: [] },
      { path: 'interpreter/a.ts', source: modules[0]!.source, imports: ['interpreter/b.ts'], packages: [] },
      { path: 'interpreter/b.ts', source: modules[0]!.source, imports: ['interpreter/a.ts'], packages: [] },
    ];
    expect(crossings(walls[2]!, planted)).toEqual(['interpreter/mesh/x.ts -> interpreter/sim-node.ts']);
    expect(importCycles(planted)).toEqual([['interpreter/a.ts', 'interpreter/b.ts']]);
  });
});
