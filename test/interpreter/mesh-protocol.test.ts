/**
 * The wire protocol: encode/decode guards, typed errors for bad frames (the
 * node never crashes), re-validation of received commands, shared-secret
 * joining, and `shell` staying off whatever a message says.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openAuth } from '../../interpreter/mesh/auth.js';
import { openIdentity } from '../../interpreter/mesh/identity.js';
import { dialHandshake } from '../../interpreter/mesh/handshake.js';
import { createMemoryNetwork } from '../../interpreter/mesh/memory.js';
import { attachMesh } from '../../interpreter/node-inbox.js';
import { decode, encode, ErrorCode, MAX_FRAME_BYTES, PROTOCOL_VERSION, type Message } from '../../interpreter/mesh/mesh-protocol.js';
import { createSecretAuth } from '../../interpreter/mesh/secret.js';
import { systemClock, type Link } from '../../interpreter/mesh/transport.js';
import { revalidate } from '../../interpreter/mesh/wire.js';
import { createLanguageService } from '../../language/index.js';
import { createNode } from '../../interpreter/sim-node.js';
import { createTestMesh, transcript, until, type TestMesh } from './mesh-helpers.js';

let c: TestMesh | undefined;
afterEach(async () => {
  await c?.close();
  c = undefined;
});

const samples: Message[] = [
  { type: 'challenge', version: 3, name: 'n1', instance: 'i1', nonce: 'ab' },
  { type: 'hello', version: 3, role: 'peer', name: 'n2', instance: 'i2', nonce: 'cd', proof: 'ef', sig: 'gh' },
  {
    type: 'welcome',
    version: 3,
    name: 'n1',
    instance: 'i1',
    proof: '',
    sig: '',
    lsas: [{ origin: 'n1', instance: 'i1', seq: 3, neighbours: ['n2'], sig: '' }],
  },
  { type: 'sync', lsas: [] },
  { type: 'ready' },
  { type: 'lsa', lsa: { origin: 'n2', instance: 'i2', seq: 9, neighbours: [], sig: 'x' } },
  { type: 'lsa-change', origin: 'n2', instance: 'i2', base: 9, seq: 10, added: ['n3'], removed: ['n1'], sig: 'y' },
  { type: 'lsa-want', origin: 'n2' },
  {
    type: 'exec',
    id: 'n1#1',
    from: 'n1',
    to: 'n2',
    hops: 32,
    command: { original: 'echo hi', pattern: 'echo [args]...', words: ['echo', 'hi'], sub: null },
    source: '',
    record: true,
  },
  { type: 'result', id: 'n1#1', from: 'n2', to: 'n1', hops: 32, response: { host: 'n2', response: 'hi', header: null, tabular: null, error: '' } },
  { type: 'run', id: '1', line: 'vm info' },
  {
    type: 'outcome',
    id: '1',
    kind: 'command',
    error: '',
    namespace: 'ns',
    quit: false,
    batches: [
      [
        {
          host: 'n1',
          response: '',
          header: ['a'],
          tabular: [['1']],
          error: '',
          flags: { annotate: false, compress: true, headers: true, sort: true, mode: 'csv', record: true },
        },
      ],
    ],
    flags: { annotate: true, compress: true, headers: true, sort: true, mode: 'default', record: true },
  },
  { type: 'ping', nonce: 'x' },
  { type: 'pong', nonce: 'x' },
  { type: 'error', code: ErrorCode.NoRoute, message: 'no route to host n9', id: 'n1#2', from: 'n2', to: 'n1', hops: 31 },
  { type: 'error', code: ErrorCode.Malformed, message: 'frame is not JSON' },
];

describe('encode and decode', () => {
  it('round-trips every message type', () => {
    for (const m of samples) expect(decode(encode(m))).toEqual({ ok: true, message: m });
    expect(PROTOCOL_VERSION).toBe(3);
  });

  it('rejects bad frames with typed errors and never throws', () => {
    const code = (f: string): string => {
      const r = decode(f);
      return r.ok ? 'ok' : r.code;
    };
    expect(code('{')).toBe(ErrorCode.Malformed);
    expect(code('[1,2]')).toBe(ErrorCode.Malformed);
    expect(code('null')).toBe(ErrorCode.Malformed);
    expect(code('{"type":"shutdown"}')).toBe(ErrorCode.UnknownType);
    expect(code('{"type":"toString"}')).toBe(ErrorCode.UnknownType);
    expect(code('{"type":"__proto__"}')).toBe(ErrorCode.UnknownType);
    expect(code('{"type":"ping"}')).toBe(ErrorCode.Malformed);
    expect(
      code('{"type":"exec","id":"1","from":"a","to":"b","hops":-1,"command":{"original":"","pattern":"","words":[],"sub":null},"source":"","record":true}'),
    ).toBe(ErrorCode.Malformed);
    expect(code('{"type":"result","id":"1","from":"a","to":"b","hops":1,"response":{"host":"a","response":"","header":null,"tabular":[[1]],"error":""}}')).toBe(
      ErrorCode.Malformed,
    );
    expect(code(' '.repeat(MAX_FRAME_BYTES + 1))).toBe(ErrorCode.TooLarge);
    const change = { type: 'lsa-change', origin: 'a', instance: 'i', base: 4, seq: 5, added: [], removed: [], sig: '' };
    expect(code(JSON.stringify(change))).toBe('ok');
    // A change numbered at or below its base, or with a name over the limit, is not one.
    expect(code(JSON.stringify({ ...change, seq: 4 }))).toBe(ErrorCode.Malformed);
    expect(code(JSON.stringify({ ...change, added: ['x'.repeat(254)] }))).toBe(ErrorCode.Malformed);
    expect(code(JSON.stringify({ ...change, removed: 'b' }))).toBe(ErrorCode.Malformed);
    expect(code('{"type":"lsa-want","origin":7}')).toBe(ErrorCode.Malformed);
    let deep: unknown = null;
    for (let i = 0; i < 100; i++) deep = { original: 'x', pattern: 'x', words: [], sub: deep };
    expect(code(JSON.stringify({ type: 'exec', id: '1', from: 'a', to: 'b', hops: 1, command: deep, source: '', record: false }))).toBe(ErrorCode.Malformed);
  });
});

describe('re-validation on the receiver', () => {
  it('accepts what matches this catalog and refuses what does not', () => {
    const language = createLanguageService();
    const r = language.compileLine('namespace "ns" vm start foo', 0);
    if (r.kind !== 'command') throw new Error('no command');
    const wire = {
      original: r.command.original,
      pattern: r.command.pattern,
      words: ['namespace', 'ns'],
      sub: { original: 'vm start foo', pattern: 'vm start <target>', words: ['vm', 'start', 'foo'], sub: null },
    };
    expect(revalidate(wire, language).ok).toBe(true);
    expect(revalidate({ ...wire, pattern: 'namespace [name]' }, language)).toEqual({
      ok: false,
      error: 'command `namespace "ns" vm start foo` matched `namespace [name]` on the sender but `namespace <name> (command)` here',
    });
    expect(revalidate({ ...wire, sub: { ...wire.sub, words: ['vm', 'start', 'bar'] } }, language).ok).toBe(false);
    expect(revalidate({ original: 'frobnicate', pattern: 'frobnicate', words: ['frobnicate'], sub: null }, language)).toEqual({
      ok: false,
      error: 'invalid command: `frobnicate`',
    });
  });
});

/** A raw link to node `to`, collecting decoded frames. */
async function rawLink(net: ReturnType<typeof createMemoryNetwork>, to: string): Promise<{ link: Link; got: Message[]; closed: () => boolean }> {
  const link = await net.transport('intruder').dial(to);
  const got: Message[] = [];
  let isClosed = false;
  link.start({
    frame: (f) => {
      const d = decode(f);
      if (d.ok) got.push(d.message);
    },
    closed: () => (isClosed = true),
  });
  return { link, got, closed: () => isClosed };
}

