#!/usr/bin/env node
// Thin launcher: the real CLI is bundled into dist/ by `npm install` (prepare).
try {
  require.resolve('../dist/mm.cjs');
} catch {
  process.stderr.write('mm: dist/mm.cjs is missing; run `npm install` (or `npm run build`) first\n');
  process.exit(2);
}
require('../dist/mm.cjs');
