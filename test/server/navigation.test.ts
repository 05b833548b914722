import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DefinitionRequest,
  DocumentHighlightRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  type Location,
  type Range,
} from 'vscode-languageserver-protocol';
import { startServer, type TestClient } from './helpers/lsp-client.js';
import { suiteScriptDir } from './helpers/files.js';
import { fixture } from './helpers/fixture.js';

// Made before the server starts, removed after it has stopped (suiteTempDir).
const dir = suiteScriptDir({ 'setup.mm': 'namespace lab\nvm launch kvm db\nvlans add dmz 200\n', 'ranged.mm': 'vm launch kvm web[1-2]\n' });
let client: TestClient;
beforeAll(async () => {
  client = await startServer();
});
afterAll(async () => {
  await client.stop();
});

let n = 0;
async function open(source: string) {
  const f = fixture(source);
  const uri = dir.uri(`nav-${n++}.mm`);
  await client.open(uri, f.text);
  return { ...f, uri, at: (i = 0) => ({ textDocument: { uri }, position: f.cursors[i]! }) };
}

const sortRanges = (rs: Range[]): Range[] => [...rs].sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character);

describe('document highlight', () => {
  it('every mention of the name under the cursor, definitions as writes', async () => {
    const d = await open('vm launch kvm <|web|>,db\nvm start <|we<|>b|>\nvm kill db,<|web|>\n');
    const hl = await client.connection.sendRequest(DocumentHighlightRequest.type, d.at());
    expect(hl!.map((h) => h.range)).toEqual(d.ranges);
    expect(hl!.map((h) => h.kind)).toEqual([3, 2, 2]);
  });

  it('nothing on a keyword', async () => {
    const d = await open('vm st<|>art web\n');
    expect(await client.connection.sendRequest(DocumentHighlightRequest.type, d.at())).toEqual([]);
  });
});

describe('definition and references', () => {
  it('a VM name defined in this file', async () => {
    const d = await open('vm launch kvm <|web|>\nvm start w<|>eb\n');
    const defs = (await client.connection.sendRequest(DefinitionRequest.type, d.at())) as Location[];
    expect(defs).toEqual([{ uri: d.uri, range: d.ranges[0] }]);
  });

  it('names defined in a file the script reads', async () => {
    const d = await open('read setup.mm\nnamespace l<|>ab vm start d<|>b\nvm config net dm<|>z\n');
    const ns = (await client.connection.sendRequest(DefinitionRequest.type, d.at(0))) as Location[];
    expect(ns).toEqual([{ uri: dir.uri('setup.mm'), range: { start: { line: 0, character: 10 }, end: { line: 0, character: 13 } } }]);
    const vm = (await client.connection.sendRequest(DefinitionRequest.type, d.at(1))) as Location[];
    expect(vm).toEqual([{ uri: dir.uri('setup.mm'), range: { start: { line: 1, character: 14 }, end: { line: 1, character: 16 } } }]);
    const alias = (await client.connection.sendRequest(DefinitionRequest.type, d.at(2))) as Location[];
    expect(alias[0]!.uri).toBe(dir.uri('setup.mm'));
  });

  it('the file of a read', async () => {
    const d = await open('read set<|>up.mm\n');
    const defs = (await client.connection.sendRequest(DefinitionRequest.type, d.at())) as Location[];
    expect(defs.map((l) => l.uri)).toEqual([dir.uri('setup.mm')]);
  });

  it('references across the document and the files it reads', async () => {
    const d = await open('read setup.mm\nvm start <|d<|>b|>\nvm kill <|db|>\n');
    const refs = await client.connection.sendRequest(ReferencesRequest.type, { ...d.at(), context: { includeDeclaration: true } });
    expect(refs!.filter((r) => r.uri === d.uri).map((r) => r.range)).toEqual(d.ranges);
    expect(refs!.filter((r) => r.uri === dir.uri('setup.mm')).map((r) => r.range.start.line)).toEqual([1]);
    const noDecl = await client.connection.sendRequest(ReferencesRequest.type, { ...d.at(), context: { includeDeclaration: false } });
    expect(noDecl!.map((r) => r.uri)).toEqual([d.uri, d.uri]);
  });
});