describe('a node facing bad input', () => {
  it('answers garbage with typed errors, refuses out-of-order messages, and keeps serving', async () => {
    c = await createTestMesh(['n1', 'n2']);
    const raw = await rawLink(c.network, 'n1');
    await until(() => raw.got.length === 1);
    expect(raw.got[0]!.type).toBe('challenge');
    raw.link.send('{');
    raw.link.send('{"type":"bogus"}');
    raw.link.send('\u0000\u0001');
    await until(() => raw.got.length === 4);
    expect(raw.got.slice(1).map((m) => m.type === 'error' && m.code)).toEqual([ErrorCode.Malformed, ErrorCode.UnknownType, ErrorCode.Malformed]);
    raw.link.send(encode(samples.find((m) => m.type === 'exec')!));
    await until(raw.closed);
    expect(raw.got.at(-1)).toMatchObject({ type: 'error', code: ErrorCode.Unexpected });
    expect(await transcript(c.node('n1'), '.annotate false mesh send n2 host name')).toBe('## .annotate false mesh send n2 host name\nn2\n');
  });

  it('refuses a wrong protocol version and a wrong proof', async () => {
    c = await createTestMesh(['n1']);
    for (const hello of [
      { type: 'hello', version: 1, role: 'peer', name: 'x', instance: '', nonce: '', proof: '', sig: '' },
      { type: 'hello', version: 3, role: 'peer', name: 'x', instance: '', nonce: '', proof: 'forged', sig: '' },
    ] as const) {
      const raw = await rawLink(c.network, 'n1');
      await until(() => raw.got.length === 1);
      raw.link.send(encode(hello));
      await until(raw.closed);
      expect(raw.got.at(-1)).toMatchObject({ type: 'error', code: hello.version === 1 ? ErrorCode.Version : ErrorCode.AuthFailed });
    }
    expect(c.node('n1').mesh.neighbours()).toEqual([]);
  });

  it("answers a peer's command that does not match its catalog with an error, not silence", async () => {
    c = await createTestMesh(['n1']);
    const link = await c.network.transport('fake').dial('n1');
    const ctx = { name: 'fake', instance: 'f', auth: openAuth, identity: openIdentity, clock: systemClock, timeoutMs: 5000 };
    const { channel } = await dialHandshake(ctx, link, 'peer', () => '');
    const got: Message[] = [];
    channel.on({ message: (m) => got.push(m), closed: () => undefined });
    channel.send({ type: 'sync', lsas: [{ origin: 'fake', instance: 'f', seq: 1, neighbours: ['n1'], sig: '' }] });
    const exec = {
      ...(samples.find((m) => m.type === 'exec') as Extract<Message, { type: 'exec' }>),
      from: 'fake',
      to: 'n1',
      command: { original: 'echo hi', pattern: 'vm info', words: ['echo', 'hi'], sub: null },
    };
    channel.send(exec);
    channel.send({ type: 'ping', nonce: 'n' });
    await until(() => got.some((m) => m.type === 'error') && got.some((m) => m.type === 'pong'));
    expect(got.find((m) => m.type === 'error')).toMatchObject({ code: ErrorCode.InvalidCommand, id: 'n1#1', to: 'fake' });
    expect(got.find((m) => m.type === 'pong')).toEqual({ type: 'pong', nonce: 'n' });
    channel.close('done');
  });
});

