import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompletionRequest, CompletionResolveRequest, type CompletionItem, type CompletionList, type TextEdit } from 'vscode-languageserver-protocol';
import { startServer, type TestClient } from './helpers/lsp-client.js';
import { suiteScriptDir } from './helpers/files.js';
import { fixture } from './helpers/fixture.js';

// Made before the server starts, removed after it has stopped (suiteTempDir).
const dir = suiteScriptDir({
  'lib/nodes.mm': 'vm launch kvm db[1-2]\nvlans add backend 300\n',
  'lib/other.mm': '',
  'setup.mm': '',
});
let client: TestClient;
beforeAll(async () => {
  client = await startServer();
});
afterAll(async () => {
  await client.stop();
});

let n = 0;
/** Opens the fixture and completes at its cursor. */
async function complete(source: string): Promise<CompletionItem[]> {
  const f = fixture(source);
  const uri = dir.uri(`completion-${n++}.mm`);
  await client.open(uri, f.text);
  const r = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: f.cursors[0]! });
  return Array.isArray(r) ? r : ((r as CompletionList | null)?.items ?? []);
}

const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label);

describe('completion', () => {
  it('commands on an empty line, with the catalog short doc (the documentation when the item is resolved)', async () => {
    const items = await complete('vm info\n<|>\n');
    expect(labels(items)).toEqual(expect.arrayContaining(['vm', 'vlans', 'namespace', '.columns', 'clear']));
    const vlans = items.find((i) => i.label === 'vlans')!;
    expect(vlans.detail).toBeTruthy();
    // The list travels without documentation; the editor asks for it item by item.
    expect(vlans.documentation).toBeUndefined();
    const resolved = await client.connection.sendRequest(CompletionResolveRequest.type, vlans);
    expect(JSON.stringify(resolved.documentation)).toContain('vlans add <alias> <vlan>');
  });

  it("an item of an older list resolves to itself, not to the newer list's documentation", async () => {
    const old = (await complete('<|>\n')).find((i) => i.label === 'vlans')!;
    await complete('vm config <|>\n');
    const resolved = await client.connection.sendRequest(CompletionResolveRequest.type, old);
    expect(resolved.documentation).toBeUndefined();
    expect(resolved.label).toBe('vlans');
  });

  it('sub-commands by prefix, replacing the partial word', async () => {
    const items = await complete('vm con<|>');
    expect(labels(items)).toEqual(['config']);
    expect((items[0]!.textEdit as TextEdit).range).toEqual({ start: { line: 0, character: 3 }, end: { line: 0, character: 6 } });
  });

  it('choices and true/false', async () => {
    expect(labels(await complete('vm config snapshot <|>'))).toEqual(['false', 'true']);
    expect(labels(await complete('.annotate <|>'))).toEqual(['false', 'true']);
  });

  it('vm config parameters', async () => {
    expect(labels(await complete('vm config <|>'))).toEqual(expect.arrayContaining(['memory', 'net', 'disk', 'snapshot', 'save', 'restore']));
  });

  it('builtins and nested commands', async () => {
    expect(labels(await complete('.c<|>'))).toEqual(['.columns', '.compress', '.csv']);
    expect(labels(await complete('namespace foo vm st<|>'))).toEqual(['start', 'stop']);
  });

  it('names the script defines: VMs, namespaces, VLAN aliases, taps, hosts, saved configs', async () => {
    const script = [
      'namespace lab',
      'nsmod add-host node[1-2]',
      'vlans add dmz 200',
      'tap create dmz name tap0',
      'vm config save web',
      'vm launch kvm web[1-2]',
    ].join('\n');
    expect(labels(await complete(`${script}\nvm start <|>`))).toEqual(['web1', 'web2', 'all']);
    expect(labels(await complete(`${script}\nnamespace <|>`))).toContain('lab');
    expect(labels(await complete(`${script}\nvm config net <|>`))).toEqual(['dmz']);
    expect(labels(await complete(`${script}\ntap delete <|>`))).toEqual(['tap0', 'all']);
    expect(labels(await complete(`${script}\nnsmod del-host <|>`))).toEqual(['node1', 'node2', 'all', 'localhost']);
    expect(labels(await complete(`${script}\nvm config restore <|>`))).toEqual(['web']);
  });

  it('names from the files the script reads', async () => {
    expect(labels(await complete('read lib/nodes.mm\nvm kill <|>'))).toEqual(['db1', 'db2', 'all']);
    expect(labels(await complete('read lib/nodes.mm\nvm config net <|>'))).toEqual(['backend']);
  });

  it('file paths for read, relative to the script', async () => {
    expect(labels(await complete('read <|>'))).toEqual(expect.arrayContaining(['lib/', 'setup.mm']));
    expect(labels(await complete('read lib/<|>'))).toEqual(['lib/nodes.mm', 'lib/other.mm']);
  });

  it('nothing inside a comment or after an unterminated quote', async () => {
    expect(await complete('# vm <|>')).toEqual([]);
    expect(await complete('vm config hostname "a<|>')).toEqual([]);
  });
});

describe('completion ranking and noise', () => {
  it('never offers the word being typed as a name', async () => {
    const items = await complete('vlans add dmz 100\nvm launch kvm router\nvm start r<|>');
    expect(labels(items)).toEqual(['router']);
  });

  it('a name typed here but mentioned elsewhere too is still offered', async () => {
    expect(labels(await complete('vm launch kvm r\nvm start r<|>'))).toEqual(['r']);
  });

  it('common commands first on an empty line, builtins last', async () => {
    const got = labels(await complete('<|>'));
    expect(got.slice(0, 3)).toEqual(['vm', 'namespace', 'cc']);
    expect(got[got.length - 1]!.startsWith('.')).toBe(true);
    expect(got.findIndex((l) => l.startsWith('.'))).toBeGreaterThan(got.indexOf('vlans'));
  });

  it('common sub-commands first after vm and vm config (prefixes count)', async () => {
    expect(labels(await complete('vm <|>')).slice(0, 4)).toEqual(['launch', 'config', 'start', 'info']);
    expect(labels(await complete('vm conf <|>')).slice(0, 3)).toEqual(['memory', 'vcpus', 'disk']);
  });
});
