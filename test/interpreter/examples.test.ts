/**
 * The example scripts in examples/ run to the end without an error, on one
 * simulated node and on a simulated 3-node cluster, as a user runs them.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMm } from '../helpers/mm-cli.js';
import { repoRoot } from '../helpers/shared.js';

const examples = readdirSync(join(repoRoot, 'examples'))
  .filter((f) => f.endsWith('.mm'))
  .sort();

describe('examples/', () => {
  it('has the experiment scripts of the tutorials', () => {
    expect(examples).toEqual(expect.arrayContaining(['capture.mm', 'cc.mm', 'dnsmasq.mm', 'router.mm']));
  });

  it.each(examples.flatMap((f) => [[f, []] as const, [f, ['--nodes', '3']] as const]))('%s %j', (file, extra) => {
    const r = runMm(['run', ...extra, join('examples', file)]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).not.toBe('');
  });
});
