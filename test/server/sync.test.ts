import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol';
import { startServer, type TestClient } from './helpers/lsp-client.js';
import { checkDiagnostics, comparable } from './helpers/expected.js';
import { suiteScriptDir } from './helpers/files.js';

// Made before the server starts, removed after it has stopped (suiteTempDir).
const dir = suiteScriptDir();
let client: TestClient;
beforeAll(async () => {
  client = await startServer();
});
afterAll(async () => {
  await client.stop();
});

const at = (line: number, character: number) => ({ line, character });
const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: at(l1, c1), end: at(l2, c2) });

/** Applies the same edits to a local copy, to know the text the server should have. */
function apply(text: string, edits: { range: ReturnType<typeof range>; text: string }[]): string {
  for (const e of edits) {
    const lines = text.split('\n');
    const off = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    text = text.slice(0, off(e.range.start)) + e.text + text.slice(off(e.range.end));
  }
  return text;
}

let n = 0;
describe('incremental sync', () => {
  it('applies several changes of one notification in order and re-checks the lines they touch', async () => {
    const uri = dir.uri(`sync-${n++}.mm`);
    let text = 'vm config memory 2048\nbogus\nvm info\n';
    await client.open(uri, text);
    const edits = [
      { range: range(1, 0, 1, 5), text: 'vlans' },
      { range: range(0, 17, 0, 21), text: 'x' },
      { range: range(2, 7, 2, 7), text: '\nnsmod add-host a\nvm launch' },
    ];
    text = apply(text, edits);
    const got = await client.change(uri, edits);
    expect(got.version).toBe(2);
    expect(got.diagnostics.map(comparable)).toEqual(checkDiagnostics(text, dir.path));
    // `vm config memory x`: 2.3 takes the value; the VM launched with it would fail.
    expect(got.diagnostics.map((d) => d.code)).toEqual(['launch/value', 'script/nsmod-without-namespace', 'script/launch-without-queue']);
  });

  it('joins and splits lines; deletes across lines', async () => {
    const uri = dir.uri(`sync-${n++}.mm`);
    let text = 'vm launch kvm a\nvm launch kvm b\nvm launch kvm a\n# end\n';
    await client.open(uri, text);
    for (const edits of [
      [{ range: range(0, 15, 1, 0), text: ' ' }],
      [{ range: range(0, 15, 0, 16), text: '\n' }],
      [{ range: range(1, 0, 3, 0), text: '' }],
      [{ range: range(0, 0, 0, 0), text: 'vm launch kvm a\r\n' }],
    ]) {
      text = apply(text, edits);
      const got = await client.change(uri, edits);
      expect(got.diagnostics.map(comparable)).toEqual(checkDiagnostics(text, dir.path));
    }
  });

  it('editing an .alias line re-compiles the lines after it', async () => {
    const uri = dir.uri(`sync-${n++}.mm`);
    const text = '.alias go=vm start\ngo all\ngo\n';
    expect((await client.open(uri, text)).diagnostics.map((d) => d.code)).toEqual(['match/bad-arguments']);
    // `go` now expands to a command that takes no argument: line 2 goes bad, line 3 good.
    let got = await client.change(uri, [{ range: range(0, 10, 0, 18), text: 'vm flush' }]);
    expect(got.diagnostics.map((d) => [d.range.start.line, d.code])).toEqual([[1, 'match/bad-arguments']]);
    // Removing the alias makes both lines unknown commands.
    got = await client.change(uri, [{ range: range(0, 0, 1, 0), text: '' }]);
    expect(got.diagnostics.map((d) => [d.range.start.line, d.code])).toEqual([
      [0, 'match/unknown-command'],
      [1, 'match/unknown-command'],
    ]);
    // Hover uses the alias-expanded command.
    await client.change(uri, [{ range: range(0, 0, 0, 0), text: '.alias go=vm info\n' }]);
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at(2, 1) });
    expect((h!.contents as MarkupContent).value).toContain('**vm info**');
  });

  it('a full-text change replaces everything', async () => {
    const uri = dir.uri(`sync-${n++}.mm`);
    await client.open(uri, 'bogus\n');
    const got = await client.change(uri, [{ text: 'vm info\nnope\n' }]);
    expect(got.diagnostics.map((d) => d.range.start.line)).toEqual([1]);
  });
});
