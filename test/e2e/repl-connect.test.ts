/**
 * `mm repl --connect`: the prompt attached to a running `mm node`, like
 * `minimega -attach`. Waits for the node's `listening on` line; never sleeps.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/shared.js';
import { suiteTempDir } from '../helpers/temp-dir.js';

const MM = join(repoRoot, 'dist', 'mm.cjs');

describe.skipIf(!existsSync(MM))('mm repl --connect', () => {
  // Before the hooks below: made before the node starts, removed after it has exited.
  const keys = join(suiteTempDir('mm-repl-connect-'), 'keys');
  let node: ChildProcess;
  let url: Promise<string>;

  beforeAll(() => {
    spawnSync(process.execPath, [MM, 'keys', keys, 'attached'], { encoding: 'utf8' });
    node = spawn(process.execPath, [MM, 'node', '--name', 'attached', '--keys', keys, '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    url = new Promise<string>((resolve, reject) => {
      const rl = createInterface({ input: node.stdout! });
      rl.on('line', (l) => {
        const m = /listening on (ws:\/\/\S+)/.exec(l);
        if (m) resolve(m[1]!);
      });
      node.once('exit', (code) => reject(new Error(`mm node exited with ${code}`)));
    });
  });

  afterAll(async () => {
    if (node.exitCode !== null || node.signalCode !== null) return;
    const exited = new Promise((resolve) => node.once('exit', resolve));
    node.kill('SIGTERM');
    await exited;
  });

  it('runs commands on the running node, and state persists between sessions', async () => {
    const u = await url;
    const first = spawnSync(process.execPath, [MM, 'repl', '--connect', u, '--keys', keys], {
      input: 'vm launch kvm web[1-2]\nnamespace lab\nbogus\n',
      encoding: 'utf8',
    });
    expect(first.status).toBe(0);
    expect(first.stderr).toBe('invalid command: `bogus`\n');
    // The namespace chosen in the first session is still active: web1 and web2
    // are outside it, so the first listing is empty.
    const second = spawnSync(process.execPath, [MM, 'repl', '--connect', u, '--keys', keys], {
      input: '.columns name vm info\nclear namespace\n.columns name vm info\n',
      encoding: 'utf8',
    });
    expect(second.status).toBe(0);
    expect(second.stdout).toBe('host     | name\nattached | web1\nattached | web2\n');
  });

  it('refuses options that belong to the node', () => {
    const r = spawnSync(process.execPath, [MM, 'repl', '--connect', 'ws://127.0.0.1:1', '--name', 'x'], { encoding: 'utf8', input: '' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--name cannot be used with --connect');
  });
});
