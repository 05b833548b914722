/**
 * The socket's wall (docs/architecture.md): `interpreter/socket/` speaks the
 * protocol and never imports the runtime; it reaches the node only through
 * the contracts (the inbox), renders with `render/`, and checks lines with
 * the language.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/shared.js';

const ALLOWED = [/^node:/, /^\.\/[\w-]+\.js$/, /^\.\.\/contracts\/[\w-]+\.js$/, /^\.\.\/render\/index\.js$/, /^\.\.\/\.\.\/language\/[\w/-]+\.js$/];

describe('interpreter/socket/', () => {
  it('imports only node modules, its own files, the contracts, the renderer and the language', () => {
    const dir = join(repoRoot, 'interpreter/socket');
    const bad: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      for (const m of text.matchAll(/^(?:import|export)[^'"]*from '([^']+)'/gm)) {
        if (!ALLOWED.some((re) => re.test(m[1]!))) bad.push(`${file}: ${m[1]}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
