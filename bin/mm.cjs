#!/usr/bin/env node
// Thin launcher: the real CLI is bundled into dist/ by `npm install` (prepare).
// `mm check`, `mm fmt` and `mm parse` run from dist/mm-language.cjs, which
// holds the language alone (cli/main-language.ts); every other command from
// dist/mm.cjs. A bundle is compiled with the V8 code cache that the build
// wrote beside it (BUNDLE.cache, made by running a short command of that
// bundle), so a short command does not spend its start-up compiling it.
// The cache starts with the bundle's first line, which names its content: a
// cache of other content (left from another build) is not used, and one this
// Node cannot use (another version, a cut-off file) is rejected by V8; either
// way the bundle compiles as usual.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

// The keys of cli/language-commands.ts (test/interpreter/cli-bundles.test.ts checks they agree).
const LANGUAGE_COMMANDS = ['check', 'fmt', 'parse'];

const name = LANGUAGE_COMMANDS.includes(process.argv[2]) ? 'mm-language.cjs' : 'mm.cjs';
const bundle = path.join(__dirname, '..', 'dist', name);
let source;
try {
  // The build makes the bundles ASCII: Latin-1 reads them without UTF-8 decoding.
  source = fs.readFileSync(bundle, 'latin1');
} catch {
  process.stderr.write(`mm: dist/${name} is missing; run \`npm install\` (or \`npm run build\`) first\n`);
  process.exit(2);
}
const cacheFile = `${bundle}.cache`;
const key = Buffer.from(source.slice(0, source.indexOf('\n') + 1), 'latin1');
const writeCache = process.env.MM_WRITE_CODE_CACHE === '1';
let cachedData;
if (!writeCache) {
  try {
    const file = fs.readFileSync(cacheFile);
    if (key.length > 1 && file.length > key.length && key.equals(file.subarray(0, key.length))) cachedData = file.subarray(key.length);
  } catch {
    // No cache: compile as usual.
  }
}
const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
const mod = new Module(bundle, module);
mod.filename = bundle;
mod.paths = Module._nodeModulePaths(path.dirname(bundle));
const localRequire = (id) => mod.require(id);
localRequire.resolve = (request) => Module._resolveFilename(request, mod);
if (writeCache) {
  // The build's run: the cache holds every function this command compiled.
  // Written whole or not at all (a rename), and only for a bundle that names its content.
  process.on('exit', () => {
    if (key.length <= 1) return;
    const part = `${cacheFile}.${process.pid}`;
    fs.writeFileSync(part, Buffer.concat([key, script.createCachedData()]));
    fs.renameSync(part, cacheFile);
  });
}
script.runInThisContext()(mod.exports, localRequire, mod, bundle, path.dirname(bundle));
