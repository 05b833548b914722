/**
 * `mm run` writes big tables in chunks as it renders them (docs/performance.md,
 * Runtime). Through a child process on real files and pipes: the text must be
 * whole, aligned and sorted, trimmed as one text would be, and the same for a
 * reader too slow to keep up.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mmBin } from '../helpers/mm-cli.js';
import { suiteTempDir } from '../helpers/temp-dir.js';

/** Far more text than one chunk (64 K characters): a `vm info` line is about 400. */
const VMS = 20_000;

/** A directory for the tests of the current describe block (suiteTempDir), holding `s.mm` from before their first test. */
function suiteScriptDir(text: string): string {
  const dir = suiteTempDir('mm-stream-');
  beforeAll(() => writeFileSync(join(dir, 's.mm'), text));
  return dir;
}

/** Longest a beforeAll below may take: its `mm run` (spawnSync's own deadline is 60 s) blocks, and vitest fails a sync hook that took longer than its timeout. */
const RUN_HOOK_TIMEOUT_MS = 120_000;

interface FileRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `mm run ARGS` with stdout to a real file, as `mm run x.mm > out` does. */
function runToFile(dir: string, args: readonly string[]): FileRun {
  const outPath = join(dir, 'out.txt');
  const out = openSync(outPath, 'w');
  const r = spawnSync(process.execPath, [mmBin, 'run', ...args], { cwd: dir, stdio: ['ignore', out, 'pipe'], encoding: 'utf8', timeout: 60_000 });
  closeSync(out);
  return { status: r.status, stdout: readFileSync(outPath, 'utf8'), stderr: r.stderr };
}

/** Runs `mm run ARGS` into a pipe whose reader stops for a while after every 256 KB. */
async function runToSlowPipe(dir: string, args: readonly string[]): Promise<{ status: number | null; stdout: string }> {
  const child = spawn(process.execPath, [mmBin, 'run', ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
  const chunks: Buffer[] = [];
  let sinceBreak = 0;
  child.stdout.on('data', (c: Buffer) => {
    chunks.push(c);
    sinceBreak += c.length;
    if (sinceBreak >= 256 * 1024) {
      sinceBreak = 0;
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 20);
    }
  });
  const [status] = (await Promise.all([new Promise((resolve) => child.on('close', resolve)), new Promise((resolve) => child.stdout.on('end', resolve))])) as [
    number | null,
    unknown,
  ];
  return { status, stdout: Buffer.concat(chunks).toString('utf8') };
}

/**
 * The aligned table for CSV records, built the simple way (every cell but the
 * last padded to its column's widest cell plus one, at least 5, `| ` before
 * every cell but the first): an oracle independent of the renderer's passes.
 */
function alignedFromCsv(records: readonly string[][]): string {
  const n = records[0]!.length;
  const width = (c: string, j: number): number => c.length + (j > 0 ? 2 : 0);
  const widths = Array.from({ length: n }, (_, j) => Math.max(5, ...records.map((r) => width(r[j]!, j) + 1)));
  const line = (r: string[]): string => r.map((c, j) => (j > 0 ? '| ' : '') + c + (j < n - 1 ? ' '.repeat(widths[j]! - width(c, j)) : '')).join('');
  return records.map(line).join('\n') + '\n';
}

/** Output of each line of a `--transcript` run, by its `## line`. */
function blocks(transcript: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const block of transcript.split(/^## /m).slice(1)) {
    const nl = block.indexOf('\n');
    out.set(block.slice(0, nl), block.slice(nl + 1));
  }
  return out;
}

describe('mm run: big tables are written in chunks, whole', () => {
  const dir = suiteScriptDir(`vm config net 100\nvm launch kvm ${VMS}\n.csv true vm info\nvm info\n`);
  let file: FileRun;
  beforeAll(() => {
    file = runToFile(dir, ['--name', 'bench', 's.mm']);
  }, RUN_HOOK_TIMEOUT_MS);

  it(`writes ${VMS.toLocaleString('en')} VMs as one aligned, sorted table, exactly as the CSV says`, () => {
    expect(file.status).toBe(0);
    expect(file.stderr).toBe('');
    const lines = file.stdout.split('\n');
    // CSV header and rows, table header and rows, and the empty string after the last LF.
    expect(lines.length).toBe(2 * (VMS + 1) + 1);
    expect(lines.at(-1)).toBe('');
    const csv = lines.slice(0, VMS + 1).map((l) => l.split(','));
    expect(csv[0]!.slice(0, 4)).toEqual(['host', 'id', 'name', 'state']);
    expect(csv.slice(1).map((r) => Number(r[1]))).toEqual(Array.from({ length: VMS }, (_, i) => i));
    const table = lines.slice(VMS + 1).join('\n');
    expect(table).toBe(alignedFromCsv(csv));
  });

  it('prints the same table in --transcript form', () => {
    const t = runToFile(dir, ['--name', 'bench', '--transcript', 's.mm']);
    expect(t.status).toBe(0);
    const csvEnd = file.stdout.indexOf('\nhost ') + 1;
    expect(blocks(t.stdout).get('vm info')).toBe(file.stdout.slice(csvEnd));
  });

  it('writes every byte to a reader too slow to keep up, in order', async () => {
    const slow = await runToSlowPipe(dir, ['--name', 'bench', 's.mm']);
    expect(slow.status).toBe(0);
    expect(slow.stdout.length).toBe(file.stdout.length);
    expect(slow.stdout === file.stdout).toBe(true);
  });
});

describe('mm run: a table in chunks is trimmed as one text', () => {
  const names = Array.from({ length: VMS }, (_, i) => `vm-${i}`).sort();
  const dir = suiteScriptDir(
    [
      `vm launch kvm ${VMS}`,
      '.annotate false .headers false .columns disk vm info',
      '.headers false .columns disk vm info',
      '.annotate false .headers false .columns disk,name vm info',
      '.csv true .annotate false .headers false .columns disk,name vm info',
      'echo end',
      '',
    ].join('\n'),
  );
  let t: FileRun;
  let out: Map<string, string>;
  beforeAll(() => {
    t = runToFile(dir, ['--name', 'bench', '--transcript', 's.mm']);
    out = blocks(t.stdout);
  }, RUN_HOOK_TIMEOUT_MS);

  it('prints nothing for a table of blank lines only', () => {
    expect(t.status).toBe(0);
    expect(out.get('.annotate false .headers false .columns disk vm info')).toBe('');
  });

  it('drops the space ending the last line only', () => {
    const rows = Array.from({ length: VMS }, () => 'bench | ');
    rows[VMS - 1] = 'bench |';
    expect(out.get('.headers false .columns disk vm info')).toBe(rows.join('\n') + '\n');
  });

  it('drops the space starting the first line only', () => {
    const rows = names.map((n) => `     | ${n}`);
    rows[0] = `| ${names[0]}`;
    expect(out.get('.annotate false .headers false .columns disk,name vm info')).toBe(rows.join('\n') + '\n');
    expect(out.get('.csv true .annotate false .headers false .columns disk,name vm info')).toBe(names.map((n) => `,${n}`).join('\n') + '\n');
    expect(out.get('echo end')).toBe('bench: end\n');
  });
});
