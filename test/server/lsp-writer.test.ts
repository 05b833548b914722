/**
 * The stdio writer's encoder (server/lsp-writer.ts) and the published
 * diagnostics' pre-encoded JSON (server/diagnostics-json.ts): the bytes are
 * JSON.stringify's, a kept buffer is never written over while the stream may
 * still read it, and a long document's diagnostics arrive whole when several
 * big publications go out back to back.
 */
import { fork } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { createDiagnostic, lineRange, type Diagnostic } from '../../language/index.js';
import { DiagnosticsJson } from '../../server/diagnostics-json.js';
import { PreEncodedJson, ReusedBufferEncoder } from '../../server/lsp-writer.js';
import { toLspDiagnostic } from '../../server/lsp-util.js';
import { MM_CJS, startServer } from './helpers/lsp-client.js';

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');

/** A JSON array pre-encoded from its elements' JSON texts. */
class JsonPieces extends PreEncodedJson {
  constructor(readonly pieces: readonly string[]) {
    super();
  }
  maxBytes(): number {
    return Buffer.byteLength(`[${this.pieces.join(',')}]`);
  }
  writeInto(out: Uint8Array, at: number): number {
    return at + Buffer.from(out.buffer, out.byteOffset, out.byteLength).write(`[${this.pieces.join(',')}]`, at);
  }
}

/** The bytes the writer sends for `json` (in a message of its own), read back as JSON text. */
async function written(json: PreEncodedJson): Promise<string> {
  const msg = text(await new ReusedBufferEncoder().encode({ jsonrpc: '2.0', method: 'm', params: json } as never));
  const head = '{"jsonrpc":"2.0","method":"m","params":';
  expect(msg.startsWith(head) && msg.endsWith('}')).toBe(true);
  return msg.slice(head.length, -1);
}

/** A message of every kind of value JSON.stringify treats specially, with arrays around the piece size. */
function awkwardMessage(): Record<string, unknown> {
  class Point {
    constructor(
      readonly x: number,
      readonly y: number,
    ) {}
  }
  const long = (n: number): unknown[] => Array.from({ length: n }, (_, i) => (i % 7 === 0 ? undefined : { i, s: `é${i}\u{1f600}`, f: () => i }));
  return {
    jsonrpc: '2.0',
    id: 7,
    result: {
      empty: [],
      one: [1],
      at63: long(63),
      at64: long(64),
      at65: long(65),
      many: long(300),
      nested: [long(130), [[1, 2], []]],
      skipped: undefined,
      fn: () => 1,
      sym: Symbol('s'),
      date: new Date(0),
      boxed: Object.assign(new String('boxed'), { extra: 1 }),
      instance: new Point(1, 2),
      withToJSON: { toJSON: () => ({ replaced: true }) },
      keyedToJSON: { toJSON: (key: string) => `under ${key}` },
      droppedByToJSON: { toJSON: () => undefined },
      nullProto: Object.assign(Object.create(null) as object, { a: 1 }),
      'quote"key\n': 'line\nbreak "quoted" \\ \u0001 \ud800 lone',
      deep: { a: { b: { c: { d: { e: long(100) } } } } },
    },
  };
}

