/**
 * The language server's size limits, over stdio: at most
 * MAX_PUBLISHED_DIAGNOSTICS problems a document (one more says how many are
 * left out), no parsing of a document longer than MAX_DOCUMENT_LINES
 * (one problem says why) until an edit brings it under the limit, and at
 * most MAX_INDEXED_RANGE_NAMES names of ranges in a document's names index.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HoverRequest, PrepareRenameRequest, ReferencesRequest, SemanticTokensRequest } from 'vscode-languageserver-protocol';
import { startServer, type TestClient } from './helpers/lsp-client.js';
import { testUri } from './helpers/fixture.js';
import { MAX_PUBLISHED_DIAGNOSTICS } from '../../server/analysis.js';
import { MAX_DOCUMENT_LINES } from '../../server/documents.js';

let client: TestClient;
beforeAll(async () => {
  client = await startServer();
});
afterAll(async () => {
  await client.stop();
});

describe('language server limits', () => {
  it('publishes at most the limit of problems, and one more naming how many are left out', async () => {
    const extra = 1234;
    // Distinct rejected lines, a comment between some: every rejected line is one problem.
    const lines: string[] = [];
    for (let i = 0; lines.length < MAX_PUBLISHED_DIAGNOSTICS + extra + 500; i++) lines.push(i % 20 === 7 ? `# note ${i}` : `vm lanch kvm x${i}`);
    const rejected = lines.filter((l) => !l.startsWith('#')).length;
    const uri = testUri('limits/many.mm');
    const got = await client.open(uri, `${lines.join('\n')}\n`);
    expect(got.diagnostics).toHaveLength(MAX_PUBLISHED_DIAGNOSTICS + 1);
    const shown = got.diagnostics.slice(0, MAX_PUBLISHED_DIAGNOSTICS);
    expect(new Set(shown.map((d) => d.code))).toEqual(new Set(['match/bad-arguments']));
    const last = got.diagnostics[MAX_PUBLISHED_DIAGNOSTICS]!;
    expect(last.code).toBe('input/too-many-problems');
    expect(last.severity).toBe(3);
    expect(last.message).toContain(`${rejected - MAX_PUBLISHED_DIAGNOSTICS} more problems`);
    // It stands where the first problem left out is: the line after the last one shown.
    const firstLeftOut = lines.findIndex((l, i) => i > shown[shown.length - 1]!.range.start.line && !l.startsWith('#'));
    expect(last.range.start.line).toBe(firstLeftOut);
    // An edit that fixes a shown line lets one more in.
    const fixed = await client.change(uri, [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 8 } }, text: 'launch' }]);
    expect(fixed.diagnostics).toHaveLength(MAX_PUBLISHED_DIAGNOSTICS + 1);
    expect(fixed.diagnostics[MAX_PUBLISHED_DIAGNOSTICS]!.message).toContain(`${rejected - 1 - MAX_PUBLISHED_DIAGNOSTICS} more problems`);
  });

  it('lists the names of short ranges, leaves out those past the names limit, and refuses renames they may hold', async () => {
    // Fuzz seed 1 #836: each of these lines made the server build a million name sites for any
    // name request or colouring, and keep them; twelve ran it out of memory.
    const lines = Array.from({ length: 12 }, (_, i) => `vm kill a${i}x[1-1000000]`);
    lines.push('vm launch kvm web[1-3]', 'vm start web2,a3x7');
    const uri = testUri('limits/ranges.mm');
    await client.open(uri, `${lines.join('\n')}\n`);
    const at = (line: number, character: number) => ({ textDocument: { uri }, position: { line, character }, context: { includeDeclaration: true } });
    const refs = await client.connection.sendRequest(ReferencesRequest.type, at(13, 10));
    expect(refs!.map((r) => r.range.start)).toEqual([
      { line: 12, character: 14 },
      { line: 13, character: 9 },
    ]);
    // a3x7 is one of the names of line 3's range, which the index left out: its mentions are not all known.
    expect((await client.connection.sendRequest(ReferencesRequest.type, at(13, 15)))!.map((r) => r.range.start.line)).toEqual([13]);
    const refused = await client.connection.sendRequest(PrepareRenameRequest.type, at(13, 15)).then(
      () => '',
      (e: Error) => e.message,
    );
    expect(refused).toBe('"a3x7" may be one of the names of a range too long to follow (this file); rename by hand');
    const hover = await client.connection.sendRequest(HoverRequest.type, at(12, 16));
    expect(JSON.stringify(hover)).toContain('**VMs `web[1-3]`**: `web1`, `web2`, `web3`');
    // Each range is coloured once, as a name: five numbers a token.
    const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    expect(tokens!.data.length / 5).toBe(12 * 3 + 4 + 4);
  });

  it('does not parse a document longer than the limit, says so, and parses it once an edit shortens it', async () => {
    const uri = testUri('limits/long.mm');
    // Two lines over: the first is a rejected line whose problem shows once the document is read.
    const text = `vm lanch kvm a\n${'vm info\n'.repeat(MAX_DOCUMENT_LINES)}`;
    const got = await client.open(uri, text);
    expect(got.diagnostics).toHaveLength(1);
    expect(got.diagnostics[0]!.code).toBe('input/document-too-long');
    expect(got.diagnostics[0]!.message).toContain(`${MAX_DOCUMENT_LINES + 2} lines`);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 1 } });
    expect(hover).toBeNull();
    // Still too long after an edit of one line.
    const edited = await client.change(uri, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: 'x' }]);
    expect(edited.diagnostics.map((d) => d.code)).toEqual(['input/document-too-long']);
    // Two lines fewer: read again, the problems of the rejected first line and of the edited one show.
    const shorter = await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 3, character: 0 } }, text: '' }]);
    expect(shorter.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([
      ['match/bad-arguments', 0],
      ['match/unknown-command', 3],
    ]);
    const hoverAfter = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 1 } });
    expect(hoverAfter).not.toBeNull();
    // And dropped again when it grows over the limit.
    const longer = await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'vm info\nvm info\n' }]);
    expect(longer.diagnostics.map((d) => d.code)).toEqual(['input/document-too-long']);
    // The whole text replaced by a short one: read again.
    const replaced = await client.change(uri, [{ text: 'vm info\nvm lanch kvm b\n' }]);
    expect(replaced.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['match/bad-arguments', 1]]);
    // A paste that takes a short document over the limit, and a dialect switch while too long.
    const pasted = await client.change(uri, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# minimega: 3.1\n'.concat('vm info\n'.repeat(MAX_DOCUMENT_LINES)) },
    ]);
    expect(pasted.diagnostics.map((d) => d.code)).toEqual(['input/document-too-long']);
    const switched = await client.change(uri, [{ range: { start: { line: 0, character: 13 }, end: { line: 0, character: 15 } }, text: '2.3' }]);
    expect(switched.diagnostics.map((d) => d.code)).toEqual(['input/document-too-long']);
  });
});
