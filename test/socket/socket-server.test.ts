/**
 * The node's socket server against clients that do what real clients do
 * (no terminator, pipelined requests, split writes) and what broken ones do
 * (bad JSON, wrong types, huge requests, never reading, thousands of
 * connections, leaving mid-command). None of them may take the node down or
 * stall the other clients. Waits for events; never sleeps.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SOCKET_PROTOCOLS, type SocketDialect } from '../../interpreter/socket/protocol.js';
import { rawClient, startSocketNode, type RawClient, type SocketNode } from '../helpers/socket-node.js';

const open: SocketNode[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((n) => n.close()));
});

async function start(dialect: SocketDialect, limits?: Parameters<typeof startSocketNode>[0]['limits']): Promise<SocketNode> {
  const n = await startSocketNode({ dialect, name: 'mm1', ...(limits ? { limits } : {}) });
  open.push(n);
  return n;
}

const cmd = (dialect: SocketDialect, line: string): string => SOCKET_PROTOCOLS[dialect].commandRequest(line);

/** The rendered text of a one-frame reply. */
async function rendered(c: RawClient, dialect: SocketDialect, line: string): Promise<string> {
  c.send(cmd(dialect, line));
  const frames = await c.reply();
  return frames.map((f) => (JSON.parse(f) as { Rendered: string }).Rendered).join('\n');
}

describe('requests as real clients send them', () => {
  it('answers a request with no terminator and a space after the colon (the Python bindings)', async () => {
    const n = await start('3.1');
    const c = await rawClient(n.path);
    c.send('{"Command": "echo hi"}');
    expect(await c.reply()).toEqual([
      '{"Resp":[{"Host":"mm1","Response":"hi","Header":null,"Tabular":null,"Error":"","Data":null}],"Rendered":"mm1: hi","More":false,"Status":false}',
    ]);
  });

  it('answers pipelined requests in order, one reply each, whatever the write boundaries', async () => {
    for (const dialect of ['2.3', '3.1'] as const) {
      const n = await start(dialect);
      const c = await rawClient(n.path);
      const text = Array.from({ length: 20 }, (_, i) => cmd(dialect, `echo ${i}`)).join('');
      // One byte per write for the first half, the rest at once.
      const bytes = Buffer.from(text);
      for (let i = 0; i < bytes.length / 2; i++) c.send(bytes.subarray(i, i + 1));
      c.send(bytes.subarray(Math.ceil(bytes.length / 2)));
      for (let i = 0; i < 20; i++) expect(JSON.parse((await c.reply())[0]!).Rendered).toBe(`mm1: ${i}`);
    }
  });

  it('shares flags, aliases and the active namespace between clients, as minimega does', async () => {
    const n = await start('2.3');
    const a = await rawClient(n.path);
    const b = await rawClient(n.path);
    await rendered(a, '2.3', '.annotate false');
    await rendered(a, '2.3', '.alias greet=echo hello');
    await rendered(a, '2.3', 'namespace lab');
    expect(await rendered(b, '2.3', 'greet')).toBe('hello');
    expect(n.node.activeNamespace).toBe('lab');
    expect(await rendered(b, '2.3', 'history')).toContain('namespace lab');
  });

  it('3.1: a request with neither or both of Command and Suggest gets an error frame, and the connection goes on', async () => {
    const n = await start('3.1');
    const c = await rawClient(n.path);
    const refused =
      '{"Resp":[{"Host":"mm1","Response":"","Header":null,"Tabular":null,"Error":"must specify either command or suggest","Data":null}],"Rendered":"","More":false,"Status":false}';
    for (const r of ['{}', 'null', '{"Command":"a","Suggest":"b"}', '{"Original":"vm info"}', '{"Suggest":""}']) {
      c.send(r);
      expect(await c.reply(), r).toEqual([refused]);
    }
    expect(await rendered(c, '3.1', 'echo ok')).toBe('mm1: ok');
  });

  it('3.1: a suggest request gets exactly one frame with whole lines; none omits the key', async () => {
    const n = await start('3.1');
    const c = await rawClient(n.path);
    c.send('{"Command":"","Suggest":"  vm   inf","PlumbPipe":""}');
    expect(await c.reply()).toEqual(['{"Resp":null,"Rendered":"","More":false,"Status":false,"Suggest":["  vm   info "]}']);
    c.send('{"Suggest":"zzz"}');
    expect(await c.reply()).toEqual(['{"Resp":null,"Rendered":"","More":false,"Status":false}']);
    // A line ending in a space gets the files directory (minimega's -filepath, the node's --files-path).
    c.send('{"Suggest":"echo "}');
    expect(await c.reply()).toEqual(['{"Resp":null,"Rendered":"","More":false,"Status":false,"Suggest":["echo /tmp/minimega/files/"]}']);
  });

  it('3.1: where minicli has no words, completion offers the environment and the files directory, never other host paths', async () => {
    const n = await startSocketNode({ dialect: '3.1', name: 'mm1', filesPath: '/srv/mmfiles' });
    open.push(n);
    mkdirSync(join(n.dir, 'images'));
    writeFileSync(join(n.dir, 'images', 'db.qcow2'), '');
    writeFileSync(join(n.dir, 'a.img'), '');
    const c = await rawClient(n.path);
    const suggest = async (line: string): Promise<string[]> => {
      c.send(`{"Suggest":${JSON.stringify(line)}}`);
      return (JSON.parse((await c.reply())[0]!) as { Suggest?: string[] }).Suggest ?? [];
    };
    expect(await suggest('vm config disk a')).toEqual(['vm config disk a.img ']);
    expect(await suggest('echo /srv/mmfiles/i')).toEqual(['echo /srv/mmfiles/images/']);
    expect(await suggest('echo images/')).toEqual(['echo images/db.qcow2 ']);
    expect(await suggest('echo /sr')).toEqual(['echo /srv/mmfiles/']);
    expect(await suggest('echo /etc/pas')).toEqual([]);
    expect(await suggest('echo $PAT')).toEqual(expect.arrayContaining(['echo $PATH ']));
  });

  it('`quit` closes every connection without a frame and stops the node; `quit N` answers first', async () => {
    for (const [line, frames] of [
      ['quit', []],
      [
        'quit 2',
        [
          '{"Resp":[{"Host":"mm1","Response":"quitting after 2 seconds","Header":null,"Tabular":null,"Error":""}],"Rendered":"mm1: quitting after 2 seconds","More":false}',
        ],
      ],
    ] as const) {
      const n = await start('2.3');
      const c = await rawClient(n.path);
      c.send(cmd('2.3', line));
      await n.quit;
      const got: string[] = [];
      for (let l = await c.line(); l !== undefined; l = await c.line()) got.push(l);
      expect(got, line).toEqual(frames);
    }
  });
});