describe('rename', () => {
  it('prepareRename gives the name range; rename edits every mention in every file', async () => {
    const d = await open('read setup.mm\nnamespace <|l<|>ab|> vm start db\nclear namespace <|lab|>\nvm config net <|lab|>//dmz\n');
    const prep = await client.connection.sendRequest(PrepareRenameRequest.type, d.at());
    expect(prep).toEqual({ range: d.ranges[0], placeholder: 'lab' });
    const edit = await client.connection.sendRequest(RenameRequest.type, { ...d.at(), newName: 'test' });
    expect(sortRanges(edit!.changes![d.uri]!.map((e) => e.range))).toEqual(d.ranges);
    expect(edit!.changes![d.uri]!.every((e) => e.newText === 'test')).toBe(true);
    expect(edit!.changes![dir.uri('setup.mm')]!.map((e) => e.range)).toEqual([{ start: { line: 0, character: 10 }, end: { line: 0, character: 13 } }]);
  });

  it('VLAN aliases, taps and saved configs', async () => {
    const d = await open(
      'vlans add <|d<|>mz|> 200\ntap create <|dmz|> name <|t<|>0|>\ntap delete <|t0|>\nvm config save <|b<|>ase|>\nvm config restore <|base|>\n',
    );
    for (const [cursor, ranges] of [
      [0, d.ranges.slice(0, 2)],
      [1, d.ranges.slice(2, 4)],
      [2, d.ranges.slice(4, 6)],
    ] as const) {
      const edit = await client.connection.sendRequest(RenameRequest.type, { ...d.at(cursor), newName: 'x' });
      expect(sortRanges(edit!.changes![d.uri]!.map((e) => e.range))).toEqual(ranges);
    }
  });

  it('refuses a name written as part of a range, and bad new names', async () => {
    const d = await open('read ranged.mm\nvm start we<|>b1\nvm launch kvm s<|>olo\n');
    // The editor shows the refusal as plain text: the file it names has no Markdown backticks.
    const refused = await client.connection.sendRequest(PrepareRenameRequest.type, d.at(0)).then(
      () => '',
      (e: Error) => e.message,
    );
    expect(refused).toMatch(/part of a range .*ranged\.mm, line 1/);
    expect(refused).not.toContain('`');
    await expect(client.connection.sendRequest(RenameRequest.type, { ...d.at(1), newName: 'two words' })).rejects.toThrow(/one plain word/);
    await expect(client.connection.sendRequest(RenameRequest.type, { ...d.at(1), newName: '42' })).rejects.toThrow(/integer/);
    expect(await client.connection.sendRequest(PrepareRenameRequest.type, { ...d.at(1), position: { line: 2, character: 2 } })).toBeNull();
  });
});

describe('hosts a namespace adds', () => {
  it("2.3's nsmod add-host and 3.1's ns add-hosts name hosts: highlight finds each mention, additions as writes", async () => {
    const d23 = await open('namespace lab\nnsmod add-host <|gpu1|>,ccc2\nnsmod del-host <|gp<|>u1|>\n');
    const hl23 = await client.connection.sendRequest(DocumentHighlightRequest.type, d23.at());
    expect(hl23!.map((h) => [h.range, h.kind])).toEqual([
      [d23.ranges[0], 3],
      [d23.ranges[1], 2],
    ]);
    const d31 = await open('# minimega: 3.1\nns add-hosts <|gpu1|>,ccc2\nns del-hosts <|gp<|>u1|>\n');
    const hl31 = await client.connection.sendRequest(DocumentHighlightRequest.type, d31.at());
    expect(hl31!.map((h) => [h.range, h.kind])).toEqual([
      [d31.ranges[0], 3],
      [d31.ranges[1], 2],
    ]);
  });
});
