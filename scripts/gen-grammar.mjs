// Regenerates grammars/minimega.tmLanguage.json from the catalog (grammars/generate.ts).
// `--check` only compares and exits 1 when the committed file is stale.
// usage: node scripts/gen-grammar.mjs [--check]     (npm run grammar)
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'grammars/minimega.tmLanguage.json');

// The generator is TypeScript that imports the catalog; bundling it is faster than a TS loader.
const tmp = mkdtempSync(join(tmpdir(), 'mm-grammar-'));
let text;
try {
  const out = join(tmp, 'generate.mjs');
  await build({
    entryPoints: [join(root, 'grammars/generate.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  const { renderGrammar } = await import(pathToFileURL(out).href);
  text = renderGrammar();
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

let current = '';
try {
  current = readFileSync(target, 'utf8');
} catch {
  // absent: written below, or reported as stale with --check
}
if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error('grammars/minimega.tmLanguage.json is stale: run `npm run grammar`');
    process.exit(1);
  }
  console.log('grammars/minimega.tmLanguage.json is up to date');
} else if (current !== text) {
  writeFileSync(target, text);
  console.log(`wrote grammars/minimega.tmLanguage.json (${text.length} bytes)`);
} else {
  console.log('grammars/minimega.tmLanguage.json is up to date');
}