describe('ReusedBufferEncoder', () => {
  it('makes the bytes JSON.stringify makes, for every kind of value', async () => {
    const msg = awkwardMessage();
    const enc = new ReusedBufferEncoder();
    expect(text(await enc.encode(msg as never))).toBe(JSON.stringify(msg));
  });

  it('makes the bytes JSON.stringify makes, for 500 random messages', async () => {
    let seed = 5;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const leaves: unknown[] = [
      0,
      -0,
      1.5,
      -7,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      1e21,
      true,
      false,
      null,
      undefined,
      '',
      'plain',
      'é ✓ \u{1f600}',
      'quote " back \\ nl \n',
      '\ud800',
    ];
    const value = (depth: number): unknown => {
      const k = rand(depth > 5 ? 1 : 4);
      if (k === 0) return leaves[rand(leaves.length)];
      if (k === 1) return Array.from({ length: rand(3) === 0 ? rand(200) : rand(4) }, () => value(depth + 1));
      const o: Record<string, unknown> = {};
      for (let i = rand(5); i > 0; i--) o[['a', 'b', 'range', 'é', '1', '0', 'k"'][rand(7)]!] = value(depth + 1);
      return o;
    };
    const enc = new ReusedBufferEncoder();
    for (let i = 0; i < 500; i++) {
      const msg = { jsonrpc: '2.0', id: i, result: value(0) };
      const bytes = await enc.encode(msg as never);
      expect(text(bytes)).toBe(JSON.stringify(msg));
      enc.written(bytes);
    }
  });

  it('writes pre-encoded pieces as they are, and other serialisers read them back', async () => {
    const msg = { jsonrpc: '2.0', method: 'm', params: { list: new JsonPieces(['1', '{"a":"é"}', '[2,3]']), after: 'x' } };
    const enc = new ReusedBufferEncoder();
    const expected = '{"jsonrpc":"2.0","method":"m","params":{"list":[1,{"a":"é"},[2,3]],"after":"x"}}';
    expect(text(await enc.encode(msg as never))).toBe(expected);
    expect(JSON.stringify(msg)).toBe(expected);
    const many = Array.from({ length: 150 }, (_, i) => `{"n":${i}}`);
    const big = { jsonrpc: '2.0', method: 'm', params: new JsonPieces(many) };
    expect(JSON.parse(text(await new ReusedBufferEncoder().encode(big as never)))).toEqual({ ...big, params: many.map((p) => JSON.parse(p)) });
  });

  it('never writes over a buffer the stream has not written yet', async () => {
    const enc = new ReusedBufferEncoder();
    const first = await enc.encode({ jsonrpc: '2.0', method: 'first' } as never);
    const firstText = text(first);
    // The stream has not said it is done with the first: the second gets memory of its own.
    const second = await enc.encode({ jsonrpc: '2.0', method: 'second, longer than the first' } as never);
    expect(second.buffer).not.toBe(first.buffer);
    expect(text(first)).toBe(firstText);
    enc.written(second);
    enc.written(first);
    // Done with the first: the kept buffer serves again.
    const third = await enc.encode({ jsonrpc: '2.0', method: 'third' } as never);
    expect(third.buffer).toBe(first.buffer);
    expect(text(third)).toBe('{"jsonrpc":"2.0","method":"third"}');
  });

  it('grows the kept buffer for a long message and keeps the bytes whole', async () => {
    const enc = new ReusedBufferEncoder();
    const msg = { jsonrpc: '2.0', id: 1, result: { data: Array.from({ length: 50_000 }, (_, i) => i * 31) } };
    const bytes = await enc.encode(msg as never);
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    expect(text(bytes)).toBe(JSON.stringify(msg));
  });

  it('rejects what JSON.stringify rejects', async () => {
    const cyclic: Record<string, unknown> = { jsonrpc: '2.0' };
    cyclic.self = { back: cyclic };
    await expect(new ReusedBufferEncoder().encode(cyclic as never)).rejects.toThrow();
  });
});

describe('DiagnosticsJson', () => {
  it('is the JSON of the LSP diagnostics, for placed and unplaced ones, with and without data', async () => {
    const base = createDiagnostic('match/bad-arguments', 'error', 'invalid command: `x` (did you mean `y`? got "é")', lineRange(0, 2, 5), { suggestion: 'y' });
    const plain = createDiagnostic('script/duplicate-launch', 'warning', '`a` is already launched (line 1)', lineRange(9, 0, 3));
    const placed = (d: Diagnostic, line: number): Diagnostic => ({ ...d, range: lineRange(line, d.range.start.character, d.range.end.character) });
    const far = createDiagnostic('value/integer', 'error', 'not a number', lineRange(0, 9, 10_000));
    const list = [placed(base, 3), placed(base, 4), plain, placed(base, 12), placed(far, 0), placed(far, 99), placed(far, 499_999)];
    const bases = [base, base, plain, base, far, far, far];
    const json = new DiagnosticsJson();
    for (let round = 0; round < 2; round++) {
      const encoded = json.encode(list, bases);
      expect(await written(encoded)).toBe(JSON.stringify(list.map(toLspDiagnostic)));
      expect(JSON.stringify(encoded)).toBe(JSON.stringify(list.map(toLspDiagnostic)));
    }
  });
});

