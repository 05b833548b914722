import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DocumentSymbolRequest,
  FoldingRangeRequest,
  SemanticTokensDeltaRequest,
  SemanticTokensRangeRequest,
  SemanticTokensRequest,
  type SemanticTokensDelta,
  type DocumentSymbol,
  type SemanticTokensLegend,
} from 'vscode-languageserver-protocol';
import { startServer, type TestClient } from './helpers/lsp-client.js';
import { testUri } from './helpers/fixture.js';

let client: TestClient;
beforeAll(async () => {
  client = await startServer();
});
afterAll(async () => {
  await client.stop();
});

const script = [
  '# Two namespaces',
  '# with their VMs',
  'vm config memory 2048',
  'vm config save base',
  'namespace lab',
  'nsmod add-host localhost',
  'vm launch kvm web[1-2]',
  'vm launch',
  '',
  'namespace prod',
  'vm launch container db',
  'clear namespace',
  'vm launch kvm solo',
].join('\n');

function tree(symbols: DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [
    `${'  '.repeat(depth)}${s.name} (${s.detail}) ${s.range.start.line}-${s.range.end.line}`,
    ...tree(s.children ?? [], depth + 1),
  ]);
}

describe('document symbols and folding', () => {
  it('namespace sections hold their launches; saved configs and other launches at the top', async () => {
    const uri = testUri('symbols.mm');
    await client.open(uri, script);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    expect(tree(symbols)).toEqual([
      'base (saved vm config) 3-3',
      'lab (namespace) 4-7',
      '  web[1-2] (kvm (queued in lab)) 6-6',
      'prod (namespace) 9-11',
      '  db (container (queued in prod)) 10-10',
      'solo (kvm) 12-12',
    ]);
    expect(symbols[1]!.selectionRange).toEqual({ start: { line: 4, character: 10 }, end: { line: 4, character: 13 } });
  });

  it('folds comment blocks and namespace sections', async () => {
    const uri = testUri('folding.mm');
    await client.open(uri, script);
    const ranges = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    expect(ranges!.map((r) => `${r.startLine}-${r.endLine} ${r.kind}`)).toEqual(['0-1 comment', '4-7 region', '9-11 region']);
  });
});

describe('semantic tokens', () => {
  function decode(data: number[], legend: SemanticTokensLegend, text: string): string[] {
    const lines = text.split('\n');
    const out: string[] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i]!;
      char = data[i]! === 0 ? char + data[i + 1]! : data[i + 1]!;
      const mods = legend.tokenModifiers.filter((_, k) => data[i + 4]! & (1 << k));
      out.push(`${line}:${lines[line]!.slice(char, char + data[i + 2]!)}=${legend.tokenTypes[data[i + 3]!]}${mods.length ? `+${mods.join('+')}` : ''}`);
    }
    return out;
  }

  it('a line with an error keeps the colours of the words that still fit a pattern', async () => {
    const text = ['vm lanch foo', 'vm config memory 2048 extra', 'bogus 12 # note'].join('\n');
    const uri = testUri('tokens-errors.mm');
    await client.open(uri, text);
    const legend = client.initializeResult.capabilities.semanticTokensProvider!.legend;
    const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    expect(decode(tokens!.data, legend, text)).toEqual([
      '0:vm=function',
      '1:vm=function',
      '1:config=method',
      '1:memory=method',
      '1:2048=number',
      '2:12=number',
      '2:# note=comment',
    ]);
  });

  it('command, sub-command, keyword choice, argument, name, number, string, comment, builtin', async () => {
    const text = [
      'vm config snapshot false # keep disks',
      'vm launch kvm web1',
      '.columns name,state vm info',
      'vm config hostname "my host"',
      'vm start web1',
      'vm config memory 2048',
    ].join('\n');
    const uri = testUri('tokens.mm');
    await client.open(uri, text);
    const legend = client.initializeResult.capabilities.semanticTokensProvider!.legend;
    const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    expect(decode(tokens!.data, legend, text)).toEqual([
      '0:vm=function',
      '0:config=method',
      '0:snapshot=method',
      '0:false=enumMember',
      '0:# keep disks=comment',
      '1:vm=function',
      '1:launch=method',
      '1:kvm=enumMember',
      '1:web1=variable+declaration',
      '2:.columns=macro',
      '2:name,state=parameter',
      '2:vm=function',
      '2:info=method',
      '3:vm=function',
      '3:config=method',
      '3:hostname=method',
      '3:"my host"=string',
      '4:vm=function',
      '4:start=method',
      '4:web1=variable',
      '5:vm=function',
      '5:config=method',
      '5:memory=method',
      '5:2048=number',
    ]);
    const part = await client.connection.sendRequest(SemanticTokensRangeRequest.type, {
      textDocument: { uri },
      range: { start: { line: 4, character: 0 }, end: { line: 4, character: 13 } },
    });
    expect(decode(part!.data, legend, text)).toEqual(['4:vm=function', '4:start=method', '4:web1=variable']);
  });

  it('after an edit, a delta turns the previous tokens into the new ones', async () => {
    const uri = testUri('tokens-delta.mm');
    await client.open(uri, 'vm config memory 2048\nvm launch kvm a\n# end\n');
    const first = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'vm start a\n' }]);
    const delta = (await client.connection.sendRequest(SemanticTokensDeltaRequest.type, {
      textDocument: { uri },
      previousResultId: first!.resultId!,
    })) as SemanticTokensDelta;
    expect(delta.edits).toHaveLength(1);
    const e = delta.edits[0]!;
    const patched = [...first!.data.slice(0, e.start), ...(e.data ?? []), ...first!.data.slice(e.start + e.deleteCount)];
    const fresh = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    expect(patched).toEqual(fresh!.data);
    expect(e.data!.length).toBeLessThan(fresh!.data.length);
  });

  it('asked again before an edit, the tokens and an empty delta come back; after one, the new tokens', async () => {
    const uri = testUri('tokens-again.mm');
    await client.open(uri, 'vm config memory 2048\nvm launch kvm a\n');
    const first = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    const again = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    expect(again!.data).toEqual(first!.data);
    expect(again!.resultId).not.toBe(first!.resultId);
    const delta = (await client.connection.sendRequest(SemanticTokensDeltaRequest.type, {
      textDocument: { uri },
      previousResultId: again!.resultId!,
    })) as SemanticTokensDelta;
    expect(delta.edits).toEqual([{ start: first!.data.length, deleteCount: 0, data: [] }]);
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# top\n' }]);
    const edited = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    // The comment line adds one token and moves the others down a line.
    expect(edited!.data.length).toBe(first!.data.length + 5);
    const legend = client.initializeResult.capabilities.semanticTokensProvider!.legend;
    expect(edited!.data.slice(0, 5)).toEqual([0, 0, 5, legend.tokenTypes.indexOf('comment'), 0]);
    expect(edited!.data[5]).toBe(1);
  });
});
