/**
 * An imported command set in the editor, over stdio: a script whose first
 * line names a command set file (relative to the script), and the
 * `minimega.dialect` setting naming one. The set is the shared 3.1 catalog's
 * patterns as a `-cli` output plus invented commands, imported as from a
 * minimega 3.2.0 binary.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CompletionRequest,
  DidChangeConfigurationNotification,
  HoverRequest,
  SemanticTokensRequest,
  SignatureHelpRequest,
  type CompletionList,
  type MarkupContent,
} from 'vscode-languageserver-protocol';
import { createCommandSet, writeCommandSet } from '../../language/index.js';
import { dumpHandler, dumpOfSharedCatalog, dumpText } from '../helpers/cli-dumps.js';
import { hasShared } from '../helpers/shared.js';
import { startServer, type TestClient } from './helpers/lsp-client.js';
import { suiteTempDir } from '../helpers/temp-dir.js';

let client: TestClient;
const dir = suiteTempDir('mm-lsp-import-');
const uri = (name: string): string => pathToFileURL(join(dir, name)).href;

beforeAll(async () => {
  if (hasShared) {
    const handlers = [
      ...dumpOfSharedCatalog('3.1'),
      dumpHandler(['frobnicate <widget> [count]'], 'frobnicate widgets', 'Frobnicate a widget count times.\nWidgets are *never* harmed.'),
    ];
    const set = createCommandSet(handlers, { minimegaVersion: '3.2.0', versionLine: 'minimega 3.2.0 abc 2026-11-30' });
    writeFileSync(join(dir, 'site.json'), writeCommandSet(set));
  }
  client = await startServer({ cwd: dir });
});
afterAll(async () => {
  await client.stop();
});

async function hoverText(u: string, line: number, character: number): Promise<string> {
  const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: u }, position: { line, character } });
  return (h?.contents as MarkupContent | undefined)?.value ?? '';
}

describe.skipIf(!hasShared)('an imported command set in the language server', () => {
  it('a first line naming the file: its commands are checked, completed, helped and hovered', async () => {
    const u = uri('site.mm');
    const got = await client.open(u, '# minimega: site.json\nfrobnicate w1 7\nvm launch kvm a\nfrob\nvm top\n');
    expect(got.diagnostics.map((d) => `${d.range.start.line} ${d.code}`)).toEqual(['3 match/bad-arguments']);
    const items = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: u },
      position: { line: 3, character: 4 },
    })) as CompletionList;
    expect(items.items.map((i) => i.label)).toContain('frobnicate');
    const hover = await hoverText(u, 1, 3);
    expect(hover).toContain('frobnicate widgets');
    expect(hover).toContain('Help from minimega 3.2.0:');
    expect(hover).toContain('> Widgets are \\*never\\* harmed.');
    expect(hover).toContain('category unknown');
    // A command the built-in 3.1 dialect has keeps its facts, and shows the binary's help too.
    const launch = await hoverText(u, 2, 4);
    expect(launch).toMatch(/\*broadcast\*|\*local\*|\*vmtarget\*|\*special\*|handles namespaces/);
    expect(launch).not.toContain('category unknown');
    const sig = await client.connection.sendRequest(SignatureHelpRequest.type, { textDocument: { uri: u }, position: { line: 1, character: 14 } });
    expect(sig?.signatures.map((s) => s.label)).toContain('frobnicate <widget> [count]');
    // Semantic tokens colour the imported command's words (line 1), as for any matched command.
    const data = (await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: u } }))!.data;
    const lines: number[] = [];
    for (let i = 0, at = 0; i < data.length; i += 5) lines.push((at += data[i]!));
    expect(lines).toContain(1);
    const reference = (await client.connection.sendRequest('minimega/importedReference', { uri: u })) as string;
    expect(reference.startsWith('# Commands of minimega 3.2.0 (imported)\n')).toBe(true);
    expect(reference).toContain('## `frobnicate`');
    const info = await client.connection.sendRequest('minimega/dialect', { uri: u });
    expect(info).toEqual({ version: '3.1', name: 'the command set of minimega 3.2.0', imported: true, source: 'directive', directive: true });
  });

  it('a first line naming a missing file: one error there, the file read in the default dialect', async () => {
    const u = uri('missing.mm');
    const got = await client.open(u, '# minimega: nowhere.json\nvm info\n');
    expect(got.diagnostics).toHaveLength(1);
    expect(got.diagnostics[0]).toMatchObject({
      code: 'dialect/command-set-file',
      severity: 1,
      range: { start: { line: 0, character: 12 }, end: { line: 0, character: 24 } },
    });
    expect(got.diagnostics[0]!.message).toMatch(/nowhere\.json: no such file or directory/);
    // Read in a built-in dialect: no imported reference.
    expect(await client.connection.sendRequest('minimega/importedReference', { uri: u })).toBeNull();
  });

  it('the minimega.dialect setting naming the file', async () => {
    const u = uri('plain.mm');
    expect((await client.open(u, 'frobnicate w1\n')).diagnostics.length).toBe(1);
    client.settings = { dialect: join(dir, 'site.json') };
    const next = client.diagnostics(u);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    expect((await next).diagnostics).toEqual([]);
    expect(await client.connection.sendRequest('minimega/dialect', { uri: u })).toMatchObject({ imported: true, source: 'setting' });
  });

  it('minimega/importCommandSet imports a saved -cli output for the editor command, or says why not', async () => {
    writeFileSync(join(dir, 'dump.json'), dumpText(dumpOfSharedCatalog('2.3')));
    const output = join(dir, 'editor-set.json');
    const ok = await client.connection.sendRequest('minimega/importCommandSet', { json: join(dir, 'dump.json'), output });
    expect(ok).toMatchObject({ ok: true, notes: [] });
    expect((ok as { summary: string }).summary).toContain('same patterns in the same order as the built-in 2.3 dialect');
    expect(JSON.parse(readFileSync(output, 'utf8'))).toMatchObject({ format: 'mm-command-set/1', sameAs: '2.3', useBuiltin: true });
    writeFileSync(join(dir, 'not-a-dump.json'), '{"hello": 1}');
    const bad = await client.connection.sendRequest('minimega/importCommandSet', { json: join(dir, 'not-a-dump.json'), output: join(dir, 'never.json') });
    expect(bad).toEqual({ ok: false, error: `${join(dir, 'not-a-dump.json')}: not the output of minimega -cli: expected a JSON array of handler objects` });
    expect(existsSync(join(dir, 'never.json'))).toBe(false);
    const relative = await client.connection.sendRequest('minimega/importCommandSet', { json: 'dump.json', output });
    expect(relative).toMatchObject({ ok: false });
  });
});