describe('DiagnosticsJson work', () => {
  it('encodes each problem once: a later publication of the same problems, moved or not, stringifies none', async () => {
    const bases = Array.from({ length: 50 }, (_, i) =>
      createDiagnostic('match/bad-arguments', 'error', `problem ${i}`, lineRange(0, 1, 4), { suggestion: `s${i}` }),
    );
    const placed = (shift: number): Diagnostic[] => Array.from({ length: 2000 }, (_, k) => ({ ...bases[k % 50]!, range: lineRange(k + shift, 1, 4) }));
    const from = Array.from({ length: 2000 }, (_, k) => bases[k % 50]!);
    const json = new DiagnosticsJson();
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      json.encode(placed(0), from);
      expect(stringify).toHaveBeenCalledTimes(50);
      stringify.mockClear();
      // The next version: every line moved down by one.
      const again = json.encode(placed(1), from);
      expect(stringify).not.toHaveBeenCalled();
      stringify.mockRestore();
      expect(JSON.parse(await written(again))[1999].range.start.line).toBe(2000);
    } finally {
      stringify.mockRestore();
    }
  });
});

describe('publishing long lists back to back', () => {
  it('three documents of 1,500 problems each, opened together, each get their own list whole', async () => {
    const client = await startServer();
    const docs = [0, 1, 2].map((d) => ({
      uri: `file:///tmp/back-to-back-${d}.mm`,
      text: Array.from({ length: 1500 }, (_, i) => `bogus${d}x${i} ${'é'.repeat(d)}`).join('\n'),
    }));
    const published = await Promise.all(docs.map((d) => client.open(d.uri, d.text)));
    for (const [d, p] of published.entries()) {
      expect(p.uri).toBe(docs[d]!.uri);
      expect(p.diagnostics).toHaveLength(1500);
      expect(p.diagnostics.map((x) => x.range.start.line)).toEqual(Array.from({ length: 1500 }, (_, i) => i));
      expect(p.diagnostics.every((x, i) => typeof x.message === 'string' && x.message.includes(`bogus${d}x${i}`))).toBe(true);
    }
    // And again after an edit of each (the kept buffer serves again).
    const edited = await Promise.all(
      docs.map((d) => client.change(d.uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'vm info\n' }])),
    );
    for (const p of edited) {
      expect(p.diagnostics).toHaveLength(1500);
      expect(p.diagnostics[0]!.range.start.line).toBe(1);
    }
    expect(await client.stop()).toBe(0);
  });
});

describe('over Node IPC', () => {
  it('publishes the same diagnostics (the pre-encoded list read back through toJSON)', async () => {
    const child = fork(MM_CJS, ['lsp', '--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification(PublishDiagnosticsNotification.type, resolve));
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification(InitializedNotification.type, {});
    const text = 'vm config memory 2048\nvm lanch kvm a\nvm launch kvm b\nvm launch kvm b\nvm lanch kvm a\n';
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: 'file:///tmp/ipc.mm', languageId: 'minimega', version: 1, text },
    });
    const viaIpc = await published;
    connection.dispose();
    child.kill();
    const stdio = await startServer();
    const viaStdio = await stdio.open('file:///tmp/ipc.mm', text);
    await stdio.stop();
    expect(viaIpc.diagnostics.length).toBe(3);
    expect(viaIpc).toEqual(viaStdio);
  });
});
