// Builds the CLI bundle (dist/mm.cjs). Runs on `npm install` (prepare) so that
// `npx mm` works from a fresh clone, and before the tests.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: [join(root, 'interpreter/cli/main.ts')],
  outfile: join(root, 'dist/mm.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  // ws probes these optional native add-ons with require() in try blocks.
  external: ['bufferutil', 'utf-8-validate'],
  logLevel: 'warning',
});
