/**
 * Reading requests as Go's json.Decoder does (socket.md section 2): values
 * need no terminator and may be split or batched arbitrarily; syntax errors
 * are reported at the offending byte with Go's words; Go's request structs
 * decode keys case-insensitively and refuse wrong types.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeGoStruct, type GoStruct } from '../../interpreter/socket/go-struct.js';
import { JsonStreamDecoder, type JsonStreamItem } from '../../interpreter/socket/json-stream.js';
import { SOCKET_PROTOCOLS } from '../../interpreter/socket/protocol.js';

/** Feeds `chunks` and collects every item, then the stream's end. */
function decode(chunks: (string | Buffer)[], max = 1 << 20): JsonStreamItem[] {
  const d = new JsonStreamDecoder(max);
  const out: JsonStreamItem[] = [];
  const drain = (ended: boolean): void => {
    for (let item = d.next(ended); item; item = d.next(ended)) {
      out.push(item);
      if ('error' in item) return;
    }
  };
  for (const c of chunks) {
    d.push(typeof c === 'string' ? Buffer.from(c) : c);
    drain(false);
    if (out.some((i) => 'error' in i)) return out;
  }
  drain(true);
  return out;
}

const values = (items: JsonStreamItem[]): unknown[] => items.map((i) => ('value' in i ? i.value : { error: i.error }));

describe('the request stream', () => {
  it('reads a request without a terminator, as the Python bindings send it', () => {
    expect(values(decode(['{"Command": "vm info"}']))).toEqual([{ Command: 'vm info' }]);
  });

  it('reads requests split at every byte, and several in one write, white space between', () => {
    const text = '{"Original":"vm info"}\n  {"Command":"a \\"b\\" \\u00e9"}\t[1,2.5e3,-0]\r\n"s" null true';
    const expected = [{ Original: 'vm info' }, { Command: 'a "b" é' }, [1, 2500, -0], 's', null, true];
    expect(values(decode([text]))).toEqual(expected);
    expect(values(decode([...Buffer.from(text)].map((b) => Buffer.from([b]))))).toEqual(expected);
  });

  it('keeps a multi-byte character split between writes', () => {
    const bytes = Buffer.from('{"Command":"echo é😀"}');
    expect(values(decode([bytes.subarray(0, 17), bytes.subarray(17, 19), bytes.subarray(19)]))).toEqual([{ Command: 'echo é😀' }]);
  });

  it('completes a top-level number at the next byte or at the end of the stream', () => {
    expect(values(decode(['12', '3{}']))).toEqual([123, {}]);
    expect(values(decode(['7']))).toEqual([7]);
  });

  it('waits for the rest of a truncated request', () => {
    const d = new JsonStreamDecoder(1024);
    d.push(Buffer.from('{"Command":"vm'));
    expect(d.next()).toBeUndefined();
    d.push(Buffer.from(' info"}'));
    expect(d.next()).toEqual({ value: { Command: 'vm info' } });
    expect(d.next()).toBeUndefined();
  });

  it.each([
    ['hello', "invalid character 'h' looking for beginning of value"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1 "b":2}', `invalid character '"' after object key:value pair`],
    ['[1 2]', "invalid character '2' after array element"],
    ['{1:2}', "invalid character '1' looking for beginning of object key string"],
    ['{"a":tx}', "invalid character 'x' in literal true (expecting 'r')"],
    ['nul!', "invalid character '!' in literal null (expecting 'l')"],
    ['"a\u0001"', "invalid character '\\x01' in string literal"],
    ['"\\q"', "invalid character 'q' in string escape code"],
    ['"\\u12g4"', "invalid character 'g' in \\u hexadecimal character escape"],
    ['-x', "invalid character 'x' in numeric literal"],
    ['1.e', "invalid character 'e' after decimal point in numeric literal"],
    ['1e+}', "invalid character '}' in exponent of numeric literal"],
    ['{"a":1}\n\'', "invalid character '\\'' looking for beginning of value"],
  ])('refuses %j at once: %s', (text, error) => {
    expect(decode([text]).at(-1)).toEqual({ error });
  });

  it('refuses a request over the limit without waiting for its end', () => {
    const d = new JsonStreamDecoder(100);
    d.push(Buffer.from('{"Command":"' + 'x'.repeat(200)));
    expect(d.next()).toEqual({ error: 'request larger than 100 bytes' });
  });

  it('refuses nesting deeper than Go allows, without recursion', () => {
    expect(decode(['['.repeat(20_000)]).at(-1)).toEqual({ error: 'exceeded max depth' });
    expect(values(decode(['['.repeat(5000) + ']'.repeat(5000)]))).toHaveLength(1);
  });

  it('drops consumed bytes: a long stream of small requests keeps nothing buffered', () => {
    const d = new JsonStreamDecoder(64);
    for (let i = 0; i < 10_000; i++) {
      d.push(Buffer.from(`{"Command":"echo ${i}"} `));
      expect(d.next()).toEqual({ value: { Command: `echo ${i}` } });
    }
    expect(d.buffered).toBeLessThanOrEqual(1);
  });
});

