/**
 * Random edits: thousands of seeded insertions and deletions sent as
 * incremental changes. The server must never crash and its diagnostics must
 * always equal `mm check`'s on the same text (in process after every edit,
 * through the real CLI at the end of each run).
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Position, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { MM_CJS, startServer, type TestClient } from './helpers/lsp-client.js';
import { checkDiagnostics, comparable } from './helpers/expected.js';
import { suiteScriptDir } from './helpers/files.js';

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function createRandom(seed: number): { int(n: number): number; pick<T>(xs: readonly T[]): T } {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (n) => Math.floor(next() * n), pick: (xs) => xs[Math.floor(next() * xs.length)]! };
}

const SNIPPETS = [
  'vm',
  ' ',
  ' ',
  '\n',
  '\n',
  'config',
  'launch',
  'kvm',
  'web[1-3]',
  'a,b',
  'namespace',
  'ns1',
  'nsmod',
  'add-host',
  'info',
  'start',
  'all',
  'memory',
  '2048',
  'net',
  'dmz',
  '100,de:ad:be:ef:00:01',
  '.alias x=vm info\n',
  'x',
  '.unalias x\n',
  '.columns name',
  'read a.mm',
  'read b.mm',
  '"',
  "'",
  '#',
  '\\',
  '\\n',
  '\t',
  'é',
  '😀',
  'vm launch\n',
  'vlans add dmz 200\n',
  'tap create dmz name t0\n',
  'vm config save base\n',
  'clear namespace\n',
  'foo[',
  ']',
  '=',
  '-1',
  'x'.repeat(40),
];

const SEED_TEXT = [
  '# a script',
  'vm config memory 2048',
  'vm config net dmz 100',
  '.alias go=vm start',
  'namespace ns1',
  'nsmod add-host localhost',
  'vm launch kvm web[1-3]',
  'vm launch',
  'go all',
  'read a.mm',
  'clear namespace',
  'vm launch kvm web1',
  '',
].join('\n');

/**
 * A generated script, as tools write them: few line shapes, many lines of
 * each, numbers everywhere (lines of a shape seen before are built when read
 * by the server), with duplicate launches, bad values and bad VLANs here and there.
 */
function generatedText(experiments: number): string {
  const out: string[] = [];
  for (let i = 0; i < experiments; i++) {
    out.push(
      `# experiment ${i}`,
      `namespace exp${i}`,
      `nsmod add-host node[${1 + (i % 4)}-${5 + (i % 4)}]`,
      `vm config memory ${512 * (1 + (i % 8))}`,
      `vm config vcpus ${i % 4 === 0 ? `x${i}` : 1 + (i % 4)}`,
      `vm config net lan${i} dmz${i % 3},00:11:22:33:${(i % 256).toString(16).padStart(2, '0')}:01`,
      `vm launch kvm web${i % 7}-[1-${1 + (i % 3)}]`,
      `vm launch container db${i}`,
      `vm launch kvm ${i % 3}`,
      'vm launch',
      `vlans add lan${i} ${100 + i * 150}`,
      `vm start web${i % 7}-1,db${i}`,
      `namespace exp${i} vm launch container db${i % 5 === 0 ? i : i + 1000}`,
      `namespace exp${i} vm stop all`,
      'clear namespace',
    );
  }
  return out.join('\n') + '\n';
}

/** Where an offset falls, in LSP terms (no CR in these texts). */
function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/**
 * Replaces [start, end) of `text` with `insert` in the server's copy and
 * checks that its diagnostics equal `mm check`'s on the new text; returns it.
 */
async function editAndCompare(uri: string, text: string, start: number, end: number, insert: string, step: number): Promise<string> {
  const change: TextDocumentContentChangeEvent = {
    range: { start: positionAt(text, start), end: positionAt(text, end) },
    text: insert,
  };
  const next = text.slice(0, start) + insert + text.slice(end);
  const got = await client.change(uri, [change]);
  const want = checkDiagnostics(next, dir.path);
  const same = JSON.stringify(got.diagnostics.map(comparable)) === JSON.stringify(want);
  if (!same) {
    expect({ step, text: next, diagnostics: got.diagnostics.map(comparable) }).toEqual({ step, text: next, diagnostics: want });
  }
  return next;
}

// Made before the server starts, removed after it has stopped (suiteTempDir).
const dir = suiteScriptDir({ 'a.mm': 'vm launch kvm db\n' });
let client: TestClient;
beforeAll(async () => {
  client = await startServer();
});
afterAll(async () => {
  await client.stop();
});

describe('random edits of a generated script', () => {
  for (const seed of [4, 5]) {
    it(`seed ${seed}: 250 edits of digits and words, diagnostics always equal mm check`, async () => {
      const random = createRandom(seed);
      const uri = dir.uri(`generated-${seed}.mm`);
      let text = generatedText(30);
      const opened = await client.open(uri, text);
      expect(opened.diagnostics.map(comparable)).toEqual(checkDiagnostics(text, dir.path));
      expect(opened.diagnostics.length).toBeGreaterThan(10);
      for (let step = 0; step < 250; step++) {
        // Mostly a digit changed or added (the line keeps or changes its shape), else a snippet.
        let start = random.int(text.length);
        let end = start;
        let insert: string;
        const op = random.int(10);
        if (op < 6) {
          while (start < text.length && !/[0-9]/.test(text[start]!)) start++;
          end = Math.min(text.length, start + 1);
          insert = String(random.int(10));
        } else if (op < 8) insert = String(random.int(10));
        else insert = random.pick(SNIPPETS);
        text = await editAndCompare(uri, text, start, end, insert, step);
      }
      expect(client.stderr()).toBe('');
    });
  }
});

describe('random edits', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: 700 edits, diagnostics always equal mm check`, async () => {
      const random = createRandom(seed);
      const uri = dir.uri(`random-${seed}.mm`);
      let text = SEED_TEXT;
      await client.open(uri, text);
      for (let step = 0; step < 700; step++) {
        let start = random.int(text.length + 1);
        let end = start;
        let insert = '';
        const op = random.int(10);
        if (op < 5) insert = random.pick(SNIPPETS);
        else if (op < 9) end = Math.min(text.length, start + 1 + random.int(op === 8 ? 80 : 6));
        else {
          // Replace a whole line range with snippets.
          end = Math.min(text.length, start + random.int(30));
          insert = random.pick(SNIPPETS) + random.pick(SNIPPETS);
        }
        if (text.length > 3000) [start, end, insert] = [0, 1500, ''];
        text = await editAndCompare(uri, text, start, end, insert, step);
      }
      // The real CLI on the final text.
      const file = dir.write(`random-${seed}.mm`, text);
      let out: string;
      try {
        out = execFileSync(process.execPath, [MM_CJS, 'check', '--format', 'json', file], { encoding: 'utf8' });
      } catch (e) {
        out = (e as { stdout: string }).stdout;
      }
      const sev: Record<string, number> = { error: 1, warning: 2, info: 3, hint: 4 };
      const cli = (JSON.parse(out) as { range: unknown; severity: string; code: string; message: string }[]).map((d) => ({
        range: d.range,
        severity: sev[d.severity],
        code: d.code,
        message: d.message,
      }));
      const last = await client.change(uri, []);
      expect(last.diagnostics.map(comparable)).toEqual(cli);
      expect(client.child.exitCode).toBeNull();
      expect(client.stderr()).toBe('');
    });
  }
});
