/**
 * The launcher `bin/mm.cjs` as a user runs it (`mm ...` after `npm install`):
 * it runs `mm check`, `mm fmt` and `mm parse` from the language bundle and
 * every other command from the whole CLI, each compiled with the V8 code
 * cache the build wrote beside it. A cache that is missing, empty, cut off,
 * made for other code (a stale one after a rebuild) or by another Node
 * changes nothing a user sees. The launcher and its bundles are copied to a temporary
 * directory, where the caches are spoiled.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languageCommands } from '../../cli/language-commands.js';
import { repoRoot } from '../helpers/shared.js';
import { testTempDir } from '../helpers/temp-dir.js';

const BUNDLES = ['mm.cjs', 'mm-language.cjs'];

/** A copy of bin/ and the CLI bundles with their caches, and a script with one error (line 3), in a directory of the running test (testTempDir). */
function install(): { root: string; script: string } {
  const root = testTempDir('mm-bundles-');
  cpSync(join(repoRoot, 'bin'), join(root, 'bin'), { recursive: true });
  mkdirSync(join(root, 'dist'));
  for (const b of BUNDLES) for (const f of [b, `${b}.cache`]) copyFileSync(join(repoRoot, 'dist', f), join(root, 'dist', f));
  const script = join(root, 'lab.mm');
  writeFileSync(script, 'vm config memory 2048\nvm launch kvm a[1-3]\nvm lanch kvm b\nvm top\n');
  return { root, script };
}

function mm(root: string, args: readonly string[], input = ''): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin/mm.cjs'), ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What a user sees of a few commands of each bundle. */
function outputs(root: string, script: string): unknown[] {
  return [
    mm(root, ['check', script]),
    mm(root, ['check', '--format', 'json', script]),
    mm(root, ['parse', script]),
    mm(root, ['fmt', '-'], 'vm   info\n'),
    mm(root, ['help']),
    mm(root, ['run', script]),
  ];
}

describe('bin/mm.cjs', () => {
  it('runs the language bundle for exactly the commands of cli/language-commands.ts', () => {
    const launcher = readFileSync(join(repoRoot, 'bin/mm.cjs'), 'utf8');
    const listed = /const LANGUAGE_COMMANDS = \[([^\]]*)\]/.exec(launcher)?.[1];
    expect(listed?.split(',').map((s) => s.trim().replace(/^'|'$/g, ''))).toEqual(Object.keys(languageCommands.loaders));
  });

  it('has a code cache beside each bundle after the build', () => {
    for (const b of BUNDLES) expect(existsSync(join(repoRoot, 'dist', `${b}.cache`)), b).toBe(true);
  });

  it('gives the same results whatever state the code caches are in', () => {
    const { root, script } = install();
    const good = outputs(root, script);
    // The error on line 3, found by the language bundle; `mm run` stops at it too.
    expect((good[0] as { status: number }).status).toBe(1);
    expect((good[0] as { stdout: string }).stdout).toContain(':3:4: error');
    expect((good[4] as { stdout: string }).stdout).toContain('  lsp ');
    const spoilers: Record<string, (cache: string, bundle: string) => void> = {
      missing: (cache) => rmSync(cache),
      empty: (cache) => writeFileSync(cache, ''),
      'cut off': (cache) => {
        const bytes = readFileSync(cache);
        writeFileSync(cache, bytes.subarray(0, bytes.length >> 1));
      },
      // Another bundle's cache.
      stale: (cache, bundle) => copyFileSync(join(repoRoot, 'dist', `${BUNDLES.find((b) => b !== bundle)}.cache`), cache),
      // What another Node version or V8 flags make: V8 reads its own header and refuses it.
      'made by another V8': (cache, bundle) => {
        const code = readFileSync(join(root, 'dist', bundle), 'utf8');
        const bytes = readFileSync(cache);
        const v8Header = Buffer.byteLength(code.slice(0, code.indexOf('\n') + 1));
        for (let i = v8Header; i < v8Header + 16; i++) bytes[i] = bytes[i]! ^ 0xff;
        writeFileSync(cache, bytes);
      },
    };
    for (const [state, spoil] of Object.entries(spoilers)) {
      for (const b of BUNDLES) {
        for (const f of [b, `${b}.cache`]) copyFileSync(join(repoRoot, 'dist', f), join(root, 'dist', f));
        spoil(join(root, 'dist', `${b}.cache`), b);
      }
      expect(outputs(root, script), state).toEqual(good);
    }
  });

  it('does not use a cache made for other code of the same length (V8 would: it checks the length, not the code)', () => {
    const { root, script } = install();
    // What a rebuild that changed a message and failed before writing its cache would leave.
    const bundle = join(root, 'dist/mm-language.cjs');
    const code = readFileSync(bundle, 'utf8');
    const rebuilt = code.replace(/^\/\/ mm bundle [0-9a-f]{16}/, '// mm bundle 0123456789abcdef').replaceAll('invalid command: ', 'INVALID COMMAND: ');
    expect(rebuilt.length).toBe(code.length);
    writeFileSync(bundle, rebuilt);
    expect(mm(root, ['check', script]).stdout).toContain(':3:4: error: INVALID COMMAND: `vm lanch kvm b`');
  });

  it('says how to build a bundle that is missing', () => {
    const { root, script } = install();
    rmSync(join(root, 'dist/mm-language.cjs'));
    const r = mm(root, ['check', script]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('dist/mm-language.cjs is missing; run `npm install`');
  });

  it("loads the WebSocket client and Node's network and crypto modules for `mm run` only with --connect", () => {
    const { root, script } = install();
    // Records the Node modules the process loads, by the names the bundle asks for.
    const preload = join(root, 'builtins.cjs');
    writeFileSync(
      preload,
      "const M = require('node:module'); const seen = new Set(); const load = M._load;\n" +
        "M._load = function (id, ...rest) { if (M.isBuiltin(id)) seen.add(id.replace(/^node:/, '')); return load.call(this, id, ...rest); };\n" +
        "process.on('exit', () => process.stderr.write('BUILTINS ' + JSON.stringify([...seen]) + '\\n'));\n",
    );
    const loaded = (args: readonly string[]): string[] => {
      const r = spawnSync(process.execPath, ['-r', preload, join(root, 'bin/mm.cjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
      const line = r.stderr.split('\n').find((l) => l.startsWith('BUILTINS '));
      return JSON.parse(line!.slice('BUILTINS '.length)) as string[];
    };
    const network = ['crypto', 'http', 'https', 'tls', 'zlib'];
    expect(loaded(['run', script]).filter((m) => network.includes(m))).toEqual([]);
    // Port 1 on loopback: nothing listens, so the client is loaded, dials once and gives up (--wait 0).
    expect(loaded(['run', '--connect', 'ws://127.0.0.1:1', '--wait', '0', script])).toEqual(expect.arrayContaining(['crypto', 'http']));
  });
});
