/**
 * `mm node` and `mm run --connect` as a user meets them, as real processes
 * on 127.0.0.1 port 0: a peer with the wrong secret backs off, reports each
 * failure once and gives up with exit status 1; a node stopped by `quit`
 * says what it does; `--connect` waits for a node that is still starting,
 * and says when nothing came. Tests wait for output and exits, never sleep.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runMm } from '../helpers/mm-cli.js';
import { MM, mmBuilt as built, startMm, startNode, stopAll, type MmProcess } from '../helpers/mm-process.js';
import { repoRoot } from '../helpers/shared.js';
import { testTempDir } from '../helpers/temp-dir.js';

const procs: MmProcess[] = [];
// Each test's processes are stopped before the test's end removes its directory.
afterEach(() => stopAll(procs.splice(0)));

/** A directory of the running test (testTempDir). */
function scratch(): string {
  return testTempDir('mm-mesh-cli-');
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

  it('holds a client line to 64 KiB, as mm run and mm check do', async () => {
    const dir = scratch();
    expect(runMm(['keys', 'k', 'n1'], { cwd: dir }).status).toBe(0);
    const n1 = await startNode('n1', dir, procs, ['--keys', 'k']);
    writeFileSync(join(dir, 'long.mm'), `echo ${'a'.repeat(64 * 1024)}\necho after\n`);
    const client = startMm(['run', '--connect', n1.url, '--keys', 'k', 'long.mm'], dir, procs);
    expect(await client.exited).toBe(1);
    expect(client.stderr).toContain('long.mm:1: E: bufio.Scanner: token too long\n');
    expect(client.stdout).toBe('');
    n1.proc.child.kill('SIGTERM');
    expect(await n1.proc.exited).toBe(0);
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

describe.skipIf(!built || spawnSync('python3', ['-c', 'import pty']).status !== 0)('mm repl --connect completion', () => {
  it('completes VM names, VLAN aliases, hosts and namespaces of the whole namespace, asked of the node', async () => {
    const dir = scratch();
    expect(runMm(['keys', 'k', 'n1', 'n2', 'n3'], { cwd: dir }).status).toBe(0);
    const n1 = await startNode('n1', dir, procs, ['--keys', 'k']);
    const peer = n1.url.slice('ws://'.length);
    await Promise.all(['n2', 'n3'].map((n) => startNode(n, dir, procs, ['--keys', 'k', '--peer', peer])));
    writeFileSync(join(dir, 'lab.mm'), 'namespace lab\nnsmod add-host n1,n2,n3\nvm config net frontnet\nvm launch kvm web[1-3]\nvm launch\n');
    const setup = startMm(['run', '--connect', n1.url, '--keys', 'k', 'lab.mm'], dir, procs);
    expect(await setup.exited).toBe(0);
    const history = join(dir, 'history');
    const steps = [
      { expect: '$ ' },
      { send: 'vm start we' },
      { expect: 'vm start we' },
      { send: '\t' },
      { expect: 'b' },
      { send: '\t' },
      { expect: 'web3' },
      { send: '\x15' },
      { expect: '$ ' },
      { send: 'vm config net fr' },
      { expect: 'vm config' },
      { send: '\t' },
      { expect: 'frontnet' },
      { send: '\x15' },
      { expect: '$ ' },
      // A host on another node: completed (with its space) only if the node named it.
      { send: 'mesh send n3' },
      { expect: 'mesh send' },
      { send: '\t' },
      { expect: 'n3 ' },
      { send: '\x15' },
      { expect: '$ ' },
      { send: 'clear namespace l' },
      { expect: 'clear namespace' },
      { send: '\t' },
      { expect: 'ab ' },
      { send: '\x15\x04' },
    ];
    const r = spawnSync(
      'python3',
      [join(repoRoot, 'test/helpers/pty-driver.py'), JSON.stringify(steps), '--', process.execPath, MM, 'repl', '--connect', n1.url, '--keys', 'k'],
      { cwd: dir, encoding: 'utf8', env: { ...process.env, MM_HISTORY: history }, timeout: 60_000 },
    );
    expect(r.stdout).not.toContain('<<timeout');
    const offered = r.stdout.slice(r.stdout.indexOf('vm start we'));
    for (const n of ['web1', 'web2', 'web3']) expect(offered).toContain(n);
    // The node's history holds the script's lines only, not the completion queries.
    const hist = runMm(['run', '--connect', n1.url, '--keys', 'k', '-'], { cwd: dir, input: 'history\n' });
    expect(hist.stdout).not.toContain('.record false');
  });
});
