// Runs the benchmarks: every bench/*.bench.ts (or only those whose name
// contains an argument) is bundled with esbuild into .bench/ and run with node,
// one after another, so each measures on a quiet machine. Figures go to
// .bench/results.md (untracked); `--write-docs` writes them into
// docs/performance.md instead.
import { build } from 'esbuild';
import { readdirSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const writeDocs = process.argv.includes('--write-docs');
const filters = process.argv.slice(2).filter((a) => a !== '--write-docs');
const files = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
mkdirSync(join(root, '.bench'), { recursive: true });
let failed = 0;
for (const f of files) {
  const out = join(root, '.bench', f.replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [join(root, 'bench', f)],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // CommonJS dependencies (ws) call require() for Node built-ins.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
    external: ['bufferutil', 'utf-8-validate'],
  });
  console.log(`\n## ${f}`);
  const env = { ...process.env, MM_BENCH_WRITE_DOCS: writeDocs ? '1' : '0' };
  const r = spawnSync(process.execPath, ['--expose-gc', out], { stdio: 'inherit', cwd: root, env });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
