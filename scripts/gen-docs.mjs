// Regenerates docs/commands.md from the command catalog
// (language/catalog/reference.ts). `--check` only compares and exits 1 when
// the file is out of date, without writing it.
import { build } from 'esbuild';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'docs/commands.md');
const check = process.argv.includes('--check');

const dir = await mkdtemp(join(tmpdir(), 'mm-gen-docs-'));
try {
  const outfile = join(dir, 'reference.mjs');
  await build({
    entryPoints: [join(root, 'language/catalog/reference.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  const { renderCommandReference } = await import(pathToFileURL(outfile).href);
  const text = renderCommandReference();
  if (check) {
    const current = await readFile(target, 'utf8').catch(() => '');
    if (current !== text) {
      console.error('docs/commands.md is out of date; run `npm run docs`');
      process.exitCode = 1;
    }
  } else {
    await writeFile(target, text);
    console.log(`wrote ${target}`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
