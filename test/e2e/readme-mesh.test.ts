/**
 * The README's mesh example works when pasted: its shell block is taken from
 * README.md and run by bash in a temporary directory holding what the
 * repository would (`examples/cluster.mm`, and `node_modules/.bin/mm` for
 * `npx mm`). Only the two ports are swapped for free ones, so that the test
 * never depends on 9001 and 9002 being free. It must end by itself: the
 * nodes stop on `quit` and `wait` returns.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mmBuilt } from '../helpers/mm-process.js';
import { repoRoot } from '../helpers/shared.js';
import { testTempDir } from '../helpers/temp-dir.js';

/** The shell block of the README that starts the mesh. */
function readmeMeshBlock(): string {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const block = blocks.find((b) => b.includes('mm keys mesh'));
  if (!block) throw new Error('README.md has no shell block with `mm keys mesh`');
  return block;
}

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe.skipIf(!mmBuilt)("the README's mesh example", () => {
  it('runs as pasted: two nodes start, the script runs on them, quit stops both, wait returns', async () => {
    const block = readmeMeshBlock();
    expect(block).toMatch(/^npx mm node .*&$/m);
    const [p1, p2] = [await freePort(), await freePort()];
    const script = block.replaceAll('9001', String(p1)).replaceAll('9002', String(p2));
    const dir = testTempDir('mm-readme-');
    mkdirSync(join(dir, 'examples'));
    copyFileSync(join(repoRoot, 'examples/cluster.mm'), join(dir, 'examples/cluster.mm'));
    mkdirSync(join(dir, 'node_modules/.bin'), { recursive: true });
    symlinkSync(join(repoRoot, 'bin/mm.cjs'), join(dir, 'node_modules/.bin/mm'));
    // Its own process group, so that whatever is left at the end can be stopped as a whole.
    const child = spawn('bash', ['-c', script], {
      cwd: dir,
      detached: true,
      env: { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 100_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(timer);
    // Nodes left behind by a failure are stopped (normally the group is gone: ESRCH).
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Nothing left: what the example promises.
    }
    expect(code, err).toBe(0);
    // The script's tables, from the node it ran on.
    expect(out).toMatch(/^host +\| name +\| state/m);
    expect(out).toMatch(/\| web8 +\|/);
    // Both nodes said they stopped on quit (and so `wait` could return).
    expect(err).toContain('mm node n1: quit: stopping');
    expect(err).toContain('mm node n2: quit: stopping');
    expect(err.match(/mm node n[12]: stopped\n/g)).toHaveLength(2);
  }, 120_000);
});