describe("Go's decoding of the request structs", () => {
  const request: GoStruct = { name: 'miniclient.Request', fields: { Command: { kind: 'string' }, Suggest: { kind: 'string' } } };

  it('matches keys case-insensitively, ignores unknown keys, lets a later key win, reads null as empty', () => {
    expect(decodeGoStruct({ command: 'a', SUGGEST: 'b', Other: 5 }, request)).toEqual({ ok: true, value: { Command: 'a', Suggest: 'b' } });
    expect(decodeGoStruct({ Command: 'a', command: 'b' }, request)).toEqual({ ok: true, value: { Command: 'b' } });
    expect(decodeGoStruct(null, request)).toEqual({ ok: true, value: {} });
    expect(decodeGoStruct({ Command: null }, request)).toEqual({ ok: true, value: {} });
  });

  it('words type errors as Go does (the server logs them and closes)', () => {
    expect(decodeGoStruct({ Command: 5 }, request)).toEqual({
      ok: false,
      error: 'json: cannot unmarshal number into Go struct field Request.Command of type string',
    });
    expect(decodeGoStruct('vm info', request)).toEqual({ ok: false, error: 'json: cannot unmarshal string into Go value of type miniclient.Request' });
    expect(decodeGoStruct([], request)).toEqual({ ok: false, error: 'json: cannot unmarshal array into Go value of type miniclient.Request' });
  });

  it("2.3 reads only Original from a whole minicli.Command, but checks every field's type", () => {
    const p = SOCKET_PROTOCOLS['2.3'];
    const captured = JSON.parse(
      '{"Pattern":"namespace \\u003cname\\u003e (command)","Original":"namespace foo vm info summary","StringArgs":{"name":"foo"},"BoolArgs":{},"ListArgs":{},"Subcommand":{"Pattern":"vm info [summary,]","Original":"vm info summary","StringArgs":{},"BoolArgs":{"summary":true},"ListArgs":{},"Subcommand":null,"Record":true,"Source":""},"Record":true,"Source":""}',
    ) as unknown;
    expect(p.decodeRequest(captured)).toEqual({ kind: 'command', line: 'namespace foo vm info summary' });
    expect(p.decodeRequest({ original: 'vm info' })).toEqual({ kind: 'command', line: 'vm info' });
    expect(p.decodeRequest(null)).toEqual({ kind: 'command', line: '' });
    expect(p.decodeRequest({ Original: 5 })).toEqual({
      kind: 'close',
      error: 'json: cannot unmarshal number into Go struct field Command.Original of type string',
    });
    expect(p.decodeRequest({ Original: 'x', Subcommand: { BoolArgs: { a: 'yes' } } })).toEqual({
      kind: 'close',
      error: 'json: cannot unmarshal string into Go struct field Command.Subcommand.BoolArgs of type bool',
    });
    expect(p.decodeRequest({ Original: 'x', ListArgs: { a: 'b' } })).toEqual({
      kind: 'close',
      error: 'json: cannot unmarshal string into Go struct field Command.ListArgs of type []string',
    });
  });

  it('3.1 checks PlumbPipe, then exactly one of Command and Suggest', () => {
    const p = SOCKET_PROTOCOLS['3.1'];
    const neither = { kind: 'refuse', error: 'must specify either command or suggest' };
    expect(p.decodeRequest({ Command: 'vm info', Suggest: '', PlumbPipe: '' })).toEqual({ kind: 'command', line: 'vm info' });
    expect(p.decodeRequest({ Suggest: 'vm inf' })).toEqual({ kind: 'suggest', line: 'vm inf' });
    expect(p.decodeRequest({ PlumbPipe: 'foo', Command: 'x' })).toEqual({ kind: 'pipe', name: 'foo' });
    for (const v of [{}, null, { Command: 'a', Suggest: 'b' }, { Original: 'vm info' }]) expect(p.decodeRequest(v), JSON.stringify(v)).toEqual(neither);
  });
});

describe('JsonStreamDecoder growth', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('copies a value received in many small chunks about once (bytes allocated counted, not time)', () => {
    const value = { Command: `vm config tag k ${'v'.repeat(256 * 1024)}` };
    const bytes = Buffer.from(`${JSON.stringify(value)} {"Command":"vm info"}`);
    let allocated = 0;
    const counting = <A extends unknown[]>(original: (...args: A) => Buffer) =>
      ((...args: A) => {
        const b = original.apply(Buffer, args);
        allocated += b.length;
        return b;
      }) as never;
    // The originals taken before any is replaced (one may call another).
    const { allocUnsafe, alloc, concat } = Buffer;
    vi.spyOn(Buffer, 'allocUnsafe').mockImplementation(counting(allocUnsafe));
    vi.spyOn(Buffer, 'alloc').mockImplementation(counting(alloc));
    vi.spyOn(Buffer, 'concat').mockImplementation(counting(concat));
    const chunks: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += 16) chunks.push(bytes.subarray(at, at + 16));
    const got = decode(chunks);
    expect(got.map((i) => ('value' in i ? i.value : i))).toEqual([value, { Command: 'vm info' }]);
    // 16,400 chunks of a 256 KiB value: joining them one by one allocated about 2 GB.
    expect(allocated).toBeLessThan(4 * bytes.length);
  });
});
