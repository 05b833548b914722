import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentFormattingRequest, WorkspaceSymbolRequest, type SymbolInformation, type TextEdit } from 'vscode-languageserver-protocol';
import { runMm } from '../helpers/mm-cli.js';
import { startServer, type TestClient } from './helpers/lsp-client.js';
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

const MESSY = '  vm conf   snap t   # keep me  \nvm  launch kvm   web[1-2]\n\n bogus   thing  \n"vm" info\n# a comment  \n';
const TIDY = 'vm config snapshot true # keep me\nvm launch kvm web[1-2]\n\nbogus   thing\n"vm" info\n# a comment\n';

/** Applies non-overlapping single-line edits. */
function apply(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  for (const e of edits) {
    const l = lines[e.range.start.line]!;
    lines[e.range.start.line] = l.slice(0, e.range.start.character) + e.newText + l.slice(e.range.end.character);
  }
  return lines.join('\n');
}

describe('document formatting and mm fmt', () => {
  it('trims, one space between words, command words in full, comments kept; error lines only trimmed', async () => {
    const uri = dir.uri('fmt.mm');
    await client.open(uri, MESSY);
    const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(apply(MESSY, edits!)).toBe(TIDY);
    // Formatting a formatted script changes nothing.
    const again = dir.uri('fmt-again.mm');
    await client.open(again, TIDY);
    expect(
      await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: again }, options: { tabSize: 2, insertSpaces: true } }),
    ).toEqual([]);
  });

  it('mm fmt prints, checks and writes the same result', () => {
    const file = dir.write('cli.mm', MESSY);
    const printed = runMm(['fmt', 'cli.mm'], { cwd: dir.path });
    expect(printed.stdout).toBe(TIDY);
    const check = runMm(['fmt', '--check', 'cli.mm'], { cwd: dir.path });
    expect([check.status, check.stdout]).toEqual([1, 'cli.mm\n']);
    expect(runMm(['fmt', '--write', 'cli.mm'], { cwd: dir.path }).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(TIDY);
    expect(runMm(['fmt', '--check', 'cli.mm'], { cwd: dir.path }).status).toBe(0);
    expect(readFileSync(join(dir.path, 'cli.mm'), 'utf8')).toBe(TIDY);
  });
});

describe('workspace symbols', () => {
  it('the names open scripts define, matched by the query in order, each where it is defined', async () => {
    const a = dir.uri('ws-a.mm');
    const b = dir.uri('ws-b.mm');
    await client.open(a, 'namespace lab\nvm launch kvm webserver,db\nvm start webserver\n');
    await client.open(b, 'vlans add dmz 100\nvm config save webcfg\n');
    const found = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'web' })) as SymbolInformation[];
    const brief = found.map((s) => `${s.name} ${s.location.uri === a ? 'a' : s.location.uri === b ? 'b' : '?'}:${s.location.range.start.line}`);
    expect(brief).toEqual(expect.arrayContaining(['webserver a:1', 'webcfg b:1']));
    expect(brief.filter((s) => s.startsWith('webserver'))).toEqual(['webserver a:1']);
    const lab = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'lb' })) as SymbolInformation[];
    expect(lab.map((s) => s.name)).toContain('lab');
  });
});
