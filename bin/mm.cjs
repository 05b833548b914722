#!/usr/bin/env node
// Thin launcher: the real CLI is bundled into dist/ by `npm install` (prepare).
// It is compiled with the V8 code cache that the build wrote beside it
// (dist/mm.cjs.cache, made by running a short `mm check`), so a short command
// does not spend its start-up compiling the bundle. A cache this Node cannot
// use is ignored (V8 rejects it) and the bundle compiles as usual.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

const bundle = path.join(__dirname, '..', 'dist', 'mm.cjs');
let source;
try {
  source = fs.readFileSync(bundle, 'utf8');
} catch {
  process.stderr.write('mm: dist/mm.cjs is missing; run `npm install` (or `npm run build`) first\n');
  process.exit(2);
}
const cacheFile = `${bundle}.cache`;
const writeCache = process.env.MM_WRITE_CODE_CACHE === '1';
let cachedData;
if (!writeCache) {
  try {
    cachedData = fs.readFileSync(cacheFile);
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
  process.on('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
}
script.runInThisContext()(mod.exports, localRequire, mod, bundle, path.dirname(bundle));