describe('hostile input', () => {
  it('closes a connection on bad JSON or a wrong type without replying, logs it, and serves the others', async () => {
    for (const [dialect, bad, logged] of [
      ['2.3', 'hello', "invalid character 'h' looking for beginning of value"],
      ['2.3', '{"Original":5}', 'json: cannot unmarshal number into Go struct field Command.Original of type string'],
      ['3.1', '{"Command":["vm","info"]}', 'json: cannot unmarshal array into Go struct field Request.Command of type string'],
      ['3.1', '"vm info"', 'json: cannot unmarshal string into Go value of type miniclient.Request'],
    ] as const) {
      const n = await start(dialect);
      const good = await rawClient(n.path);
      const c = await rawClient(n.path);
      c.send(bad);
      expect(await c.line()).toBeUndefined();
      expect(n.logs.join('\n')).toContain(logged);
      expect(await rendered(good, dialect, 'echo fine')).toBe('mm1: fine');
    }
  });

  it('closes a connection whose request is over the limit; a line over its limit gets an error frame', async () => {
    const n = await start('3.1', { maxRequestBytes: 64 * 1024, maxLineBytes: 1024 });
    const c = await rawClient(n.path);
    c.send(cmd('3.1', 'echo ' + 'x'.repeat(2000)));
    expect(JSON.parse((await c.reply())[0]!).Resp[0].Error).toBe('line too long: 2005 bytes (the limit is 1024)');
    c.send('{"Command":"' + 'y'.repeat(200_000));
    expect(await c.line()).toBeUndefined();
    expect(n.logs).toContain('closing a socket client: request larger than 65536 bytes');
    const d = await rawClient(n.path);
    expect(await rendered(d, '3.1', 'echo fine')).toBe('mm1: fine');
  });

  it('2.3: a client that never reads its big replies does not stall the node or the others', async () => {
    const n = await start('2.3');
    const setupClient = await rawClient(n.path);
    await rendered(setupClient, '2.3', 'vm launch kvm 3000');
    // About 100 kB of rows per reply: a few of them fill the socket's buffers.
    const stalled = await rawClient(n.path);
    stalled.socket.pause();
    for (let i = 0; i < 30; i++) stalled.send(cmd('2.3', `.columns name,uuid,state,memory,vcpus vm info # big ${i}`));
    stalled.send(cmd('2.3', 'echo never served'));
    const other = await rawClient(n.path);
    // Once the first big reply has run, the stalled connection is writing and cannot go on.
    for (let history = ''; !history.includes('# big 0'); ) history = await rendered(other, '2.3', 'history');
    for (let i = 0; i < 50; i++) expect(await rendered(other, '2.3', `echo ${i}`)).toBe(`mm1: ${i}`);
    const history = await rendered(other, '2.3', 'history');
    expect(history).not.toContain('echo never served');
    expect(n.server.connections()).toBe(3);
  });

  it('drops a client that has not read its reply within the stall limit', async () => {
    const n = await start('2.3', { writeStallMs: 300 });
    const c = await rawClient(n.path);
    await rendered(c, '2.3', 'vm launch kvm 3000');
    c.socket.pause();
    for (let i = 0; i < 10; i++) c.send(cmd('2.3', `.columns name,uuid vm info # ${i}`));
    expect(await n.logged(/^dropping a socket client/)).toBe('dropping a socket client that has not read its reply for 0.3 s');
    while (n.server.connections() > 0) await new Promise((r) => setImmediate(r));
    const d = await rawClient(n.path);
    expect(await rendered(d, '2.3', 'echo alive')).toBe('mm1: alive');
  });

  it('finishes the command of a client that leaves before its reply', async () => {
    const n = await start('2.3');
    const c = await rawClient(n.path);
    c.socket.end(cmd('2.3', 'vm launch kvm left-behind'));
    await c.closed;
    const d = await rawClient(n.path);
    for (let names = ''; !names.includes('left-behind'); ) names = await rendered(d, '2.3', '.columns name vm info');
  });

  it('refuses connections beyond the limit at once and keeps serving the accepted ones', async () => {
    const fds = openFileLimit();
    // Each connection costs two descriptors here (both ends are in this process).
    const count = fds >= 10_000 ? 2000 : Math.max(100, Math.floor((fds - 200) / 3));
    const limit = Math.floor(count / 3);
    const n = await start('2.3', { maxConnections: limit });
    // In rounds of 100, within the listen backlog.
    const sockets: Awaited<ReturnType<typeof connectAndWatch>>[] = [];
    while (sockets.length < count)
      sockets.push(...(await Promise.all(Array.from({ length: Math.min(100, count - sockets.length) }, () => connectAndWatch(n.path)))));
    try {
      // The refused ones are closed by the node without a byte.
      const closed = await Promise.all(sockets.slice(limit).map((s) => s.closed));
      expect(closed.every((bytes) => bytes === 0)).toBe(true);
      expect(n.logs.filter((l) => l.startsWith('refusing socket clients')).length).toBe(1);
      const first = sockets[0]!.socket;
      first.write(cmd('2.3', 'echo still serving'));
      expect(await firstLine(first)).toContain('"Rendered":"mm1: still serving"');
      expect(n.server.connections()).toBe(limit);
    } finally {
      for (const s of sockets) s.socket.destroy();
    }
  }, 60_000);
});

