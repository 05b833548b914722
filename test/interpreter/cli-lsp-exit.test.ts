/**
 * How `mm lsp` ends when its client goes: status 0 after `shutdown` and
 * `exit` (also when the client then closes its end at once), status 1 as
 * LSP asks otherwise, and then a line on stderr says why.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { mmBin } from '../helpers/mm-cli.js';

function frame(o: object): string {
  const body = JSON.stringify({ jsonrpc: '2.0', ...o });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

const INIT = frame({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });

function lsp(input: string) {
  return spawnSync(process.execPath, [mmBin, 'lsp', '--stdio'], { input, encoding: 'utf8', timeout: 60_000 });
}

describe('mm lsp at the end of the session', () => {
  it('exits 0 after shutdown and exit, the input closed right after', () => {
    const r = lsp(INIT + frame({ id: 2, method: 'shutdown' }) + frame({ method: 'exit' }));
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('exits 0 when the input closes after shutdown', () => {
    expect(lsp(INIT + frame({ id: 2, method: 'shutdown' })).status).toBe(0);
  });

  it('exits 1 with a reason when the input closes before shutdown, or exit comes without it', () => {
    const eof = lsp(INIT);
    expect(eof.status).toBe(1);
    expect(eof.stderr).toBe('mm lsp: the client closed the connection without `shutdown`: exit status 1 (LSP)\n');
    const exit = lsp(INIT + frame({ method: 'exit' }));
    expect(exit.status).toBe(1);
    expect(exit.stderr).toBe('mm lsp: `exit` without `shutdown` first: exit status 1 (LSP)\n');
  });
});
