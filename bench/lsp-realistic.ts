/**
 * The language server on a realistic script (`realistic-script.ts`: comments,
 * blank lines, 8% lines minimega rejects, 15% distinct lines), with all its
 * diagnostics: first diagnostics in a fresh server, then one-line edits spread
 * over the file (values changed, lines broken by a typo and mended, rejected
 * lines fixed, lines inserted, good and rejected), then completion and hover
 * on command words, arguments and rejected lines. Rows for `lsp.bench.ts`.
 */
import {
  CompletionRequest,
  DiagnosticSeverity,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  type Diagnostic,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { ms, pair, startServer, type Row, type Server } from './lsp-client.js';
import { percentile } from './report.js';
import { realisticScript, REALISTIC_SHAPE } from './realistic-script.js';

const URI = 'file:///bench/realistic.mm';

/** Lines holding an error (a line minimega rejects), by line number. */
function errorLines(diagnostics: readonly Diagnostic[]): Map<number, Diagnostic> {
  const out = new Map<number, Diagnostic>();
  for (const d of diagnostics) if (d.severity === DiagnosticSeverity.Error && !out.has(d.range.start.line)) out.set(d.range.start.line, d);
  return out;
}

/** The script as the client holds it, with the errors the server last published. */
class Script {
  errors = new Map<number, Diagnostic>();
  constructor(readonly lines: string[]) {}
  /** Whether line `i` is a command line the server accepted. */
  clean(i: number): boolean {
    const t = this.lines[i]!.trim();
    return t !== '' && !t.startsWith('#') && !t.startsWith('.') && !this.errors.has(i);
  }
  /** The first line at or after `from` (wrapping) that satisfies `ok`. */
  find(from: number, ok: (i: number) => boolean): number {
    const n = this.lines.length - 1;
    for (let k = 0; k < n; k++) {
      const i = (from + k) % n;
      if (ok(i)) return i;
    }
    throw new Error('no such line');
  }
}

/** The edit of kind `i % 5` near line `at` (inserted lines alternate good and rejected), applied to `s`'s lines; `broken` is the line the last typo went into. */
function nextEdit(s: Script, i: number, at: number, broken: number): { change: TextDocumentContentChangeEvent; broken: number; what: string } {
  const whole = (line: number, text: string): TextDocumentContentChangeEvent => {
    const change = { range: { start: { line, character: 0 }, end: { line, character: s.lines[line]!.length } }, text };
    s.lines[line] = text;
    return change;
  };
  const insert = (line: number, text: string): TextDocumentContentChangeEvent => {
    s.lines.splice(line, 0, text);
    return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: `${text}\n` };
  };
  switch (i % 5) {
    case 0: {
      const line = s.find(at, (j) => s.clean(j) && /\d/.test(s.lines[j]!));
      return { change: whole(line, s.lines[line]!.replace(/\d+/, String(2 + i))), broken, what: 'value' };
    }
    case 1: {
      // A typo in the command's first word: the line is rejected.
      const line = s.find(at, (j) => s.clean(j));
      s.lines[line] = `${s.lines[line]!.slice(0, 1)}x${s.lines[line]!.slice(1)}`;
      return { change: { range: { start: { line, character: 1 }, end: { line, character: 1 } }, text: 'x' }, broken: line, what: 'typo' };
    }
    case 2: {
      // The typo undone: the line is accepted again.
      s.lines[broken] = `${s.lines[broken]!.slice(0, 1)}${s.lines[broken]!.slice(2)}`;
      return { change: { range: { start: { line: broken, character: 1 }, end: { line: broken, character: 2 } }, text: '' }, broken: -1, what: 'mend' };
    }
    case 3: {
      const line = s.find(at, (j) => s.errors.has(j));
      return { change: whole(line, 'vm info'), broken, what: 'fix' };
    }
    default:
      return { change: insert(at, i % 10 === 4 ? `vm config memory ${1024 + i}` : `vm lanch kvm extra${i}`), broken, what: 'insert' };
  }
}

/** Where a completion or hover of kind `i % 3` asks near line `at`: a command word, an argument, or a rejected line. */
function position(s: Script, i: number, at: number): { line: number; character: number } {
  if (i % 3 === 0) return { line: s.find(at, (j) => s.clean(j)), character: 1 };
  if (i % 3 === 1) {
    const line = s.find(at, (j) => s.clean(j) && s.lines[j]!.trim().split(/\s+/).length >= 3);
    return { line, character: s.lines[line]!.lastIndexOf(' ') + 2 };
  }
  const line = s.find(at, (j) => s.errors.has(j));
  return { line, character: s.errors.get(line)!.range.start.character + 1 };
}

/** p95 of `xs` by the kind `i % 3` of their positions. */
function byKind(xs: readonly number[]): string {
  const kind = (k: number): number[] => xs.filter((_, i) => i % 3 === k);
  return `command words ${ms(percentile(kind(0), 95))}, arguments ${ms(percentile(kind(1), 95))}, rejected lines ${ms(percentile(kind(2), 95))}`;
}

/** p95 of the edits by kind. */
function byEdit(xs: readonly number[], kinds: readonly string[]): string {
  const of = (k: string): number[] => xs.filter((_, i) => kinds[i] === k);
  return [...new Set(kinds)].map((k) => `${k} ${ms(percentile(of(k), 95))}`).join(', ');
}