describe('3.1 pipes (PlumbPipe)', () => {
  it('sends every line written to a pipe to each attachment, the writer included; a non-string ends one', async () => {
    const n = await start('3.1');
    const a = await rawClient(n.path);
    const b = await rawClient(n.path);
    a.send('{"Command":"","Suggest":"","PlumbPipe":"p"}\n');
    b.send('{"PlumbPipe":"p"}');
    // Attaching answers nothing: wait for the server to have read both requests.
    while (n.server.pipes.readers('p') < 2) await new Promise((r) => setImmediate(r));
    a.send('"hello\\n"\n""\n');
    expect(await a.line()).toBe('"hello\\n"');
    expect(await b.line()).toBe('"hello\\n"');
    b.send('"from \\u003cb\\u003e\\n"');
    expect(await a.line()).toBe('"from \\u003cb\\u003e\\n"');
    // A number is complete only at the byte after it.
    a.send('5\n');
    expect(await a.line()).toBeUndefined();
    b.send('"still here\\n"');
    expect(await b.line()).toBe('"from \\u003cb\\u003e\\n"');
    expect(await b.line()).toBe('"still here\\n"');
  });
});

/** The soft limit on open files, from /proc (1024 when unknown). */
function openFileLimit(): number {
  try {
    const m = /^Max open files\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    return m ? Number(m[1]) : 1024;
  } catch {
    return 1024;
  }
}

/**
 * Connects, retrying while the listen backlog is full as minimega 3.1's
 * client does; `closed` resolves with the bytes received before the server
 * closed it.
 */
async function connectAndWatch(path: string): Promise<{ socket: Socket; closed: Promise<number> }> {
  for (let backoff = 10; ; backoff *= 2) {
    try {
      return await new Promise((resolve, reject) => {
        const socket = connect(path);
        let bytes = 0;
        socket.on('data', (d: Buffer) => (bytes += d.length));
        const closed = new Promise<number>((done) => socket.once('close', () => done(bytes)));
        socket.once('connect', () => {
          socket.on('error', () => undefined);
          resolve({ socket, closed });
        });
        socket.once('error', reject);
      });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      await new Promise((r) => setTimeout(r, backoff));
    }
  }
}

function firstLine(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let buf = '';
    socket.on('data', (d: Buffer) => {
      buf += d.toString();
      const nl = buf.indexOf('\n');
      if (nl >= 0) resolve(buf.slice(0, nl));
    });
  });
}
