/**
 * The WebSocket transport and the CLI on top of it, in process (port 0):
 * nodes and clients over real sockets, the subprotocol check, bad frames,
 * the heartbeat (with an injected clock), backoff, and `mm run/minitest
 * --connect` giving the same output as the plain commands.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { runCli } from '../../cli/run-cli.js';
import { allCommands } from '../../cli/commands.js';
import type { CliIO } from '../../cli/cli-io.js';
import { isLoopback, parseListen } from '../../cli/node-command.js';
import { parseNodes } from '../../cli/targets-remote.js';
import type { Mesh } from '../../interpreter/mesh/node-mesh.js';
import { attachMesh } from '../../interpreter/node-inbox.js';
import { decode, ErrorCode, SUBPROTOCOL } from '../../interpreter/mesh/mesh-protocol.js';
import { createSecretAuth } from '../../interpreter/mesh/secret.js';
import { createBackoff, persistentDial, type Clock, type Link } from '../../interpreter/mesh/transport.js';
import { createWsTransport } from '../../interpreter/mesh/ws.js';
import { createNode, type SimNode } from '../../interpreter/sim-node.js';
import { transcript, until } from './mesh-helpers.js';
import { manualClock } from '../helpers/manual-clock.js';
import { testTempDir } from '../helpers/temp-dir.js';

const open: Mesh[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((m) => m.close()));
});

async function wsNode(
  name: string,
  opts: { secret?: string; clock?: Clock; noPong?: boolean; allowShell?: boolean; dialect?: '2.3' | '3.1' } = {},
): Promise<{ node: SimNode; mesh: Mesh; url: string }> {
  const node = createNode({ name, allowShell: opts.allowShell ?? false, ...(opts.dialect ? { dialect: opts.dialect } : {}) });
  const WS = opts.noPong
    ? class extends WebSocket {
        constructor(url: string, protocols: string[], options: object) {
          super(url, protocols, { ...options, autoPong: false });
        }
      }
    : undefined;
  const transport = createWsTransport({
    port: 0,
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(WS ? { WebSocket: WS as unknown as typeof WebSocket } : {}),
  });
  const mesh = attachMesh(node, { transport, ...(opts.secret ? { auth: createSecretAuth(opts.secret) } : {}) });
  open.push(mesh);
  const url = await mesh.listen();
  return { node, mesh, url };
}

function memoryIO(cwd: string): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
    readStdin: async () => '',
    cwd,
    stdinIsTTY: false,
  };
  return io;
}

describe('nodes over WebSocket', () => {
  it('at 3.1: the scheduler places VMs on the peers, each share with its config snapshot (runtime-3.1.md 4.3, 4.4)', async () => {
    const a = await wsNode('a', { secret: 'k', dialect: '3.1' });
    const b = await wsNode('b', { secret: 'k', dialect: '3.1' });
    const c = await wsNode('c', { secret: 'k', dialect: '3.1' });
    expect(await a.node.mesh.dial(b.url)).toBe('');
    expect(await a.node.mesh.dial(c.url)).toBe('');
    await until(() => a.node.mesh.peers().length === 2);
    const out = await transcript(
      a.node,
      '.annotate false\nnamespace ns1\nvm config memory 512\nvm launch kvm a[1-4]\n.annotate true .columns name,memory vm info',
    );
    expect(out).toBe(
      '## .annotate false\n## namespace ns1\n## vm config memory 512\n## vm launch kvm a[1-4]\n' +
        '## .annotate true .columns name,memory vm info\nhost | name | memory\nb    | a2   | 512\nb    | a4   | 512\nc    | a1   | 512\nc    | a3   | 512\n',
    );
    // The receivers' own vm config of ns1 is untouched: the snapshot travelled with the launch.
    expect(await transcript(b.node, '.annotate false namespace ns1 vm config memory')).toBe('## .annotate false namespace ns1 vm config memory\n2048\n');
  });

  it('link with a shared secret and run commands across', async () => {
    const a = await wsNode('a', { secret: 'k' });
    const b = await wsNode('b', { secret: 'k' });
    expect(a.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(await a.node.mesh.dial(b.url)).toBe('');
    expect(await a.node.mesh.dial(b.url)).toBe('already connected to b');
    expect(await a.node.mesh.dial(a.url)).toBe('cannot mesh dial yourself');
    await until(() => b.node.mesh.peers().includes('a'));
    expect(await transcript(a.node, '.annotate false\nmesh send b host name\nmesh status')).toBe(
      `## .annotate false\n## mesh send b host name\nb\n## mesh status\nmesh size | degree | peers | context  | port\n2         | 0      | 1     | minimega | ${a.mesh.port()}\n`,
    );
    const c = await wsNode('c', { secret: 'wrong' });
    expect(await c.node.mesh.dial(a.url)).toBe(`dial ${a.url}: authentication failed (wrong or missing secret)`);
    expect(await c.node.mesh.dial('127.0.0.1:1')).toMatch(/^dial 127\.0\.0\.1:1: connect ECONNREFUSED/);
  });

  it('tells onChange watchers of peers joining and leaving, until they stop watching', async () => {
    const a = await wsNode('a');
    const b = await wsNode('b');
    const seen: string[][] = [];
    // Resolves at the first change after which `want` holds: no polling.
    const when = (want: (peers: string[]) => boolean): Promise<void> =>
      new Promise((resolve) => {
        const stop = a.mesh.onChange(() => {
          seen.push(a.mesh.peers());
          if (!want(a.mesh.peers())) return;
          stop();
          resolve();
        });
      });
    const joined = when((p) => p.includes('b'));
    expect(await b.node.mesh.dial(a.url)).toBe('');
    await joined;
    const left = when((p) => p.length === 0);
    expect(await a.node.mesh.hangup('b')).toBe('');
    await left;
    expect(seen.at(-1)).toEqual([]);
    expect(seen.some((p) => p.join() === 'b')).toBe(true);
    const calls = seen.length;
    const c = await wsNode('c');
    expect(await c.node.mesh.dial(a.url)).toBe('');
    await until(() => a.node.mesh.peers().includes('c'));
    expect(seen.length).toBe(calls);
  });

  it('closes even when a peer dials again while it is closing (the new socket is cut)', async () => {
    const a = await wsNode('a');
    const b = await wsNode('b');
    expect(await b.node.mesh.dial(a.url)).toBe('');
    const closed = a.mesh.close();
    const late = new WebSocket(a.url, [SUBPROTOCOL]);
    const lateEnd = new Promise<string>((r) => {
      late.once('close', () => r('closed'));
      late.once('error', () => r('refused'));
    });
    await closed;
    expect(['closed', 'refused']).toContain(await lateEnd);
  });

  it('refuses another protocol version in the handshake and answers bad frames', async () => {
    const a = await wsNode('a');
    const wrong = new WebSocket(a.url, ['mm-mesh.v0']);
    const err = await new Promise<string>((r) => wrong.once('error', (e) => r(e.message)));
    expect(err).toBe('Server sent no subprotocol');
    const bare = new WebSocket(a.url);
    const frames: string[] = [];
    bare.on('message', (d) => frames.push(d.toString()));
    const code = await new Promise<number>((r) => bare.once('close', (c) => r(c)));
    expect(code).toBe(1002);
    expect(decode(frames[0]!)).toMatchObject({ ok: true, message: { type: 'error', code: ErrorCode.Version } });

    const raw = new WebSocket(a.url, [SUBPROTOCOL]);
    const got: string[] = [];
    raw.on('message', (d) => got.push(d.toString()));
    await new Promise((r) => raw.once('open', r));
    raw.send('not json');
    raw.send(Buffer.from([0xff, 0x00]), { binary: true });
    await until(() => got.length === 3);
    expect(
      got
        .slice(1)
        .map((f) => decode(f))
        .map((d) => d.ok && d.message.type === 'error' && d.message.code),
    ).toEqual([ErrorCode.Malformed, ErrorCode.Malformed]);
    raw.terminate();
    expect(await transcript(a.node, '.annotate false mesh status')).toContain('0         | 0');
  });

  it('declares a peer that stops answering pings dead, ending its pending requests', async () => {
    const clock = manualClock();
    const a = await wsNode('a', { clock });
    const b = await wsNode('b', { noPong: true });
    expect(await b.node.mesh.dial(a.url)).toBe('');
    await until(() => a.node.mesh.peers().includes('b'));
    await transcript(a.node, '.annotate false\nnamespace ns');
    // b is busy, so the request stays pending; b's socket never answers pings.
    let release!: () => void;
    void b.node.ordering.run('local', () => new Promise<void>((r) => (release = r)));
    await until(() => b.node.ordering.depth() === 1);
    const line = transcript(a.node, 'host name');
    await until(() => b.node.ordering.queued() === 1);
    clock.fire(10_000); // ping
    clock.fire(10_000); // no pong since: terminated
    expect(await line).toBe('## host name\nE: lost connection to b\n');
    expect(a.node.mesh.peers()).toEqual([]);
    release();
  });
});

describe('backoff', () => {
  it('doubles up to a cap and resets after a link came up', () => {
    const b = createBackoff(100, 1000);
    expect([b.next(), b.next(), b.next(), b.next(), b.next(), b.next()]).toEqual([100, 200, 400, 800, 1000, 1000]);
    b.reset();
    expect(b.next()).toBe(100);
  });

  it('re-dials a persistent address after failures and after the link drops', async () => {
    const clock = manualClock();
    let attempts = 0;
    let closeLink: (r: string) => void = () => undefined;
    const link: Link = { remote: 'x', send: () => undefined, close: () => undefined, start: (h) => (closeLink = h.closed) };
    const dial = async (): Promise<Link> => {
      attempts++;
      if (attempts < 3) throw new Error('refused');
      return link;
    };
    const errors: string[] = [];
    let links = 0;
    const stop = persistentDial(
      dial,
      clock,
      'x',
      (l, established) => (links++, established(), l.start({ frame: () => undefined, closed: () => undefined })),
      (e) => errors.push(e.message),
      createBackoff(100, 400),
    );
    await until(() => attempts === 1);
    clock.fire(100);
    await until(() => attempts === 2);
    clock.fire(200);
    await until(() => links === 1);
    closeLink('gone');
    clock.fire(100);
    await until(() => attempts === 4);
    expect(errors).toEqual(['refused', 'refused']);
    stop();
  });
});

describe('backoff of links that never get established', () => {
  it('keeps growing when links come up but the handshake fails (a wrong secret): only established links reset it', async () => {
    const clock = manualClock();
    let attempts = 0;
    const closers: ((r: string) => void)[] = [];
    const dial = async (): Promise<Link> => {
      attempts++;
      return { remote: 'x', send: () => undefined, close: () => undefined, start: (h) => void closers.push(h.closed) };
    };
    const stop = persistentDial(dial, clock, 'x', (l) => l.start({ frame: () => undefined, closed: () => undefined }), undefined, createBackoff(100, 1000));
    await until(() => attempts === 1);
    closers[0]!('refused');
    clock.fire(100);
    await until(() => attempts === 2);
    closers[1]!('refused');
    // Not reset by the link coming up: the next wait is 200 ms, not 100.
    clock.fire(100);
    await Promise.resolve();
    expect(attempts).toBe(2);
    clock.fire(200);
    await until(() => attempts === 3);
    stop();
  });
});

describe('the CLI against a running node (--connect)', () => {
  it('prints exactly what a plain run prints, transcripts included', async () => {
    const dir = testTempDir('mm-connect-');
    writeFileSync(
      join(dir, 's.mm'),
      '.annotate false\nvm launch kvm a[1-2]\n.columns name,state vm info\n.csv true\nvm info summary\n.csv false\nvm start nosuch\nbogus\necho never\n',
    );
    for (const extra of [[], ['--transcript']]) {
      // A fresh node each time: ids and generated values start where a plain run's do.
      const a = await wsNode('mm');
      const plain = memoryIO(dir);
      const remote = memoryIO(dir);
      const c1 = await runCli(['run', '--name', 'mm', ...extra, 's.mm'], plain, allCommands);
      const c2 = await runCli(['run', '--connect', a.url, ...extra, 's.mm'], remote, allCommands);
      expect([c2, remote.out, remote.err]).toEqual([c1, plain.out, plain.err]);
      expect(c1).toBe(1);
    }
  });

  it('runs minitest against a running node', async () => {
    const a = await wsNode('mm');
    const dir = testTempDir('mm-minitest-');
    writeFileSync(join(dir, 'prolog'), '.annotate false\nclear history\n');
    writeFileSync(join(dir, 'epilog'), 'vm kill all\nvm flush\n');
    writeFileSync(join(dir, 't1'), 'vm launch kvm foo\n.columns name vm info\n');
    writeFileSync(join(dir, 't1.want'), '## vm launch kvm foo\n## .columns name vm info\nname\nfoo\n');
    const io = memoryIO(dir);
    expect(await runCli(['minitest', '--connect', a.url, dir], io, allCommands)).toBe(0);
    expect(io.out).toBe('ok   t1\n1 passed, 0 failed\n');
  });

  it('needs the secret when the node has one, and reports options that do not fit', async () => {
    const a = await wsNode('mm', { secret: 'k' });
    const dir = testTempDir('mm-secret-');
    writeFileSync(join(dir, 'secret'), 'k\n', { mode: 0o644 });
    chmodSync(join(dir, 'secret'), 0o644);
    writeFileSync(join(dir, 's.mm'), '.annotate false\nhost name\n');
    let io = memoryIO(dir);
    // A secret other users can read is no secret: refused, with the fix.
    expect(await runCli(['run', '--connect', a.url, '--secret-file', 'secret', 's.mm'], io, allCommands)).toBe(2);
    expect(io.err).toBe('mm run: --secret-file secret: other users may read or change it (mode 644); run `chmod 600 secret`\n');
    chmodSync(join(dir, 'secret'), 0o600);
    io = memoryIO(dir);
    expect(await runCli(['run', '--connect', a.url, 's.mm'], io, allCommands)).toBe(2);
    expect(io.err).toBe(`mm run: cannot connect to ${a.url}: authentication failed (wrong or missing secret)\n`);
    io = memoryIO(dir);
    expect(await runCli(['run', '--connect', a.url, '--secret-file', 'secret', 's.mm'], io, allCommands)).toBe(0);
    expect(io.out).toBe('mm\n');
    io = memoryIO(dir);
    expect(await runCli(['run', '--connect', a.url, '--nodes', '3', 's.mm'], io, allCommands)).toBe(2);
    expect(io.err).toBe('mm run: --nodes cannot be used with --connect (the node has its own)\n');
    io = memoryIO(dir);
    expect(await runCli(['run', '--secret-file', 'secret', 's.mm'], io, allCommands)).toBe(2);
    io = memoryIO(dir);
    expect(await runCli(['node', '--listen', '0.0.0.0:0', '--insecure'], io, allCommands)).toBe(2);
    expect(io.err).toBe('mm node: refusing to listen on 0.0.0.0 with --insecure (anyone who can reach it could run commands); use --keys DIR\n');
    io = memoryIO(dir);
    expect(await runCli(['node', '--listen', '127.0.0.1:0'], io, allCommands)).toBe(2);
    expect(io.err).toContain('mm node: a node needs --keys DIR');
  });
});

describe('the CLI with an embedded cluster (--nodes)', () => {
  it('runs the script on the first of N fully meshed nodes', async () => {
    const dir = testTempDir('mm-nodes-');
    writeFileSync(join(dir, 's.mm'), 'namespace ns\nnsmod add-host localhost\nvm launch kvm 10\nvm launch\nhost vms\n');
    let io = memoryIO(dir);
    expect(await runCli(['run', '--nodes', '4', 's.mm'], io, allCommands)).toBe(0);
    expect(io.out).toBe('n[1-2]: 3\nn[3-4]: 2\n');
    io = memoryIO(dir);
    expect(await runCli(['run', '--nodes', 'web,db', '--transcript', 's.mm'], io, allCommands)).toBe(0);
    expect(io.out).toContain('## host vms\ndb,web: 5\n');
  });

  it('parses --nodes, --listen and loopback hosts', () => {
    expect(parseNodes('3')).toEqual(['n1', 'n2', 'n3']);
    expect(parseNodes('a, b')).toEqual(['a', 'b']);
    expect(() => parseNodes('0')).toThrow();
    expect(() => parseNodes('a,a')).toThrow();
    expect(() => parseNodes('a,all')).toThrow();
    expect(parseListen('127.0.0.1:0')).toEqual({ host: '127.0.0.1', port: 0 });
    expect(parseListen('[::1]:9000')).toEqual({ host: '::1', port: 9000 });
    expect(parseListen('9000')).toEqual({ host: '127.0.0.1', port: 9000 });
    expect(() => parseListen('host')).toThrow();
    expect([isLoopback('127.0.0.1'), isLoopback('localhost'), isLoopback('::1'), isLoopback('0.0.0.0'), isLoopback('10.0.0.1')]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
