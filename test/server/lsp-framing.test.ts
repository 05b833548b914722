/**
 * The server's LSP framing (server/lsp-framing.ts) on a stream cut anywhere:
 * messages come out whole and in order, and a large message costs its bytes
 * about once, however many chunks it arrives in (growth counted in bytes
 * copied, not timed).
 */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFramed, type Framed } from '../../server/lsp-framing.js';
import { mulberry32 } from '../../interpreter/random.js';

const frame = (value: unknown): Buffer => {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'latin1'), body]);
};

/** Feeds `bytes` to the framing in chunks of the sizes `sizes` gives; returns what came out. */
async function feed(bytes: Buffer, size: () => number): Promise<Framed[]> {
  const stream = new PassThrough();
  const out: Framed[] = [];
  const closed = new Promise<void>((resolve) => readFramed(stream, (m) => void out.push(m), resolve));
  for (let at = 0; at < bytes.length; ) {
    const n = Math.max(1, size());
    stream.write(bytes.subarray(at, at + n));
    at += n;
  }
  stream.end();
  await closed;
  return out;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('LSP framing', () => {
  it('gives every message whole and in order, however the stream is cut', async () => {
    const next = mulberry32(9);
    const messages = Array.from({ length: 200 }, (_, i) => ({ jsonrpc: '2.0', id: i, params: { text: 'é'.repeat(next() % 3000) } }));
    const bytes = Buffer.concat(messages.map(frame));
    for (const cut of [() => 1 + (next() % 7), () => 1 + (next() % 5000), () => 65536]) {
      const out = await feed(bytes, cut);
      expect(out).toEqual(messages.map((value) => ({ ok: true, value })));
    }
  });

  it('copies a large message’s bytes about once, not once per chunk', async () => {
    const text = 'vm launch kvm x\n'.repeat(500_000);
    const bytes = Buffer.concat([frame({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { text } }), frame({ jsonrpc: '2.0', id: 1 })]);
    let copied = 0;
    const concat = Buffer.concat;
    vi.spyOn(Buffer, 'concat').mockImplementation((list, total) => {
      const joined = concat(list, total);
      copied += joined.length;
      return joined;
    });
    const out = await feed(bytes, () => 65536);
    expect(out).toHaveLength(2);
    expect((out[0] as { value: { params: { text: string } } }).value.params.text).toBe(text);
    // 8 MB in 123 chunks: joined once (joining at every chunk copied about 60 times as much).
    expect(bytes.length).toBeGreaterThan(8_000_000);
    expect(copied).toBeLessThan(2 * bytes.length);
  });
});
