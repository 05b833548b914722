import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/shared.js';
import { testTempDir } from '../helpers/temp-dir.js';

const mm = join(repoRoot, 'dist/mm.cjs');
const hasPython = spawnSync('python3', ['-c', 'import pty'], { encoding: 'utf8' }).status === 0;

describe('mm repl with stdin not a terminal', () => {
  it('reads commands and prints responses, errors on stderr', () => {
    const r = spawnSync(process.execPath, [mm, 'repl', '--name', 'r1'], {
      input: 'vm launch kvm a[1-2]\n.annotate false\n.columns name,state vm info\nvm start nosuch\nbogus\n',
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('name | state\na1   | BUILDING\na2   | BUILDING\n');
    expect(r.stderr).toBe('Error (r1): vm not found: nosuch\ninvalid command: `bogus`\n');
  });
  it('at 3.1 expands an alias only when it is the first word, exactly (runtime-3.1.md 0.3)', () => {
    const r = spawnSync(process.execPath, [mm, 'repl', '--name', 'r1', '--dialect', '3.1'], {
      input: '.annotate false\n.alias ec=echo pre\nec x\necfoo x\n',
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('pre x\n');
    expect(r.stderr).toBe('invalid command: `ecfoo x`\n');
  });
});

describe.skipIf(!hasPython)('mm repl in a terminal', () => {
  it('completes, recalls history, reports an error and exits on Ctrl-D', () => {
    const dir = testTempDir('mm-repl-');
    const history = join(dir, 'history');
    const steps = [
      { expect: 'minimega$ ' },
      { send: 'vm lau\t' },
      { expect: 'vm launch ' },
      { send: 'kvm web1\r' },
      { expect: 'minimega$ ' },
      { send: 'namespace lab\r' },
      { expect: 'minimega[lab]$ ' },
      { send: 'bogus\r' },
      { expect: 'invalid command: `bogus`' },
      { send: '\x1b[A' },
      { expect: 'bogus' },
      { send: '\x15clear namespace\r' },
      { expect: 'minimega$ ' },
      { send: '.annotate false vm info summary\r' },
      { expect: 'web1' },
      { send: '\x04' },
    ];
    const r = spawnSync('python3', [join(repoRoot, 'test/helpers/pty-driver.py'), JSON.stringify(steps), '--', process.execPath, mm, 'repl', '--name', 'r1'], {
      encoding: 'utf8',
      env: { ...process.env, MM_HISTORY: history },
      timeout: 60_000,
    });
    expect(r.stdout).not.toContain('<<timeout');
    expect(r.status).toBe(0);
    expect(readFileSync(history, 'utf8').split('\n')).toEqual([
      'vm launch kvm web1',
      'namespace lab',
      'bogus',
      'clear namespace',
      '.annotate false vm info summary',
      '',
    ]);
  });
});

describe.skipIf(!hasPython)('mm repl and Ctrl-C', () => {
  it('Ctrl-C clears a half-typed line and keeps the REPL and its state; Ctrl-D on an empty line exits 0', () => {
    const dir = testTempDir('mm-repl-');
    const steps = [
      { expect: 'minimega$ ' },
      { send: 'vm launch kvm a\r' },
      { expect: 'minimega$ ' },
      { send: 'vm inf' },
      { send: '\x03' },
      { expect: 'vm inf^C' },
      { expect: 'minimega$ ' },
      // On an empty line too: still a fresh prompt, not an exit.
      { send: '\x03' },
      { expect: '^C' },
      { expect: 'minimega$ ' },
      { send: '.annotate false .columns name vm info\r' },
      { expect: 'name\r\na\r\n' },
      { expect: 'minimega$ ' },
      { send: '\x04' },
    ];
    const r = spawnSync('python3', [join(repoRoot, 'test/helpers/pty-driver.py'), JSON.stringify(steps), '--', process.execPath, mm, 'repl', '--name', 'r1'], {
      encoding: 'utf8',
      env: { ...process.env, MM_HISTORY: join(dir, 'history') },
      timeout: 60_000,
    });
    expect(r.stdout).not.toContain('<<timeout');
    expect(r.status).toBe(0);
    // The abandoned line is not in the history.
    expect(readFileSync(join(dir, 'history'), 'utf8')).toBe('vm launch kvm a\n.annotate false .columns name vm info\n');
  });

  it('mm repl --nodes 3 in a namespace completes VM names from every node of the cluster', () => {
    const dir = testTempDir('mm-repl-');
    const steps = [
      { expect: 'minimega$ ' },
      { send: 'namespace lab\r' },
      { expect: 'minimega[lab]$ ' },
      { send: 'nsmod add-host n1,n2,n3\r' },
      { expect: 'minimega[lab]$ ' },
      { send: 'vm launch kvm web[1-3]\r' },
      { expect: 'minimega[lab]$ ' },
      { send: 'vm launch\r' },
      { expect: 'minimega[lab]$ ' },
      // Typed apart: readline turns completion off for keys that arrive together (a paste).
      { send: 'vm start we' },
      { expect: 'vm start we' },
      { send: '\t' },
      { expect: 'b' },
      { send: '\t' },
      { expect: 'web3' },
      { send: '\x15\x04' },
    ];
    const r = spawnSync('python3', [join(repoRoot, 'test/helpers/pty-driver.py'), JSON.stringify(steps), '--', process.execPath, mm, 'repl', '--nodes', '3'], {
      encoding: 'utf8',
      env: { ...process.env, MM_HISTORY: join(dir, 'history') },
      timeout: 60_000,
    });
    expect(r.stdout).not.toContain('<<timeout');
    // web1..web3 landed on n1..n3 (one each); all three are offered on n1's prompt.
    const offered = r.stdout.slice(r.stdout.indexOf('vm start we'));
    for (const n of ['web1', 'web2', 'web3']) expect(offered).toContain(n);
  });
});
