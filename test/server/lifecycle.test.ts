import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HoverRequest, LSPErrorCodes, StreamMessageReader, type Message } from 'vscode-languageserver-protocol/node';
import { repoRoot } from '../helpers/shared.js';
import { MM_CJS, startServer } from './helpers/lsp-client.js';

/** One LSP frame. */
function frame(message: object): string {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

describe('server process', () => {
  it('`mm lsp --stdio` serves LSP and exits 0 after shutdown and exit', async () => {
    const client = await startServer();
    expect(client.initializeResult.serverInfo?.name).toBe('mm');
    expect(client.initializeResult.capabilities.textDocumentSync).toEqual({ openClose: true, change: 2 });
    expect(await client.stop()).toBe(0);
  });

  it('dist/server.cjs is the same server', async () => {
    const client = await startServer({ args: [join(repoRoot, 'dist', 'server.cjs'), '--stdio'] });
    const d = await client.open('file:///tmp/x.mm', 'bogus\n');
    expect(d.diagnostics[0]!.code).toBe('match/unknown-command');
    expect(await client.stop()).toBe(0);
  });

  it('exits when its input closes, without a shutdown (status 1)', async () => {
    const child = spawn(process.execPath, [MM_CJS, 'lsp', '--stdio'], { stdio: 'pipe' });
    const code = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.stdin.end();
    expect(await code).toBe(1);
  });

  it('a request cancelled before it runs answers RequestCancelled', async () => {
    const child = spawn(process.execPath, [MM_CJS, 'lsp', '--stdio'], { stdio: 'pipe' });
    const reader = new StreamMessageReader(child.stdout);
    const responses = new Map<number | string, Message & { error?: { code: number }; result?: unknown }>();
    const waiters = new Map<number | string, () => void>();
    reader.listen((m) => {
      const id = (m as { id?: number | string }).id;
      if (id !== undefined && !('method' in m)) {
        responses.set(id, m as never);
        waiters.get(id)?.();
      }
    });
    const response = (id: number) =>
      new Promise<Message & { error?: { code: number }; result?: unknown }>((resolve) => {
        if (responses.has(id)) resolve(responses.get(id)!);
        else waiters.set(id, () => resolve(responses.get(id)!));
      });
    child.stdin.write(frame({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
    await response(1);
    const uri = 'file:///tmp/cancel.mm';
    const hover = { textDocument: { uri }, position: { line: 0, character: 1 } };
    // Open, a hover, its cancellation and another hover, in one write: the first hover is queued when the cancel arrives.
    child.stdin.write(
      frame({ method: 'initialized', params: {} }) +
        frame({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'minimega', version: 1, text: 'vm info\n' } } }) +
        frame({ id: 2, method: HoverRequest.method, params: hover }) +
        frame({ method: '$/cancelRequest', params: { id: 2 } }) +
        frame({ id: 3, method: HoverRequest.method, params: hover }),
    );
    expect((await response(2)).error?.code).toBe(LSPErrorCodes.RequestCancelled);
    expect((await response(3)).result).toBeTruthy();
    const code = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.stdin.write(frame({ id: 4, method: 'shutdown' }));
    await response(4);
    child.stdin.write(frame({ method: 'exit' }));
    expect(await code).toBe(0);
  });
});
