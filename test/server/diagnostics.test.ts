import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidChangeConfigurationNotification, type Diagnostic } from 'vscode-languageserver-protocol';
import { MM_CJS, startServer, type TestClient } from './helpers/lsp-client.js';
import { suiteScriptDir } from './helpers/files.js';
import { fixture, testUri } from './helpers/fixture.js';

// Made before the server starts, removed after it has stopped (suiteTempDir).
const dir = suiteScriptDir({ 'lib/common.mm': 'vm config memory 1024\n' });
let client: TestClient;
beforeAll(async () => {
  client = await startServer();
});
afterAll(async () => {
  await client.stop();
});

function brief(d: Diagnostic): string {
  const r = d.range;
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.severity} ${d.code}`;
}

describe('diagnostics', () => {
  it('lexing errors, unknown commands, bad arguments, ambiguity and bad values, each on its word', async () => {
    const f = fixture(
      [
        'vm config hostname <|"abc|>',
        '<|bogus|> thing',
        'vm config <|memry|> 10',
        'vm <|s|> foo',
        'vm config serial <|x|>',
        'vm launch kvm <|foo[1-2]x|>',
        'echo <|\\q|>',
        'vm info # fine',
      ].join('\n'),
    );
    const uri = testUri('diag-basic.mm');
    const got = await client.open(uri, f.text);
    expect(got.diagnostics.map(brief)).toEqual([
      `0:19-0:23 1 lex/missing-terminal`,
      `1:0-1:5 1 match/unknown-command`,
      `2:10-2:15 1 match/bad-arguments`,
      `3:3-3:4 1 match/ambiguous`,
      `4:17-4:18 1 value/integer`,
      `5:14-5:23 1 value/vm-names`,
      `6:5-6:7 1 lex/unexpected-escape`,
    ]);
    got.diagnostics.forEach((d, i) => {
      expect(d.range).toEqual(f.ranges[i]);
    });
    expect(got.diagnostics[0]!.message).toBe('missing terminal " (a quote opened here is never closed on this line)');
    expect((got.diagnostics[0]!.data as { minicli: string }).minicli).toBe('missing terminal "');
    expect(got.diagnostics.every((d) => d.source === 'mm')).toBe(true);
    expect(got.version).toBe(1);
  });

  it('suggests the closest command or keyword in the message and in data.suggestion', async () => {
    const uri = testUri('diag-suggest.mm');
    const got = await client.open(uri, 'namespce foo\nvm config memry 10\n');
    expect(got.diagnostics.map((d) => (d.data as { suggestion?: string }).suggestion)).toEqual(['namespace', 'memory']);
    expect(got.diagnostics[0]!.message).toContain('did you mean `namespace`?');
  });

  it('findings of a line published again after an edit are whole (data, source, ranges), and move with their line', async () => {
    const uri = testUri('diag-again.mm');
    const opened = await client.open(uri, 'namespce foo\nvm config memry 10\n');
    expect(opened.diagnostics).toHaveLength(2);
    // An edit elsewhere: the same findings, field for field.
    const same = await client.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'vm info\n' }]);
    expect(same.version).toBe(2);
    expect(same.diagnostics).toEqual(opened.diagnostics);
    // A line inserted above: the same findings one line down.
    const down = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# top\n' }]);
    const moved = opened.diagnostics.map((d) => ({
      ...d,
      range: { start: { ...d.range.start, line: d.range.start.line + 1 }, end: { ...d.range.end, line: d.range.end.line + 1 } },
    }));
    expect(down.diagnostics).toEqual(moved);
    // And back: the first findings again.
    const up = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' }]);
    expect(up.diagnostics).toEqual(opened.diagnostics);
  });

  it('edits the script checks pass over keep their findings; edits they read, and moved lines, change them', async () => {
    const uri = dir.uri('edits.mm');
    const text = ['vm config memory 1024', 'vm launch kvm a', 'vm config vcpus 2', 'vm launch kvm a', 'read lib/later.mm', ''].join('\n');
    const codes = (ds: readonly Diagnostic[]): string[] => ds.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`);
    const opened = await client.open(uri, text);
    expect(codes(opened.diagnostics)).toEqual(['3:14 script/duplicate-launch', '4:5 script/read-missing-file']);
    // A value edited between the launches: the same findings.
    const value = await client.change(uri, [{ range: { start: { line: 2, character: 16 }, end: { line: 2, character: 17 } }, text: '4' }]);
    expect(value.diagnostics).toEqual(opened.diagnostics);
    // A value line becomes a launch of the same name: a new finding, and line 3's names line 2 now.
    const launch = await client.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 17 } }, text: 'vm launch kvm a' }]);
    expect(codes(launch.diagnostics)).toEqual(['2:14 script/duplicate-launch', '3:14 script/duplicate-launch', '4:5 script/read-missing-file']);
    expect(launch.diagnostics[1]!.message).toContain('(line 3)');
    // And back to a value: the finding on line 2 goes, and line 3's names line 1 again.
    const back = await client.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 15 } }, text: 'vm config vcpus 2' }]);
    expect(back.diagnostics).toEqual(opened.diagnostics);
    // A comment line inserted before the launches moves them: the findings move with them.
    const moved = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# top\n' }]);
    expect(codes(moved.diagnostics)).toEqual(['4:14 script/duplicate-launch', '5:5 script/read-missing-file']);
    expect(moved.diagnostics[0]!.message).toContain('(line 3)');
  });

  it('script-level checks are warnings with their own codes', async () => {
    const uri = dir.uri('main.mm');
    const text = [
      'vm launch',
      'nsmod add-host a',
      'namespace ns',
      'vm launch kvm a',
      'vm launch kvm a',
      'vm launch',
      'read lib/common.mm',
      'read lib/missing.mm',
    ].join('\n');
    const got = await client.open(uri, text);
    expect(got.diagnostics.map(brief)).toEqual([
      '0:0-0:9 2 script/launch-without-queue',
      '1:0-1:16 2 script/nsmod-without-namespace',
      '4:14-4:15 2 script/duplicate-launch',
      '5:0-5:9 2 script/namespace-without-hosts',
      '7:5-7:19 2 script/read-missing-file',
    ]);
  });

  it('equals `mm check --format json` on the same file', async () => {
    const text = [
      '# a script',
      'vm config net dmz a,b,c,d,e',
      'vm launch kvm web[1-2]',
      'vm start web3',
      'bogus',
      'read nothere.mm',
      'namespace a',
      'vm launch',
      'vm i',
    ].join('\n');
    const file = dir.write('same.mm', text);
    const fromServer = (await client.open(dir.uri('same.mm'), text)).diagnostics;
    let out = '';
    try {
      out = execFileSync(process.execPath, [MM_CJS, 'check', '--format', 'json', file], { encoding: 'utf8' });
    } catch (e) {
      out = (e as { stdout: string }).stdout;
    }
    const fromCli = JSON.parse(out) as { range: unknown; severity: string; code: string; message: string }[];
    const sev = ['', 'error', 'warning', 'info', 'hint'];
    expect(fromServer.map((d) => ({ range: d.range, severity: sev[d.severity!], code: d.code, message: d.message }))).toEqual(
      fromCli.map((d) => ({ range: d.range, severity: d.severity, code: d.code, message: d.message })),
    );
    expect(fromCli.length).toBeGreaterThan(3);
  });

  it('closing a document clears its diagnostics', async () => {
    const uri = testUri('diag-close.mm');
    expect((await client.open(uri, 'bogus\n')).diagnostics).toHaveLength(1);
    expect((await client.close(uri)).diagnostics).toEqual([]);
  });
});

