// Builds the CLI bundles (dist/mm.cjs, every command; dist/mm-language.cjs, the commands that need
// the language alone) and the language server bundle (dist/server.cjs). Runs on `npm install`
// (prepare) so that `npx mm` works from a fresh clone, and before the tests.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// The built-in catalogs' compiled patterns, worked out now (language/catalog/precompiled.ts is
// given them in every bundle): a short command then reads them as JSON instead of compiling
// a few hundred patterns at start-up.
const precompiler = await build({
  stdin: {
    contents: `import { handlers, precompileHandlers } from './language/catalog/index.ts';
import { handlers31 } from './language/catalog/catalog-3.1.ts';
process.stdout.write(JSON.stringify({ '2.3': precompileHandlers(handlers), '3.1': precompileHandlers(handlers31) }));`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'warning',
});
const precompiled = spawnSync(process.execPath, ['-'], { input: precompiler.outputFiles[0].text, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (precompiled.status !== 0) throw new Error(`compiling the catalogs failed: ${precompiled.stderr}`);
const precompiledCatalogs = {
  name: 'precompiled-catalogs',
  setup(b) {
    b.onLoad({ filter: /[\\/]language[\\/]catalog[\\/]precompiled\.ts$/ }, () => ({
      // Each dialect's part is read when its catalog is first compiled (see lazyCatalog).
      contents: `const parts = ${JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(precompiled.stdout)).map(([v, c]) => [v, JSON.stringify(c)])))};
const read = {};
export const precompiledCatalogs = {};
for (const v of Object.keys(parts)) Object.defineProperty(precompiledCatalogs, v, { enumerable: true, get: () => (read[v] ??= JSON.parse(parts[v])) });
Object.freeze(precompiledCatalogs);`,
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  plugins: [precompiledCatalogs],
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  // ws probes these optional native add-ons with require() in try blocks.
  external: ['bufferutil', 'utf-8-validate'],
  logLevel: 'warning',
  // Smaller code loads faster: start-up time is what `mm` commands and editors feel first.
  minify: true,
};

// The first line of a CLI bundle names its content (a hash, written below in place of the
// zeros): bin/mm.cjs uses a code cache only when the cache starts with the same line, so a
// cache left from another build is never used (V8 itself checks little more than the length).
const KEY_PLACEHOLDER = `// mm bundle ${'0'.repeat(16)}`;
const cli = { ...common, banner: { js: KEY_PLACEHOLDER } };
const cliBundles = ['mm.cjs', 'mm-language.cjs'];
for (const b of cliBundles) rmSync(join(root, 'dist', `${b}.cache`), { force: true });

await Promise.all([
  build({ ...cli, entryPoints: [join(root, 'cli/main.ts')], outfile: join(root, 'dist/mm.cjs') }),
  // `mm check`, `mm fmt` and `mm parse` (bin/mm.cjs picks it): a third of the code to load.
  build({ ...cli, entryPoints: [join(root, 'cli/main-language.ts')], outfile: join(root, 'dist/mm-language.cjs') }),
  // The language server alone (`node dist/server.cjs --stdio`), for editors that start it directly.
  build({ ...common, entryPoints: [join(root, 'server/main-bin.ts')], outfile: join(root, 'dist/server.cjs') }),
]);

for (const b of cliBundles) {
  const file = join(root, 'dist', b);
  const text = readFileSync(file, 'utf8');
  if (!text.startsWith(KEY_PLACEHOLDER)) throw new Error(`${b} does not start with its key line`);
  // bin/mm.cjs reads a CLI bundle as Latin-1 (no UTF-8 decoding at start-up): it must be ASCII.
  const wide = text.search(/[^ -~\t\n\r]/);
  if (wide >= 0)
    throw new Error(
      `${b} has a character that is not ASCII at offset ${wide} (${JSON.stringify(text.slice(Math.max(0, wide - 40), wide + 10))}): write it as an escape in the source`,
    );
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  writeFileSync(file, text.replace(KEY_PLACEHOLDER, `// mm bundle ${hash}`));
}

// The V8 code caches of the CLI bundles, used by bin/mm.cjs: each made by running a short
// command of that bundle, so it holds the code such a command runs (the language bundle:
// `mm check`; the other: `mm help`, which loads every command).
const sample = mkdtempSync(join(tmpdir(), 'mm-build-'));
try {
  writeFileSync(join(sample, 'sample.mm'), '# a sample\nvm config memory 2048\nvm launch kvm a[1-3]\n\nnamespace x\nvm info\nvm lanch kvm b\n');
  for (const [bundle, args, okStatus] of [
    ['mm-language.cjs', ['check', join(sample, 'sample.mm')], 1],
    ['mm.cjs', ['help'], 0],
  ]) {
    const cache = join(root, 'dist', `${bundle}.cache`);
    const r = spawnSync(process.execPath, [join(root, 'bin/mm.cjs'), ...args], {
      env: { ...process.env, MM_WRITE_CODE_CACHE: '1' },
      encoding: 'utf8',
    });
    if (r.status !== okStatus || !existsSync(cache)) throw new Error(`making the code cache of ${bundle} failed: ${r.stderr}`);
  }
} finally {
  rmSync(sample, { recursive: true, force: true });
}
