// Bundles the extension into vscode-extension/dist/: the thin client (extension.js), the
// simulator and command reference it loads on first use (simulator.js), the VM placement view it
// loads after the first cluster run (placement-panel.js), and the language
// server (server.js), all CommonJS with `vscode` left to the editor, so the .vsix needs no
// node_modules.
// The grammar and language configuration are copied from ../grammars, their one home.
// dist/README.md is the README the .vsix ships (`vsce package --readme-path dist/README.md`):
// its images inlined as data: URIs, the only images the extension page of an extension
// installed from a .vsix shows (its webview allows `img-src https: data:`, and the project has
// no public URL to point https links at).
// Type checking is separate (`npm run typecheck`).
//
// usage: node vscode-extension/esbuild.mjs [--production] [--watch]
import { context } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dist = join(here, 'dist');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

for (const required of ['server/main.ts', 'interpreter/api.ts']) {
  if (!existsSync(join(root, required))) {
    console.error(`vscode-extension: ${required} is missing; the extension bundles it`);
    process.exit(1);
  }
}

mkdirSync(dist, { recursive: true });
for (const file of ['minimega.tmLanguage.json', 'language-configuration.json']) {
  copyFileSync(join(root, 'grammars', file), join(dist, file));
}
writeFileSync(join(dist, 'README.md'), inlineImages(readFileSync(join(here, 'README.md'), 'utf8')));

/** The README with each `![alt](images/NAME.jpg|png)` as a data: URI of that image. */
function inlineImages(markdown) {
  const types = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png' };
  return markdown.replace(/(!\[[^\]]*\]\()(images\/[\w.-]+?(\.jpe?g|\.png))\)/g, (_, head, file, ext) => {
    const data = readFileSync(join(here, file)).toString('base64');
    return `${head}data:${types[ext]};base64,${data})`;
  });
}

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // `vscode` is the editor's; ws probes these optional native add-ons inside try blocks.
  external: ['vscode', 'bufferutil', 'utf-8-validate'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  legalComments: production ? 'none' : 'inline',
  logLevel: 'warning',
};

/**
 * Keeps `import('./simulator.js')` and `import('./placement-panel.js')` run-time requires of
 * their own bundles instead of inlining them: activation loads neither.
 */
const lazySimulator = {
  name: 'lazy-simulator',
  setup(b) {
    b.onResolve({ filter: /^\.\/(simulator|placement-panel)\.js$/ }, (a) => (a.kind === 'dynamic-import' ? { path: a.path, external: true } : undefined));
  },
};

const contexts = await Promise.all([
  context({ ...common, entryPoints: [join(here, 'src/extension.ts')], outfile: join(dist, 'extension.js'), plugins: [lazySimulator] }),
  context({ ...common, entryPoints: [join(here, 'src/simulator.ts')], outfile: join(dist, 'simulator.js') }),
  context({ ...common, entryPoints: [join(here, 'src/placement-panel.ts')], outfile: join(dist, 'placement-panel.js') }),
  context({ ...common, entryPoints: [join(here, 'src/server-entry.ts')], outfile: join(dist, 'server.js') }),
]);

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('vscode-extension: watching');
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  console.log(`vscode-extension: built dist/extension.js, simulator.js, placement-panel.js and server.js${production ? ' (production)' : ''}`);
}
