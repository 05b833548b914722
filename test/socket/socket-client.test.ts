/**
 * `mm`'s socket client against simulated nodes of both dialects and against
 * scripted daemons: version detection (socket.md section 12: a clear error
 * naming both versions, never a hang or an empty reply), dial errors worded
 * as minimega's clients word them, status frames, and daemons that answer
 * nonsense, nothing, or close early.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectSocket, DaemonClosedError, DialectMismatchError, SocketClientError } from '../../interpreter/socket/socket-client.js';
import type { ReadFrame } from '../../interpreter/socket/frame-reading.js';
import { startSocketNode, type SocketNode } from '../helpers/socket-node.js';
import { testTempDir } from '../helpers/temp-dir.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function node(dialect: '2.3' | '3.1'): Promise<SocketNode> {
  const n = await startSocketNode({ dialect, name: 'mm1' });
  cleanups.push(() => n.close());
  return n;
}

/** A scripted daemon: `answer` gets each request line and the socket to write to. */
async function fakeDaemon(answer: (request: string, socket: Socket) => void): Promise<string> {
  // Removed when the test ends, after afterEach has closed the daemon.
  const dir = testTempDir('mm-fake-');
  const path = join(dir, 'minimega');
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => {
    sockets.add(s);
    let buf = '';
    s.setEncoding('utf8');
    s.on('data', (d: string) => {
      buf += d;
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        answer(line, s);
      }
    });
    s.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(path, r));
  cleanups.push(() => {
    for (const s of sockets) s.destroy();
    return new Promise<void>((r) => server.close(() => r()));
  });
  return path;
}

const NULL31 = '{"Resp":null,"Rendered":"","More":false,"Status":false}\n';

async function frames(run: (onFrame: (f: ReadFrame) => void) => Promise<void>): Promise<ReadFrame[]> {
  const out: ReadFrame[] = [];
  await run((f) => void out.push(f));
  return out;
}

