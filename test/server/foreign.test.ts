import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CompletionRequest,
  HoverRequest,
  SemanticTokensRequest,
  ShowMessageNotification,
  type CompletionList,
  type ShowMessageParams,
} from 'vscode-languageserver-protocol';
import { repoRoot } from '../helpers/shared.js';
import { startServer, type TestClient } from './helpers/lsp-client.js';
import { testUri } from './helpers/fixture.js';

const objcxx = (name: string): string => readFileSync(join(repoRoot, 'test/fixtures/objcxx', name), 'utf8');

let client: TestClient;
const notices: ShowMessageParams[] = [];
beforeAll(async () => {
  client = await startServer();
  client.connection.onNotification(ShowMessageNotification.type, (p) => void notices.push(p));
});
afterAll(async () => {
  await client.stop();
});

describe('Objective-C++ .mm files', () => {
  it('get no diagnostics and one notice that names the file', async () => {
    const uri = testUri('objc/AppDelegate.mm');
    const got = await client.open(uri, objcxx('AppDelegate.mm'));
    expect(got.diagnostics).toEqual([]);
    // The notice goes out with the diagnostics; a round trip makes sure it arrived.
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
    const mine = notices.filter((n) => n.message.includes('AppDelegate.mm'));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.message).toContain('does not look like a minimega script');
    // Editing it does not repeat the notice or bring diagnostics.
    const edited = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// edited\n' }]);
    expect(edited.diagnostics).toEqual([]);
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
    expect(notices.filter((n) => n.message.includes('AppDelegate.mm'))).toHaveLength(1);
  });

  it('offer no hover, completion or colours', async () => {
    const uri = testUri('objc/ImageCache.mm');
    const text = objcxx('ImageCache.mm');
    expect((await client.open(uri, text)).diagnostics).toEqual([]);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('namespace'));
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 2 } });
    expect(hover).toBeNull();
    const completion = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: lines.length - 1, character: 0 },
    })) as CompletionList;
    expect(completion.items).toEqual([]);
    const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    expect(tokens?.data).toEqual([]);
  });

  it('a minimega .mm next to them is checked, and so is a foreign file once it becomes a script', async () => {
    const script = testUri('objc/lab.mm');
    const got = await client.open(script, 'namespace lab\nvm config memory 2048\nvm launch kvm web[1-2]\nbogus command\n');
    expect(got.diagnostics.map((d) => d.code)).toContain('match/unknown-command');
    const uri = testUri('objc/Converted.mm');
    expect((await client.open(uri, objcxx('ImageCache.mm'))).diagnostics).toEqual([]);
    const now = await client.change(uri, [{ text: 'vm config memory 1024\nvm launch kvm a\nfrobnicate\n' }]);
    expect(now.diagnostics.map((d) => d.code)).toEqual(['match/unknown-command']);
  });

  it('a script with a few mistakes stays a script', async () => {
    const uri = testUri('objc/typos.mm');
    const got = await client.open(uri, '# lab setup\nvm confg memory 1024\nvm launch kvm a\nvlans add dmz 100\nbogus\n}\n');
    expect(got.diagnostics.length).toBeGreaterThanOrEqual(2);
  });
});
