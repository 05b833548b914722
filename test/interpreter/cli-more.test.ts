/**
 * More of the CLI as a user meets it, through child processes: `mm minitest`
 * failures, filters and skipped files; `mm check`'s script-level warnings;
 * `mm run --nodes` placing VMs on an embedded cluster.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMm } from '../helpers/mm-cli.js';
import { testTempDir } from '../helpers/temp-dir.js';

/** A directory of the running test (testTempDir) holding `files`. */
function scratch(files: Record<string, string>): string {
  const dir = testTempDir('mm-cli-');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('mm minitest', () => {
  const dir = (): string =>
    scratch({
      prolog: '.annotate false\n',
      good: 'echo hi\n',
      'good.want': '## echo hi\nhi\n',
      bad: 'vm config memory\n',
      'bad.want': '## vm config memory\n4096\n',
      'notes.txt': 'no transcript here\n',
    });

  it('reports each test, writes NAME.got and exits 1 when one failed', () => {
    const d = dir();
    const r = runMm(['minitest', '--name', 'mmhost', d]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('FAIL bad: got != want (see bad.got)\nok   good\nskip notes.txt: no notes.txt.want\n1 passed, 1 failed\n');
    expect(readFileSync(join(d, 'bad.got'), 'utf8')).toBe('## vm config memory\n2048\n');
  });

  it('runs only the tests --filter matches', () => {
    const r = runMm(['minitest', '--filter', '^go', dir()]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('ok   good\n1 passed, 0 failed\n');
  });

  it('refuses a bad filter and a missing directory with status 2', () => {
    expect(runMm(['minitest', '--filter', '(', dir()]).status).toBe(2);
    const r = runMm(['minitest', '/nonexistent/tests']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('mm minitest: /nonexistent/tests: not a directory\n');
  });
});

describe('mm check script-level warnings', () => {
  it('warns about a flush with nothing queued and a read of a missing file, relative to the script', () => {
    const d = scratch({ 'lab.mm': 'namespace lab\nvm launch\nread missing.mm\n', 'other.mm': 'echo ok\n' });
    const r = runMm(['check', '--format', 'json', 'lab.mm'], { cwd: d });
    expect(r.status).toBe(0);
    const codes = (JSON.parse(r.stdout) as { code: string; range: { start: { line: number } } }[]).map((x) => [x.code, x.range.start.line]);
    expect(codes).toContainEqual(['script/launch-without-queue', 1]);
    expect(codes).toContainEqual(['script/read-missing-file', 2]);
    writeFileSync(join(d, 'missing.mm'), 'echo now here\n');
    const again = JSON.parse(runMm(['check', '--format', 'json', 'lab.mm'], { cwd: d }).stdout) as { code: string }[];
    expect(again.map((x) => x.code)).not.toContain('script/read-missing-file');
  });
});

describe('mm run --nodes', () => {
  it('spreads a namespace launch over an embedded cluster, balanced', () => {
    const d = scratch({
      'spread.mm': 'namespace lab\nnsmod add-host localhost\nvm launch kvm web[1-10]\nvm launch\n.annotate true .columns name vm info\n',
    });
    const r = runMm(['run', '--nodes', '4', 'spread.mm'], { cwd: d });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const perHost = new Map<string, string[]>();
    for (const line of r.stdout.trim().split('\n').slice(1)) {
      const [host, name] = line.split('|').map((c) => c.trim());
      perHost.set(host!, [...(perHost.get(host!) ?? []), name!]);
    }
    expect([...perHost].map(([h, vms]) => [h, vms.length])).toEqual([
      ['n1', 3],
      ['n2', 3],
      ['n3', 2],
      ['n4', 2],
    ]);
    // Contiguous slices in queue order; rows print sorted.
    expect(perHost.get('n1')).toEqual(['web1', 'web2', 'web3']);
    expect(perHost.get('n4')).toEqual(['web10', 'web9']);
  });

  it('refuses more nodes than the embedded cluster holds, naming the limit (mm help run lists every limit)', () => {
    const d = scratch({ 'x.mm': 'echo hi\n' });
    const r = runMm(['run', '--nodes', '100000', 'x.mm'], { cwd: d });
    expect([r.status, r.stdout, r.stderr]).toEqual([
      2,
      '',
      "mm run: --nodes must be a count from 1 to 1000 (the embedded cluster's limit) or a list of names (a,b,c), not 100000\n",
    ]);
    const names = Array.from({ length: 1001 }, (_, i) => `h${i}`).join(',');
    expect(runMm(['run', '--nodes', names, 'x.mm'], { cwd: d }).stderr).toBe("mm run: --nodes names 1001 nodes; the embedded cluster's limit is 1000\n");
    const help = runMm(['help', 'run'], { cwd: d }).stdout;
    for (const limit of ['at most 1,000 nodes', 'at most 64 KiB', 'at most 100,000 VMs', 'at most 1,000,000 VMs']) expect(help).toContain(limit);
  });
});