describe('the socket client on simulated nodes', () => {
  it('2.3: runs lines and reads their frames; completion never goes over the socket', async () => {
    const n = await node('2.3');
    const c = await connectSocket(n.path, '2.3');
    cleanups.push(() => c.close());
    const got = await frames((f) => c.command('echo hi', f));
    expect(got.map((f) => [f.rendered, f.more, f.hasStatus])).toEqual([['mm1: hi', false, false]]);
    expect(await c.suggest('vm inf')).toBeUndefined();
  });

  it('3.1: completion comes from the node as whole lines; requests run in the order they were made', async () => {
    const n = await node('3.1');
    const c = await connectSocket(n.path, '3.1');
    cleanups.push(() => c.close());
    const order: string[] = [];
    await Promise.all([
      c.command('echo 1', (f) => void order.push(f.rendered)),
      c.suggest('vm inf').then((s) => void order.push(String(s))),
      c.command('echo 2', (f) => void order.push(f.rendered)),
    ]);
    expect(order).toEqual(['mm1: 1', 'vm info ', 'mm1: 2']);
  });

  it('names both versions when the daemon speaks the other dialect (socket.md section 12)', async () => {
    for (const [daemon, client] of [
      ['3.1', '2.3'],
      ['2.3', '3.1'],
    ] as const) {
      const n = await node(daemon);
      const e = await connectSocket(n.path, client).then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(DialectMismatchError);
      expect((e as DialectMismatchError).daemon).toBe(daemon);
      expect((e as Error).message).toBe(`the daemon at ${n.path} speaks minimega ${daemon}'s socket protocol, not ${client}'s`);
    }
  });

  it("words dial errors as minimega's clients do", async () => {
    const dir = testTempDir('mm-dial-');
    await expect(connectSocket(join(dir, 'minimega'), '2.3')).rejects.toThrow(`dial unix ${dir}/minimega: connect: no such file or directory`);
    writeFileSync(join(dir, 'file'), '');
    await expect(connectSocket(join(dir, 'file'), '2.3')).rejects.toThrow(`dial unix ${dir}/file: connect: connection refused`);
    // A socket left by a process that died.
    const stale = join(dir, 'stale');
    const child = spawn(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(stale)}, () => process.kill(process.pid, 'SIGKILL'))`]);
    await new Promise((r) => child.once('exit', r));
    await expect(connectSocket(stale, '2.3')).rejects.toThrow(`dial unix ${stale}: connect: connection refused`);
  });
});

describe('the socket client on scripted daemons', () => {
  it('reads status frames as they come and never takes one for an answer', async () => {
    const path = await fakeDaemon((req, s) => {
      if (req.includes('"Command":"#"')) return void s.write(NULL31);
      s.write('{"Resp":null,"Rendered":"[mm2]: transferring file disk.qcow2: 50.000000% complete","More":false,"Status":true}\n');
      s.write('{"Resp":[{"Host":"mm1","Response":"a","Header":null,"Tabular":null,"Error":"","Data":null}],"Rendered":"mm1: a","More":true,"Status":false}\n');
      s.write(
        '{"Resp":[{"Host":"mm1","Response":"b","Header":null,"Tabular":null,"Error":"oops","Data":null}],"Rendered":"mm1: b","More":false,"Status":false}\n',
      );
      // One after the terminal frame, between commands.
      s.write('{"Resp":null,"Rendered":"[mm2]: merging file disk.qcow2","More":false,"Status":true}\n');
    });
    const idle: string[] = [];
    const c = await connectSocket(path, '3.1', { onStatus: (f) => void idle.push(f.rendered) });
    cleanups.push(() => c.close());
    const got = await frames((f) => c.command('read x', f));
    expect(got.map((f) => [f.status, f.rendered, f.more])).toEqual([
      [true, '[mm2]: transferring file disk.qcow2: 50.000000% complete', false],
      [false, 'mm1: a', true],
      [false, 'mm1: b', false],
    ]);
    expect(got[2]!.resp![0]!.error).toBe('oops');
    for (; idle.length === 0; ) await new Promise((r) => setImmediate(r));
    expect(idle).toEqual(['[mm2]: merging file disk.qcow2']);
  });

  it('reports a daemon that answers an error instead of the null frame (neither 2.3 nor 3.1)', async () => {
    // What a minimega between 2.4 and 2.7 would answer a 2.3 request: no Status, an error.
    const path = await fakeDaemon((_req, s) =>
      s.write(
        '{"Resp":[{"Host":"old","Response":"","Header":null,"Tabular":null,"Error":"must specify either command or suggest"}],"Rendered":"","More":false}\n',
      ),
    );
    await expect(connectSocket(path, '2.3')).rejects.toThrow(
      `the daemon at ${path} does not answer minimega 2.3's requests as expected: Error (old): must specify either command or suggest`,
    );
  });

  it('reports garbage, silence and an early close instead of hanging', async () => {
    const garbage = await fakeDaemon((_req, s) => s.write('hello\n'));
    await expect(connectSocket(garbage, '2.3')).rejects.toThrow(/^.*does not answer as minimega does: not a JSON frame/);
    const silent = await fakeDaemon(() => undefined);
    await expect(connectSocket(silent, '2.3', { probeTimeoutMs: 100 })).rejects.toThrow(
      `no answer from ${silent} within 0.1 s: is a minimega daemon listening there?`,
    );
    const closing = await fakeDaemon((_req, s) => s.destroy());
    await expect(connectSocket(closing, '2.3')).rejects.toThrow(`the daemon at ${closing} closed the connection without answering`);
  });

  it('rejects a command with DaemonClosedError when the daemon closes mid-reply', async () => {
    const path = await fakeDaemon((req, s) => {
      if (req.includes('"Command":"#"')) return void s.write(NULL31);
      s.end('{"Resp":[],"Rendered":"part","More":true,"Status":false}\n');
    });
    const c = await connectSocket(path, '3.1');
    cleanups.push(() => c.close());
    const seen: string[] = [];
    await expect(c.command('quit', (f) => void seen.push(f.rendered))).rejects.toBeInstanceOf(DaemonClosedError);
    expect(seen).toEqual(['part']);
    await expect(c.command('echo', () => undefined)).rejects.toBeInstanceOf(SocketClientError);
  });
});
