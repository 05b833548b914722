// Builds the CLI bundle (dist/mm.cjs) and the language server bundle (dist/server.cjs). Runs on `npm install` (prepare) so that
// `npx mm` works from a fresh clone, and before the tests.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

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
