/**
 * Dialects in the editor: the `# minimega: 3.1` directive, the
 * `minimega.dialect` setting, the quick fix that adds the directive, and
 * completion, hover and colours from the file's own dialect. Which commands
 * differ comes from the 3.1 research catalog in ../shared.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeConfigurationNotification,
  HoverRequest,
  SemanticTokensRequest,
  type CodeAction,
  type CompletionList,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { hasShared, sharedPath } from '../helpers/shared.js';
import { startServer, type TestClient } from './helpers/lsp-client.js';
import { testUri } from './helpers/fixture.js';

interface Change {
  readonly change: string;
  readonly name: string;
}
const changes: readonly Change[] = hasShared
  ? (JSON.parse(readFileSync(sharedPath('spec/catalog-3.1.json'), 'utf8')) as { changesFrom23: Change[] }).changesFrom23
  : [];
const isChange = (kind: string, name: string): boolean => changes.some((c) => c.change === kind && c.name === name);

let client: TestClient;
beforeAll(async () => {
  client = await startServer();
});
afterAll(async () => {
  await client.stop();
});

async function labelsAt(uri: string, line: number, character: number): Promise<string[]> {
  const r = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } })) as CompletionList;
  return r.items.map((i) => i.label);
}

async function hoverText(uri: string, line: number, character: number): Promise<string> {
  const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
  return (h?.contents as MarkupContent | undefined)?.value ?? '';
}

describe.skipIf(!hasShared)('dialects', () => {
  it('the catalog research names the commands these tests use', () => {
    expect(isChange('added', 'vm top')).toBe(true);
    expect(isChange('removed', 'nsmod')).toBe(true);
    expect(isChange('changed', 'vm launch')).toBe(true);
  });

  it('a file with the 3.1 directive gets 3.1 diagnostics, completion and colours; without it, 2.3', async () => {
    const body = 'vm top\nnsmod add-host a\nvm t';
    const v31 = testUri('dialect/marked.mm');
    const v23 = testUri('dialect/plain.mm');
    const d31 = await client.open(v31, `# minimega: 3.1\n${body}`);
    const d23 = await client.open(v23, body);
    // 3.1 accepts `vm top` and no longer has `nsmod`; 2.3 the other way round.
    const errorLines = (ds: readonly { severity?: number; range: { start: { line: number } } }[]): number[] =>
      ds.filter((d) => d.severity === 1).map((d) => d.range.start.line);
    expect(errorLines(d31.diagnostics)).toEqual([2]);
    expect(errorLines(d23.diagnostics)).toEqual([0, 2]);
    expect(await labelsAt(v31, 3, 4)).toContain('top');
    expect(await labelsAt(v23, 2, 4)).not.toContain('top');
    const tokens31 = (await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: v31 } }))!.data;
    const tokens23 = (await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: v23 } }))!.data;
    // `vm top` is two coloured words in 3.1; in 2.3 it does not match, and only `vm` fits a pattern.
    const lineTokens = (data: number[], line: number): number => {
      let at = 0;
      let n = 0;
      for (let i = 0; i < data.length; i += 5) {
        at += data[i]!;
        if (at === line) n++;
      }
      return n;
    };
    expect(lineTokens(tokens31, 1)).toBe(2);
    expect(lineTokens(tokens23, 0)).toBe(1);
  });

  it('editing the first line into a directive re-checks the file in 3.1', async () => {
    const uri = testUri('dialect/edited.mm');
    const before = await client.open(uri, '# setup\nvm top\n');
    expect(before.diagnostics.length).toBeGreaterThan(0);
    const after = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } }, text: '# minimega: 3.1' }]);
    expect(after.diagnostics).toEqual([]);
  });

  it('changing minimega.dialect re-checks open files without a directive', async () => {
    const plain = testUri('dialect/setting.mm');
    const marked = testUri('dialect/setting-marked.mm');
    expect((await client.open(plain, 'vm top\n')).diagnostics.length).toBeGreaterThan(0);
    expect((await client.open(marked, '# minimega: 2.3\nvm top\n')).diagnostics.length).toBeGreaterThan(0);
    client.settings = { dialect: '3.1' };
    const next = client.diagnostics(plain);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    expect((await next).diagnostics).toEqual([]);
    expect(await labelsAt(plain, 0, 4)).toContain('top');
    // The directive wins over the setting.
    expect(await labelsAt(marked, 1, 4)).not.toContain('top');
    client.settings = {};
    const back = client.diagnostics(plain);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    expect((await back).diagnostics.length).toBeGreaterThan(0);
  });

  it('a line of the other dialect gets a hint and a quick fix that adds the directive; then the errors go away', async () => {
    const uri = testUri('dialect/quickfix.mm');
    const text = 'vm config memory 1024\nvm top\nns queueing true\n';
    const got = await client.open(uri, text);
    const hints = got.diagnostics.filter((d) => d.code === 'match/other-dialect');
    expect(hints.map((d) => d.range.start.line)).toEqual([1, 2]);
    expect(hints[0]!.message).toContain('3.1');
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: hints[0]!.range,
      context: { diagnostics: [hints[0]!] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.title.includes('# minimega: 3.1'));
    expect(fix?.kind).toBe('quickfix');
    const edits = fix!.edit!.changes![uri] as TextEdit[];
    expect(edits).toEqual([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# minimega: 3.1\n' }]);
    const after = await client.change(uri, [{ range: edits[0]!.range, text: edits[0]!.newText }]);
    expect(after.diagnostics).toEqual([]);
  });

  it('hover says when a command differs between the dialects, in both directions', async () => {
    const v31 = testUri('dialect/hover31.mm');
    const v23 = testUri('dialect/hover23.mm');
    await client.open(v31, '# minimega: 3.1\nvm launch kvm a\nvm top\n');
    await client.open(v23, 'vm launch kvm a\n');
    expect(await hoverText(v31, 1, 4)).toMatch(/since minimega 2\.3/);
    expect(await hoverText(v31, 2, 4)).toMatch(/New since minimega 2\.3/);
    expect(await hoverText(v23, 0, 4)).toMatch(/In minimega 3\.1/);
  });

  it('minimega/dialect says which dialect a document is read as and what chose it (the status bar asks it)', async () => {
    const ask = (uri: string) => client.connection.sendRequest('minimega/dialect', { uri });
    const marked = testUri('dialect/info-marked.mm');
    const plain = testUri('dialect/info-plain.mm');
    await client.open(marked, '# minimega: 3.1\nvm top\n');
    await client.open(plain, 'vm info\n');
    expect(await ask(marked)).toEqual({ version: '3.1', name: '3.1', imported: false, source: 'directive', directive: true });
    expect(await ask(plain)).toEqual({ version: '2.3', name: '2.3', imported: false, source: 'default', directive: false });
    expect(await ask(testUri('dialect/not-open.mm'))).toBeNull();
    // The directive is the first line, ended by CR LF as by LF, or by the end of the text.
    for (const [name, text] of [
      ['crlf', '# minimega: 3.1\r\nvm top\r\n'],
      ['alone', '# minimega: 3.1'],
    ]) {
      const uri = testUri(`dialect/info-${name}.mm`);
      await client.open(uri, text!);
      expect(await ask(uri)).toEqual({ version: '3.1', name: '3.1', imported: false, source: 'directive', directive: true });
    }
  });
});
