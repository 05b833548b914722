/**
 * `mm node` and `mm run --connect` as a user meets them, as real processes
 * on 127.0.0.1 port 0: a peer with the wrong secret backs off, reports each
 * failure once and gives up with exit status 1; a node stopped by `quit`
 * says what it does; `--connect` waits for a node that is still starting,
 * and says when nothing came. Tests wait for output and exits, never sleep.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMm } from '../helpers/mm-cli.js';
import { mmBuilt as built, startMm, startNode, stopAll, type MmProcess } from '../helpers/mm-process.js';

const procs: MmProcess[] = [];
afterAll(() => stopAll(procs));

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'mm-mesh-cli-'));
}

/** A port nothing listens on right now (bound and released). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe.skipIf(!built)('mm node and mm run --connect', () => {
  it('a peer with another secret backs off, says each failure once, and gives up with exit status 1', async () => {
    const dir = scratch();
    expect(runMm(['keys', 'a', 'n1', 'n2'], { cwd: dir }).status).toBe(0);
    expect(runMm(['keys', 'b', 'n1', 'n2'], { cwd: dir }).status).toBe(0);
    const n1 = await startNode('n1', dir, procs, ['--keys', 'a']);
    const n2 = startMm(['node', '--name', 'n2', '--keys', 'b', '--listen', '127.0.0.1:0', '--peer', n1.url.slice('ws://'.length)], dir, procs);
    expect(await n2.exited).toBe(1);
    const lines = n2.stderr.trim().split('\n');
    expect(lines.filter((l) => l.includes('dial '))).toEqual([
      expect.stringMatching(/^mm node n2: dial 127\.0\.0\.1:\d+: authentication failed \(wrong or missing secret\) \(retrying, less and less often\)$/),
    ]);
    expect(lines).toContainEqual(expect.stringMatching(/^mm node n2: giving up on 127\.0\.0\.1:\d+ after 5 authentication failures in a row/));
    expect(lines.at(-1)).toMatch(/^mm node n2: stopped \(exit status 1: /);
    // The target reported the refusal once, not once per attempt.
    await n1.proc.waitFor(/refused a connection/, 'stderr');
    expect(n1.proc.stderr.match(/refused a connection/g)).toHaveLength(1);
    n1.proc.child.kill('SIGTERM');
    expect(await n1.proc.exited).toBe(0);
    expect(n1.proc.stderr).toMatch(/mm node n1: SIGTERM: stopping .*\nmm node n1: stopped\n$/);
  });

  it('a node stopped by quit from a client says so, and exits 0', async () => {
    const dir = scratch();
    expect(runMm(['keys', 'k', 'n1'], { cwd: dir }).status).toBe(0);
    const n1 = await startNode('n1', dir, procs, ['--keys', 'k']);
    const client = startMm(['run', '--connect', n1.url, '--keys', 'k', '-'], dir, procs);
    client.child.stdin!.end('quit\n');
    expect(await client.exited).toBe(0);
    expect(await n1.proc.exited).toBe(0);
    expect(n1.proc.stderr).toBe('mm node n1: quit: stopping (closing the links to peers and clients, the listener and the socket)\nmm node n1: stopped\n');
  });

  it('--connect waits for a node that starts after it, with a notice', async () => {
    const dir = scratch();
    expect(runMm(['keys', 'k', 'n1'], { cwd: dir }).status).toBe(0);
    writeFileSync(join(dir, 'x.mm'), 'echo hello\n');
    const port = await freePort();
    const client = startMm(['run', '--connect', `ws://127.0.0.1:${port}`, '--keys', 'k', 'x.mm'], dir, procs);
    await client.waitFor(/waiting up to \d+ s for the node to start/, 'stderr');
    startMm(['node', '--name', 'n1', '--keys', 'k', '--listen', `127.0.0.1:${port}`], dir, procs);
    expect(await client.exited).toBe(0);
    expect(client.stdout).toBe('n1: hello\n');
  });

  it('--connect to nothing fails with a clear message once the wait is over', async () => {
    const dir = scratch();
    expect(runMm(['keys', 'k', 'n1'], { cwd: dir }).status).toBe(0);
    const port = await freePort();
    const r = runMm(['run', '--connect', `ws://127.0.0.1:${port}`, '--wait', '1', '--keys', 'k', '-'], { cwd: dir, input: 'echo x\n' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^mm: nothing listens on ws:\/\/127\.0\.0\.1:\d+ yet; waiting up to 1 s for the node to start\n/);
    expect(r.stderr).toMatch(/mm run: cannot connect to ws:\/\/127\.0\.0\.1:\d+: nothing listened there within 1 s \(is the node started, on that port\?\)\n$/);
    const none = runMm(['run', '--connect', `ws://127.0.0.1:${port}`, '--wait', '0', '--keys', 'k', '-'], { cwd: dir, input: 'echo x\n' });
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^mm run: cannot connect to ws:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/);
    expect(runMm(['run', '--wait', '5', '-'], { cwd: dir }).stderr).toBe('mm run: --wait needs --connect\n');
    expect(runMm(['run', '--connect', 'ws://127.0.0.1:1', '--wait', 'x', '-'], { cwd: dir }).stderr).toBe(
      'mm run: --wait must be whole seconds from 0 to 3600, not "x"\n',
    );
  });
});
