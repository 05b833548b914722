/**
 * The frames captured from real minimega 2.3 and 3.1.0 daemons
 * (../shared/spec/socket.md sections 5.3 and 10), replayed against a
 * simulated node on a socket: byte for byte where the frame is deterministic;
 * for `vm info` and the multi-host broadcast the same shape and fields, with
 * UUIDs, times, VM states, tags and launch errors masked (the simulator's
 * launches succeed where the captures' failed). Requests are sent as the
 * captures show them, each followed by LF as Go clients write it.
 *
 * At 3.1 the simulated `vm info` has 3.1's columns, values and rendering and
 * is compared like 2.3's (PIDs masked too); its `Data` member, the VM
 * objects, is compared as present but not member by member: the simulator
 * sends `null` (docs/simulator.md, the 3.1 dialect). 10.4's `vm s` (3.1 has
 * `vm save` and `vm snapshot`) is checked for the candidates both catalogs
 * share.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeFrame } from '../../interpreter/socket/frame-encoding.js';
import { parseFrame } from '../../interpreter/socket/frame-reading.js';
import { SOCKET_PROTOCOLS } from '../../interpreter/socket/protocol.js';
import { capturedExchanges, capturedFrames53, hasShared, type CapturedExchange } from '../helpers/socket-captures.js';
import { rawClient, startSocketNode, type RawClient, type SocketNode } from '../helpers/socket-node.js';

const open: SocketNode[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((n) => n.close()));
});

async function node(dialect: '2.3' | '3.1', cluster?: string[]): Promise<{ n: SocketNode; c: RawClient }> {
  const n = await startSocketNode({ dialect, name: 'mm1', ...(cluster ? { cluster } : {}) });
  open.push(n);
  return { n, c: await rawClient(n.path) };
}

/** Runs setup lines, each answered with one frame and no error. */
async function setup(c: RawClient, dialect: '2.3' | '3.1', lines: string[]): Promise<void> {
  for (const l of lines) {
    c.send(SOCKET_PROTOCOLS[dialect].commandRequest(l));
    for (const f of await c.reply()) expect(JSON.parse(f).Resp?.some((r: { Error: string }) => r.Error !== '') ?? false, `${l}: ${f}`).toBe(false);
  }
}

function byDialect(section: string, dialect: '2.3' | '3.1'): CapturedExchange[] {
  return capturedExchanges(section).filter((e) => e.dialect === dialect);
}

function find(section: string, dialect: '2.3' | '3.1', request: string): CapturedExchange {
  const e = byDialect(section, dialect).find((x) => Object.values(x.json).includes(request));
  if (!e) throw new Error(`socket.md ${section} has no ${dialect} exchange for ${request}`);
  return e;
}

// The captured VMs never launched (no QEMU): no VNC port or process was assigned, and the error is in the tags.
const MASKED_COLUMNS = new Set(['uuid', 'state', 'uptime', 'tags', 'vnc_port', 'pid']);

/** A frame with the columns that depend on launching (or time, or chance) masked, its table split into cells. */
function masked(frame: string, options: { errors?: boolean } = {}): unknown {
  const f = JSON.parse(frame) as {
    Resp: { Header: string[] | null; Tabular: string[][] | null; Error: string; Data?: unknown }[] | null;
    Rendered: string;
  };
  for (const r of f.Resp ?? []) {
    if (r.Header && r.Tabular) r.Tabular = r.Tabular.map((row) => row.map((cell, i) => (MASKED_COLUMNS.has(r.Header![i]!) ? '*' : cell)));
    if (options.errors) r.Error = '*';
    if ('Data' in r) r.Data = '*';
  }
  const rows = f.Rendered === '' ? [] : f.Rendered.split('\n').map((l) => l.split('|').map((c) => c.trim()));
  const header = rows[0] ?? [];
  const table = rows.map((row, i) => (i === 0 ? row : row.map((cell, j) => (MASKED_COLUMNS.has(header[j]!) ? '*' : cell))));
  return { ...f, Rendered: table };
}

/** The member names of a frame and of each of its responses. */
function shape(frame: string): unknown {
  const f = JSON.parse(frame) as Record<string, unknown> & { Resp: Record<string, unknown>[] | null };
  return { keys: Object.keys(f), resp: f.Resp?.map((r) => ({ keys: Object.keys(r), Host: r.Host })) ?? null };
}

