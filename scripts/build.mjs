// Builds the CLI bundle (dist/mm.cjs) and the language server bundle (dist/server.cjs). Runs on `npm install` (prepare) so that
// `npx mm` works from a fresh clone, and before the tests.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const common = {
  bundle: true,
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

await Promise.all([
  build({ ...common, entryPoints: [join(root, 'cli/main.ts')], outfile: join(root, 'dist/mm.cjs') }),
  // The language server alone (`node dist/server.cjs --stdio`), for editors that start it directly.
  build({ ...common, entryPoints: [join(root, 'server/main-bin.ts')], outfile: join(root, 'dist/server.cjs') }),
]);

// The V8 code cache of the CLI bundle, used by bin/mm.cjs: made by running a
// short `mm check`, so it holds the code every short command runs.
const sample = mkdtempSync(join(tmpdir(), 'mm-build-'));
try {
  writeFileSync(join(sample, 'sample.mm'), '# a sample\nvm config memory 2048\nvm launch kvm a[1-3]\n\nnamespace x\nvm info\n');
  const r = spawnSync(process.execPath, [join(root, 'bin/mm.cjs'), 'check', join(sample, 'sample.mm')], {
    env: { ...process.env, MM_WRITE_CODE_CACHE: '1' },
    encoding: 'utf8',
  });
  if (r.status !== 0 || !existsSync(join(root, 'dist/mm.cjs.cache'))) throw new Error(`making the code cache failed: ${r.stderr}`);
} finally {
  rmSync(sample, { recursive: true, force: true });
}