describe('shell stays a local decision (decision 9)', () => {
  it('is refused on a node without --allow-shell, whatever the message carries', async () => {
    c = await createTestMesh(['n1', 'n2'], undefined, { node: { allowShell: false } });
    const out = await transcript(c.node('n1'), '.annotate false mesh send n2 shell echo hi');
    expect(out).toBe('## .annotate false mesh send n2 shell echo hi\nE: shell: running host programs is disabled (start mm with --allow-shell to enable it)\n');
    // A forged frame with an extra field changes nothing: unknown fields are never read.
    const forged = JSON.parse(encode({ ...(samples.find((m) => m.type === 'exec') as Extract<Message, { type: 'exec' }>) })) as Record<string, unknown>;
    forged.allowShell = true;
    const d = decode(JSON.stringify(forged));
    expect(d.ok).toBe(true);
    expect(c.node('n2').allowShell).toBe(false);
  });

  it('runs only where the node itself allows it', async () => {
    const net = createMemoryNetwork();
    const a = createNode({ name: 'a', allowShell: false });
    const b = createNode({ name: 'b', allowShell: true });
    const ma = attachMesh(a, { transport: net.transport('a') });
    const mb = attachMesh(b, { transport: net.transport('b') });
    await mb.listen();
    await ma.connect('b');
    expect(await transcript(a, '.annotate false mesh send b shell echo hi')).toBe('## .annotate false mesh send b shell echo hi\nhi\n');
    expect(await transcript(a, '.annotate false shell echo hi')).toContain('E: shell: running host programs is disabled');
    await Promise.all([ma.close(), mb.close()]);
  });
});

describe('shared secrets', () => {
  const pair = async (secretA: string | undefined, secretB: string | undefined): Promise<string> => {
    const net = createMemoryNetwork();
    const a = createNode({ name: 'a' });
    const b = createNode({ name: 'b' });
    const ma = attachMesh(a, { transport: net.transport('a'), ...(secretA ? { auth: createSecretAuth(secretA) } : {}) });
    const mb = attachMesh(b, { transport: net.transport('b'), ...(secretB ? { auth: createSecretAuth(secretB) } : {}) });
    await mb.listen();
    const r = await a.mesh.dial('b');
    await Promise.all([ma.close(), mb.close()]);
    return r;
  };

  it('joins only when both ends hold the same secret', async () => {
    expect(await pair('s3cret', 's3cret')).toBe('');
    expect(await pair('s3cret', 'other')).toBe('dial b: authentication failed (wrong or missing secret)');
    expect(await pair(undefined, 's3cret')).toBe('dial b: authentication failed (wrong or missing secret)');
    expect(await pair('s3cret', undefined)).toBe('dial b: authentication failed (wrong or missing secret)');
  });

  it('never sends the secret and checks proofs in constant time', () => {
    const auth = createSecretAuth('s3cret');
    const nonce = auth.nonce();
    const proof = auth.prove('hello|peer|a', nonce);
    expect(proof).not.toContain('s3cret');
    expect(auth.verify('hello|peer|a', nonce, proof)).toBe(true);
    expect(auth.verify('hello|peer|b', nonce, proof)).toBe(false);
    expect(auth.verify('hello|peer|a', auth.nonce(), proof)).toBe(false);
    expect(auth.verify('hello|peer|a', nonce, 'zz')).toBe(false);
    expect(() => createSecretAuth('')).toThrow();
  });
});