describe('settings (workspace/configuration, initializationOptions)', () => {
  it('initializationOptions hold when the client has no configuration for the section', async () => {
    const other = await startServer({ initializationOptions: { minimega: { checks: { severity: 'hint' } } } });
    const d = await other.open(testUri('init-options.mm'), 'nsmod add-host a\n');
    expect(d.diagnostics.map((x) => x.severity)).toEqual([4]);
    await other.stop();
  });

  it('minimega.checks.severity changes the script-level checks, then turns them off', async () => {
    const uri = testUri('settings.mm');
    const text = 'nsmod add-host a\nbogus\n';
    expect((await client.open(uri, text)).diagnostics.map((d) => d.severity)).toEqual([2, 1]);
    client.settings = { checks: { severity: 'error' } };
    let next = client.diagnostics(uri);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    expect((await next).diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['script/nsmod-without-namespace', 1],
      ['match/unknown-command', 1],
    ]);
    client.settings = { checks: { severity: 'off' } };
    next = client.diagnostics(uri);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    expect((await next).diagnostics.map((d) => d.code)).toEqual(['match/unknown-command']);
    client.settings = {};
    next = client.diagnostics(uri);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    expect((await next).diagnostics.map((d) => d.severity)).toEqual([2, 1]);
  });
});

describe('checks the docs promise (queues, columns, values taken at launch)', () => {
  const lineCodes = (ds: readonly Diagnostic[]): string[] => ds.map((d) => `${d.range.start.line} ${d.severity} ${d.code}`);

  it('a queue never launched, and a VM command on a VM that is only queued', async () => {
    const uri = testUri('diag-queue.mm');
    const got = await client.open(uri, 'namespace lab\nnsmod add-host localhost\nvm launch kvm router\nvm start router\n');
    expect(lineCodes(got.diagnostics)).toEqual(['2 2 script/queue-never-launched', '3 2 script/queued-not-launched']);
    const start = got.diagnostics[1]!;
    expect(start.message).toContain('vm not found');
    expect(start.range).toEqual({ start: { line: 3, character: 9 }, end: { line: 3, character: 15 } });
    // Launching the queue first makes both go away.
    const fixed = await client.change(uri, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'vm launch\n' }]);
    expect(fixed.diagnostics).toEqual([]);
  });

  it('.columns with host, which annotation adds only when printing', async () => {
    const got = await client.open(testUri('diag-columns.mm'), '.columns name,host vm info\n.columns name,state vm info\n');
    expect(lineCodes(got.diagnostics)).toEqual(['0 2 value/columns']);
    expect(got.diagnostics[0]!.message).toContain('no such column `host`');
  });

  it('vm config memory lots: a warning in 2.3 (it fails at launch), an error in 3.1 (refused at once)', async () => {
    const v23 = await client.open(testUri('diag-memory23.mm'), 'vm config memory lots\n');
    expect(lineCodes(v23.diagnostics)).toEqual(['0 2 launch/value']);
    expect(v23.diagnostics[0]!.message).toContain('launching a VM with it fails');
    const v31 = await client.open(testUri('diag-memory31.mm'), '# minimega: 3.1\nvm config memory lots\n');
    expect(lineCodes(v31.diagnostics)).toEqual(['1 1 value/unsigned']);
    expect(v31.diagnostics[0]!.message).toBe('strconv.ParseUint: parsing "lots": invalid syntax');
  });
});