/** Measures the server on a realistic script of `lineCount` lines; returns the report's rows. */
export async function measureRealistic(lineCount: number): Promise<Row[]> {
  const text = realisticScript(lineCount);
  const s = new Script(text.split('\n'));
  const opens: number[] = [];
  let server: Server | undefined;
  let count = 0;
  for (let i = 0; i < 5; i++) {
    const { server: fresh } = await startServer();
    const first = fresh.diagnostics(URI, 1);
    const t = performance.now();
    await fresh.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: 'minimega', version: 1, text } });
    const d = await first;
    opens.push(performance.now() - t);
    count = d.diagnostics.length;
    s.errors = errorLines(d.diagnostics);
    if (i < 4) await fresh.stop();
    else server = fresh;
  }
  const c = server!.connection;
  const rejectedAtOpen = s.errors.size;

  // One-line edits at lines spread over the file; the published errors say where the next ones go.
  const edits: number[] = [];
  const kinds: string[] = [];
  const counts: number[] = [];
  let broken = -1;
  let last: unknown;
  const EDITS = 100;
  for (let i = 0; i < EDITS; i++) {
    const at = Math.floor(((i + 0.5) * (s.lines.length - 1)) / EDITS);
    const edit = nextEdit(s, i, at, broken);
    broken = edit.broken;
    const version = 2 + i;
    const t = performance.now();
    const p = server!.diagnostics(URI, version);
    await c.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: URI, version }, contentChanges: [edit.change] });
    const d = await p;
    edits.push(performance.now() - t);
    last = d;
    kinds.push(edit.what);
    counts.push(d.diagnostics.length);
    s.errors = errorLines(d.diagnostics);
  }

  const positions = Array.from({ length: 300 }, (_, i) => position(s, i, Math.floor((i * (s.lines.length - 1)) / 300)));
  await c.sendRequest(CompletionRequest.type, { textDocument: { uri: URI }, position: positions[0]! });
  await c.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: positions[0]! });
  const completions: number[] = [];
  const hovers: number[] = [];
  for (const p of positions) {
    let t = performance.now();
    await c.sendRequest(CompletionRequest.type, { textDocument: { uri: URI }, position: p });
    completions.push(performance.now() - t);
    t = performance.now();
    await c.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: p });
    hovers.push(performance.now() - t);
  }
  // Every version's diagnostics are published once (a second list of 2,000 would double the cost of an edit).
  const publications = [...server!.publications(URI).values()];
  const once = publications.length === EDITS + 1 && publications.every((n) => n === 1);
  await server!.stop();

  const open = percentile(opens, 50);
  const each = opens.map((x) => x.toFixed(0)).join(', ');
  const pct = (x: number): string => `${Math.round(x * 100)}%`;
  const shape = `realistic ${lineCount.toLocaleString('en')} lines: ${pct(REALISTIC_SHAPE.rejected)} rejected, ${pct(REALISTIC_SHAPE.comments)} comments, ${pct(REALISTIC_SHAPE.blank)} blank, ${pct(REALISTIC_SHAPE.distinct)} distinct`;
  const edit95 = percentile(edits, 95);
  const firstEdits = edits
    .slice(0, 5)
    .map((x) => x.toFixed(0))
    .join(', ');
  // What every edit's figure includes on the client's side: reading one version's list (JSON.parse in this process, warm).
  const json = JSON.stringify(last);
  const parses: number[] = [];
  for (let i = 0; i < 21; i++) {
    const t = performance.now();
    JSON.parse(json);
    parses.push(performance.now() - t);
  }
  const comp95 = percentile(completions, 95);
  const hover95 = percentile(hovers, 95);
  return [
    [
      `${shape}: first diagnostics after open (${count} diagnostics published, ${rejectedAtOpen} lines with an error; fresh server), median of 5 (${each})`,
      ms(open),
      '< 150 ms',
      open < 150,
    ],
    [
      `realistic: diagnostics after a one-line edit (${EDITS} edits spread over the file: values, typos made and mended, rejected lines fixed, lines inserted; ${Math.min(...counts)}-${Math.max(...counts)} diagnostics each; p95 ${byEdit(edits, kinds)}; the first 5, code running for the first time: ${firstEdits} ms), p50 / p95`,
      pair(edits, 50, 95),
      '< 15 ms',
      edit95 < 15,
    ],
    [
      `of which, on the client's side: JSON.parse of one version's diagnostics (${Math.round(json.length / 1024)} KB; median of 21, warm)`,
      ms(percentile(parses, 50)),
      '',
      undefined,
    ],
    [
      `realistic: diagnostics publications per document version (open and ${EDITS} edits)`,
      once ? 'once each' : `${publications.join(', ')} (${publications.length} versions)`,
      'once each',
      once,
    ],
    [`realistic: completion latency (300 requests; p95 ${byKind(completions)}), p50 / p95`, pair(completions, 50, 95), 'p95 < 5 ms', comp95 < 5],
    [`realistic: hover latency (300 requests; p95 ${byKind(hovers)}), p50 / p95`, pair(hovers, 50, 95), 'p95 < 5 ms', hover95 < 5],
  ];
}