describe.skipIf(!hasShared)('socket.md captures, replayed', () => {
  it('5.3: the null frames, byte for byte', async () => {
    for (const dialect of ['2.3', '3.1'] as const) {
      const want = capturedFrames53().find((f) => f.label === 'nothing produced' && f.dialect === dialect)!;
      const { c } = await node(dialect);
      // Blank text (2.3 only: 3.1 refuses a request without a command) and a comment.
      for (const line of dialect === '2.3' ? ['', '   ', '# hi'] : ['# hi', '  ']) {
        c.send(SOCKET_PROTOCOLS[dialect].commandRequest(line));
        expect(await c.reply(), `${dialect} ${JSON.stringify(line)}`).toEqual([want.frame]);
      }
    }
  });

  it('5.3: the empty batch of 2.3 (vm info in a namespace with no hosts), byte for byte', async () => {
    const want = capturedFrames53().find((f) => f.label === 'empty batch')!;
    const { c } = await node('2.3');
    await setup(c, '2.3', ['namespace foo', 'nsmod del-host mm1']);
    c.send('{"Original":"vm info"}\n');
    expect(await c.reply()).toEqual([want.frame]);
  });

  it('5.3 and 10.2: a line that does not compile gets an error frame from the node, byte for byte at 3.1', async () => {
    const want = capturedFrames53().find((f) => f.label === 'compile error')!;
    const e31 = find('10.2', '3.1', 'bogus');
    expect(e31.frames).toEqual([want.frame]);
    const { c } = await node('3.1');
    c.send(e31.request + '\n');
    expect(await c.reply()).toEqual(e31.frames);
  });

  it('10.2: at 2.3 the line that does not compile gets the same error frame instead of a closed connection (decision 7)', async () => {
    const e23 = find('10.2', '2.3', 'bogus');
    expect(e23.closed).toBe(true);
    const { c } = await node('2.3');
    c.send(e23.request + '\n');
    expect(await c.reply()).toEqual([
      '{"Resp":[{"Host":"mm1","Response":"","Header":null,"Tabular":null,"Error":"invalid command: `bogus`"}],"Rendered":"","More":false}',
    ]);
    // The connection stays usable.
    c.send('{"Original":"echo still here"}\n');
    expect(await c.reply()).toEqual([
      '{"Resp":[{"Host":"mm1","Response":"still here","Header":null,"Tabular":null,"Error":""}],"Rendered":"mm1: still here","More":false}',
    ]);
  });

  it('10.2: a handler error, byte for byte in both dialects', async () => {
    for (const dialect of ['2.3', '3.1'] as const) {
      const e = find('10.2', dialect, 'vm start bar');
      const { c } = await node(dialect);
      c.send(e.request + '\n');
      expect(await c.reply(), dialect).toEqual(e.frames);
    }
  });

  it('10.4: completion answers whole lines, byte for byte', async () => {
    const { c } = await node('3.1');
    for (const request of ['vm inf', 'namespace foo vm inf']) {
      const e = find('10.4', '3.1', request);
      c.send(e.request + '\n');
      expect(await c.reply(), request).toEqual(e.frames);
    }
  });

  it('10.4: `vm s` is encoded byte for byte, and the node answers the candidates 2.3 and 3.1 share', async () => {
    const e = find('10.4', '3.1', 'vm s');
    const candidates = (JSON.parse(e.frames[0]!) as { Suggest: string[] }).Suggest;
    expect([...encodeFrame({ resp: null, rendered: [], more: false, suggest: candidates }, SOCKET_PROTOCOLS['3.1'].frames)].join('')).toBe(e.frames[0] + '\n');
    const { c } = await node('3.1');
    c.send(e.request + '\n');
    const [frame] = await c.reply();
    const got = (JSON.parse(frame!) as { Suggest: string[] }).Suggest;
    // 3.1's `vm save` and `vm snapshot` come with the 3.1 catalog (issue 13).
    expect(got).toEqual(expect.arrayContaining(['vm screenshot ', 'vm start ', 'vm stop ']));
    expect(got.every((s) => s.startsWith('vm s') && s.endsWith(' '))).toBe(true);
    expect(shape(frame!)).toEqual(shape(e.frames[0]!));
  });

  it('10.5: a read that yields two batches, and a comment, byte for byte in both dialects', async () => {
    for (const dialect of ['2.3', '3.1'] as const) {
      // A client may read only in the files directory: the capture's /tmp/cap is the node's (decision 16).
      const n = await startSocketNode({ dialect, name: 'mm1', filesPath: '/tmp/cap' });
      open.push(n);
      const c = await rawClient(n.path);
      writeFileSync(join(n.dir, 's.mm'), 'echo one\n# comment\necho two\n');
      for (const e of byDialect('10.5', dialect)) {
        c.send(e.request + '\n');
        expect(await c.reply(), `${dialect} ${e.request}`).toEqual(e.frames);
      }
    }
  });

  it('10.1: vm info with one VM at 2.3: the same frame with UUID, state and tags masked', async () => {
    const e = find('10.1', '2.3', 'vm info');
    const { c } = await node('2.3');
    await setup(c, '2.3', ['vm launch kvm foo']);
    c.send(e.request + '\n');
    const got = await c.reply();
    expect(got).toHaveLength(1);
    expect(masked(got[0]!)).toEqual(masked(e.frames[0]!));
  });

  it('10.1: vm info with one VM at 3.1: the same frame with UUID, state, uptime, PID, tags and Data masked', async () => {
    const e = find('10.1', '3.1', 'vm info');
    const { c } = await node('3.1');
    await setup(c, '3.1', ['vm launch kvm foo']);
    c.send(e.request + '\n');
    const got = await c.reply();
    expect(got).toHaveLength(1);
    expect(masked(got[0]!)).toEqual(masked(e.frames[0]!));
  });

  it('10.3: a broadcast over two hosts at 2.3: masked info, the start error attributed to mm2, kill all byte for byte', async () => {
    const { c } = await node('2.3', ['mm1', 'mm2']);
    // foo = {mm1, mm2}, with b on mm1 and a on mm2 as in the capture.
    await setup(c, '2.3', ['namespace foo', 'nsmod add-host mm1', 'vm launch kvm b', 'vm launch kvm a', 'vm launch', 'clear namespace']);
    const [info, start, kill] = byDialect('10.3', '2.3');
    c.send(info!.request + '\n');
    expect((await c.reply()).map((f) => masked(f))).toEqual(info!.frames.map((f) => masked(f)));
    c.send(start!.request + '\n');
    expect((await c.reply()).map((f) => masked(f, { errors: true }))).toEqual(start!.frames.map((f) => masked(f, { errors: true })));
    c.send(kill!.request + '\n');
    expect(await c.reply()).toEqual(kill!.frames);
  });

  it('10.3: the broadcast at 3.1: masked info over both hosts, local first, and the start answered by mm2 alone', async () => {
    const { c } = await node('3.1', ['mm1', 'mm2']);
    // foo = {mm1, mm2}, with b on mm1 and a on mm2 as in the capture (pinned with vm config schedule).
    await setup(c, '3.1', [
      'namespace foo',
      'ns add-hosts mm1',
      'vm config schedule mm1',
      'vm launch kvm b',
      'vm config schedule mm2',
      'vm launch kvm a',
      'clear namespace',
    ]);
    const [info, start] = byDialect('10.3', '3.1');
    c.send(info!.request + '\n');
    expect((await c.reply()).map((f) => masked(f))).toEqual(info!.frames.map((f) => masked(f)));
    c.send(start!.request + '\n');
    expect((await c.reply()).map((f) => masked(f, { errors: true }))).toEqual(start!.frames.map((f) => masked(f, { errors: true })));
  });

  it('the client parses every captured frame', () => {
    const frames = [
      ...capturedFrames53().map((f) => f.frame),
      ...['10.1', '10.2', '10.3', '10.4', '10.5'].flatMap((s) => capturedExchanges(s).flatMap((e) => e.frames)),
    ];
    expect(frames.length).toBeGreaterThan(15);
    for (const text of frames) {
      const f = parseFrame(text);
      const raw = JSON.parse(text) as { Resp: { Host: string; Error: string; Tabular: unknown }[] | null; Rendered: string; More: boolean; Suggest?: string[] };
      expect(f.rendered).toBe(raw.Rendered);
      expect(f.more).toBe(raw.More);
      expect(f.hasStatus).toBe('Status' in raw);
      expect(f.suggest).toEqual(raw.Suggest ?? []);
      expect(f.resp?.map((r) => [r.host, r.error, r.tabular])).toEqual(raw.Resp?.map((r) => [r.Host, r.Error, r.Tabular]) ?? undefined);
    }
  });
});
