import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeActionRequest, type CodeAction, type Range } from 'vscode-languageserver-protocol';
import { startServer, type TestClient } from './helpers/lsp-client.js';
import { fixture, testUri } from './helpers/fixture.js';

let client: TestClient;
beforeAll(async () => {
  client = await startServer();
});
afterAll(async () => {
  await client.stop();
});

let n = 0;
/** Code actions for the fixture's first range (or the whole first line), with the edit applied to that line. */
async function actions(source: string, only?: string[]): Promise<{ title: string; kind: string; result: string }[]> {
  const f = fixture(source);
  const uri = testUri(`actions-${n++}.mm`);
  const diags = (await client.open(uri, f.text)).diagnostics;
  const range: Range = f.ranges[0] ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const got = (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range,
    context: { diagnostics: diags, ...(only ? { only } : {}) },
  })) as CodeAction[];
  const line = f.text.split('\n')[range.start.line]!;
  return got.map((a) => {
    const edits = [...a.edit!.changes![uri]!].sort((x, y) => y.range.start.character - x.range.start.character);
    let result = line;
    for (const e of edits) result = result.slice(0, e.range.start.character) + e.newText + result.slice(e.range.end.character);
    return { title: a.title, kind: a.kind!, result };
  });
}

describe('code actions', () => {
  it('fixes an unknown command to the closest one', async () => {
    expect(await actions('<|namespce|> foo vm info')).toEqual([{ title: 'Change to "namespace"', kind: 'quickfix', result: 'namespace foo vm info' }]);
  });

  it('fixes a misspelt keyword', async () => {
    const got = await actions('vm config <|memry|> 512');
    expect(got[0]).toEqual({ title: 'Change to "memory"', kind: 'quickfix', result: 'vm config memory 512' });
  });

  it('expands abbreviations to the full words, nested commands included', async () => {
    expect(await actions('<|na foo vm conf snap t|>')).toEqual([
      {
        title: 'Expand abbreviations to "namespace", "config", "snapshot", "true"',
        kind: 'refactor.rewrite',
        result: 'namespace foo vm config snapshot true',
      },
    ]);
  });

  it('quotes words minicli split apart, when the quoted line matches', async () => {
    expect(await actions('<|vm config hostname my host|>')).toEqual([
      { title: 'Quote my host as one value (minicli splits words at spaces)', kind: 'quickfix', result: 'vm config hostname "my host"' },
    ]);
  });

  it('quotes a value whose # started a comment', async () => {
    expect(await actions('<|vm config tag note a#b|>')).toEqual([
      { title: 'Quote a#b as one value (# starts a comment)', kind: 'quickfix', result: 'vm config tag note "a#b"' },
    ]);
  });

  it('honours context.only', async () => {
    expect(await actions('<|vm conf memry 512|>', ['refactor'])).toEqual([]);
    expect((await actions('<|vm conf snap true|>', ['refactor'])).map((a) => a.kind)).toEqual(['refactor.rewrite']);
  });

  it('titles are plain text: quotes, never Markdown backticks (the light bulb menu shows them as typed)', async () => {
    const titles = [
      ...(await actions('<|vm lanch kvm a|>')),
      ...(await actions('<|vm conf snap true|>')),
      ...(await actions('<|vm config tag note a#b|>')),
      ...(await actions('<|vm top|>')),
    ].map((a) => a.title);
    expect(titles.length).toBeGreaterThanOrEqual(4);
    for (const title of titles) expect(title).not.toContain('`');
  });

  it('nothing on a correct, unabbreviated line', async () => {
    expect(await actions('<|vm config memory 512|>')).toEqual([]);
  });
});
