/**
 * The language server against a client that breaks the protocol (issue 14
 * L1-L4): raw bytes on the real server's stdin, answers read as they come.
 * Lifecycle errors, parse and parameter errors get the codes JSON-RPC and
 * LSP prescribe; broken framing is survived; malformed edits are refused
 * instead of desynchronising the document.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { StreamMessageReader, type Message } from 'vscode-languageserver-protocol/node';
import { MM_CJS } from '../server/helpers/lsp-client.js';

type Reply = Message & { id?: number | string | null; method?: string; params?: unknown; result?: unknown; error?: { code: number; message: string } };

interface Raw {
  readonly child: ChildProcessWithoutNullStreams;
  readonly got: Reply[];
  /** Writes bytes as they are. */
  raw(text: string): void;
  /** Writes one well-framed message. */
  send(m: object): void;
  /** The first message received (from now on, or already) that `match` accepts. */
  next(match: (m: Reply) => boolean): Promise<Reply>;
}

const started: Raw[] = [];
afterEach(() => {
  for (const r of started.splice(0)) r.child.kill('SIGKILL');
});

function server(): Raw {
  const child = spawn(process.execPath, [MM_CJS, 'lsp', '--stdio'], { stdio: 'pipe' });
  const got: Reply[] = [];
  const waiters: { match: (m: Reply) => boolean; resolve: (m: Reply) => void }[] = [];
  new StreamMessageReader(child.stdout).listen((m) => {
    got.push(m as Reply);
    for (const w of [...waiters]) {
      if (w.match(m as Reply)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m as Reply);
      }
    }
  });
  const frame = (body: string): string => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  const r: Raw = {
    child,
    got,
    raw: (text) => void child.stdin.write(text),
    send: (m) => void child.stdin.write(frame(JSON.stringify({ jsonrpc: '2.0', ...m }))),
    next: (match) => {
      const seen = got.find(match);
      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
  started.push(r);
  return r;
}

const reply =
  (id: number | string | null) =>
  (m: Reply): boolean =>
    !('method' in m) && m.id === id;
const initialize = (id: number): object => ({ id, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
const pos = { line: 0, character: 1 };
const hover = (id: number, uri: string, position: unknown = pos): object => ({ id, method: 'textDocument/hover', params: { textDocument: { uri }, position } });

describe.skipIf(!existsSync(MM_CJS))('the language server facing protocol errors', () => {
  it('L1: answers -32002 before initialize, -32600 to a second initialize and after shutdown', async () => {
    const s = server();
    s.send(hover(1, 'file:///a.mm'));
    s.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///a.mm', languageId: 'minimega', version: 1, text: 'vm info\n' } } });
    expect((await s.next(reply(1))).error?.code).toBe(-32002);
    s.send(initialize(2));
    expect((await s.next(reply(2))).result).toMatchObject({ serverInfo: { name: 'mm' } });
    s.send(initialize(3));
    expect((await s.next(reply(3))).error).toEqual({ code: -32600, message: 'initialize may be sent only once' });
    // The didOpen before initialize was dropped: the document is unknown.
    s.send({ method: 'initialized', params: {} });
    s.send(hover(4, 'file:///a.mm'));
    expect((await s.next(reply(4))).result).toBeNull();
    s.send({ id: 5, method: 'shutdown' });
    expect((await s.next(reply(5))).result).toBeNull();
    s.send(hover(6, 'file:///a.mm'));
    expect((await s.next(reply(6))).error).toEqual({ code: -32600, message: 'textDocument/hover after shutdown' });
    const exited = new Promise((resolve) => s.child.once('exit', resolve));
    s.send({ method: 'exit' });
    expect(await exited).toBe(0);
  });

  it('L2: answers invalid JSON with -32700 and bad parameters with -32602, and keeps serving', async () => {
    const s = server();
    s.send(initialize(1));
    await s.next(reply(1));
    s.raw('Content-Length: 9\r\n\r\n{"bad":,}');
    expect(await s.next(reply(null))).toMatchObject({ error: { code: -32700 } });
    s.send({ id: 2, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///a.mm' }, position: 'x' } });
    expect((await s.next(reply(2))).error).toEqual({ code: -32602, message: 'textDocument/hover: position must be a Position' });
    s.send({ id: 3, method: 'textDocument/completion', params: null });
    expect((await s.next(reply(3))).error?.code).toBe(-32602);
    s.send({ id: 4, method: 'textDocument/references', params: { textDocument: { uri: 1 }, position: pos } });
    expect((await s.next(reply(4))).error?.code).toBe(-32602);
    s.send({ id: 6 });
    s.raw('Content-Length: 2\r\n\r\n[]');
    s.send({ method: 'textDocument/didOpen', params: { textDocument: null } });
    expect(await s.next((m) => m.method === 'window/logMessage')).toMatchObject({
      params: { message: expect.stringContaining('ignored textDocument/didOpen') },
    });
    s.send(hover(5, 'file:///nothing.mm'));
    expect((await s.next(reply(5))).result).toBeNull();
    // Answered in order, so the refusals of the id-only message and the array came before.
    expect(s.got.filter((m) => m.error?.code === -32600).map((m) => m.id)).toEqual([6, null]);
    expect(s.got.some((m) => m.error?.code === -32603)).toBe(false);
  });

  it('L3: recovers after broken framing', async () => {
    const s = server();
    s.send(initialize(1));
    await s.next(reply(1));
    s.raw('Content-Length: abc\r\n\r\n{"jsonrpc":"2.0"}');
    s.send(hover(2, 'file:///a.mm'));
    expect((await s.next(reply(2))).result).toBeNull();
    s.raw('X-Nothing: 1\r\n\r\ngarbage garbage\r\n');
    s.send(hover(3, 'file:///a.mm'));
    expect((await s.next(reply(3))).result).toBeNull();
    s.raw(`Content-Length: 99999999999\r\n\r\n`);
    s.send(hover(4, 'file:///a.mm'));
    expect((await s.next(reply(4))).result).toBeNull();
    s.raw('no headers at all, just text\n');
    s.send(hover(5, 'file:///a.mm'));
    expect((await s.next(reply(5))).result).toBeNull();
    expect(s.got.filter((m) => m.id === null && m.error?.code === -32700).length).toBeGreaterThanOrEqual(3);
  });

  it('L4: refuses edits with fractional, null or string positions, so lines stay in step with the text', async () => {
    const s = server();
    s.send(initialize(1));
    await s.next(reply(1));
    s.send({ method: 'initialized', params: {} });
    const uri = 'file:///doc.mm';
    s.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'minimega', version: 1, text: 'vm info\nvm info\n' } } });
    const change = (version: number, start: unknown, text: string): object => ({
      method: 'textDocument/didChange',
      params: { textDocument: { uri, version }, contentChanges: [{ range: { start, end: start }, text }] },
    });
    s.send(change(2, { line: 0, character: 0.5 }, 'bogus '));
    s.send(change(3, { line: null, character: 0 }, 'bogus '));
    s.send(change(4, { line: '1', character: 0 }, 'bogus '));
    s.send(change(5, { line: -1, character: 0 }, 'bogus '));
    // One good edit: line 2 becomes `bogus`; lines 0 and 1 are untouched.
    s.send(change(6, { line: 2, character: 0 }, 'bogus'));
    const diags = await s.next((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { version?: number }).version === 6);
    const list = (diags.params as { diagnostics: { range: { start: { line: number } }; severity: number }[] }).diagnostics;
    expect(list.filter((d) => d.severity === 1).map((d) => d.range.start.line)).toEqual([2]);
    expect(s.got.filter((m) => m.method === 'window/logMessage').length).toBe(4);
  });
});
