/**
 * `mm check` and `mm run` agree: a line `run` rejects whatever the node's
 * state (every argument value check, the 64 KiB line limit) is an error in
 * `check`, at the same line; a line `run` accepts is not an error in
 * `check`. One row per (command, argument) with a value check, through the
 * built CLI on real files. `--strict` makes warnings fail.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMm } from '../helpers/mm-cli.js';
import { testTempDir } from '../helpers/temp-dir.js';

interface Row {
  /** The line under test. */
  readonly line: string;
  /** Whether `run` rejects it (and so `check` must report an error there). */
  readonly rejected: boolean;
  /** Lines before it (state the row needs), and after it (to leave the node as it was). */
  readonly before?: readonly string[];
  readonly after?: readonly string[];
}

const bad = (line: string, before?: readonly string[], after?: readonly string[]): Row => ({ line, rejected: true, before, after });
const good = (line: string, before?: readonly string[]): Row => ({ line, rejected: false, before });

const IN_NAMESPACE = ['namespace agree'];
const LEAVE_NAMESPACE = ['clear namespace', 'clear namespace agree'];

/** Every argument with a value check, rejected; and lines on either side of each check, accepted. */
const ROWS: readonly Row[] = [
  bad('.filter nofilter vm info'),
  bad('.alias nodefinition'),
  bad('namespace ""'),
  bad('nsmod add-host foo[1-', IN_NAMESPACE, LEAVE_NAMESPACE),
  bad('clear namespace ""'),
  bad('tap create 5000'),
  bad('tap create -1'),
  bad('capture pcap vm a x f.pcap', ['vm launch kvm a']),
  bad('deploy launch foo[1-'),
  bad('mesh degree -1'),
  bad('mesh timeout x'),
  bad('mesh send foo[1- vm info'),
  bad('quit x'),
  bad('qos add a[1- 0 loss 5'),
  bad('qos add a 0x loss 5'),
  bad('qos add a 0 loss x'),
  bad('qos add a 0 delay 5parsecs'),
  bad('qos add a 0 rate x mbit'),
  bad('clear qos a[1-'),
  bad('clear qos a x'),
  bad('vlans range x 10'),
  bad('vlans range 10 x'),
  bad('vlans add foo x'),
  bad('vlans blacklist x'),
  bad('vm launch kvm web[1-3'),
  bad('vm launch kvm 0'),
  bad('vm launch kvm all'),
  bad('vm launch kvm 5,b,b'),
  bad('vm launch container 1x,1x'),
  bad('vm kill a[1-'),
  bad('vm start a[1-'),
  bad('vm stop a[1-'),
  bad('vm net connect a x mega_bridge 5'),
  bad('vm net connect a 0 mega_bridge 5000'),
  bad('vm net disconnect a x'),
  bad('vm screenshot a x'),
  bad('vm tag a[1- k v'),
  bad('clear vm tag a[1-'),
  bad('vm config net 5000'),
  bad('vm config net foo,bar,baz,qux,quux'),
  bad('vm config net mega_bridge,10,zz:zz'),
  bad('vm config serial x'),
  bad('vm config virtio-serial x'),
  bad('vm config fifo x'),
  bad('web x'),
  // Accepted: the same commands with good values, and 2.3's quirks.
  good('vm config net 100 mega_bridge,101 mega_bridge,102,de:ad:be:ef:00:01'),
  good('vm launch kvm c[1-3]'),
  good('vlans add neg -5'),
  good('capture netflow timeout x'),
  good('mesh timeout 5'),
  good('vm config serial 2'),
  good('tap create 4095'),
  good('.alias vmi=vm info'),
];

/** A directory of the running test (testTempDir). */
function scratch(): string {
  return testTempDir('mm-agree-');
}

interface CheckItem {
  file: string;
  severity: string;
  code: string;
  range: { start: { line: number } };
}

describe('mm check and mm run agree', () => {
  it('on every value check: run rejects a line exactly when check reports an error there', () => {
    const dir = scratch();
    const files = ROWS.map((row, i) => {
      const name = `r${String(i).padStart(2, '0')}.mm`;
      writeFileSync(join(dir, name), [...(row.before ?? []), row.line, ...(row.after ?? [])].join('\n') + '\n');
      return name;
    });
    const check = runMm(['check', '--format', 'json', ...files], { cwd: dir });
    expect(check.stderr).toBe('');
    const items = JSON.parse(check.stdout) as CheckItem[];
    const run = runMm(['run', '--name', 'agree', ...files], { cwd: dir });
    const runErrors = new Set(run.stderr.split('\n').flatMap((l) => /^(r\d\d\.mm):(\d+): E: /.exec(l)?.slice(1, 3).join(':') ?? []));
    const disagreements: string[] = [];
    ROWS.forEach((row, i) => {
      const file = files[i]!;
      const at = (row.before?.length ?? 0) + 1;
      const checked = items.some((d) => d.file === file && d.severity === 'error' && d.range.start.line + 1 === at);
      const ran = runErrors.has(`${file}:${at}`);
      if (checked !== row.rejected || ran !== row.rejected)
        disagreements.push(`${row.line}: check error ${checked}, run error ${ran}, expected ${row.rejected}`);
      // Nothing else in the row's file is an error for either.
      const others = items.filter((d) => d.file === file && d.severity === 'error' && d.range.start.line + 1 !== at);
      if (others.length > 0) disagreements.push(`${row.line}: other check errors ${JSON.stringify(others)}`);
    });
    expect(disagreements).toEqual([]);
    expect(check.status).toBe(1);
    expect(run.status).toBe(1);
  });

  it('on the 64 KiB line limit: an error in check, the file stopped in run', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'long.mm'), `echo ${'a'.repeat(64 * 1024)}\necho after\n`);
    writeFileSync(join(dir, 'fits.mm'), `echo ${'a'.repeat(64 * 1024 - 6)}\n`);
    const check = runMm(['check', 'long.mm', 'fits.mm'], { cwd: dir });
    expect(check.stdout).toContain('long.mm:1:1: error: bufio.Scanner: token too long [lex/line-too-long]');
    expect(check.stdout).not.toContain('fits.mm:');
    expect(check.status).toBe(1);
    const run = runMm(['run', '--name', 'h', 'long.mm'], { cwd: dir });
    expect(run.stderr).toContain('long.mm:1: E: bufio.Scanner: token too long');
    expect(run.stdout).not.toContain('after');
    expect(run.status).toBe(1);
    const fits = runMm(['run', '--name', 'h', 'fits.mm'], { cwd: dir });
    expect(fits.status).toBe(0);
  });

  it('on the 64 KiB line limit at the REPL too', () => {
    const r = runMm(['repl', '--name', 'h'], { input: `echo ${'a'.repeat(64 * 1024)}\necho after\n` });
    expect(r.stderr).toBe('bufio.Scanner: token too long\n');
    expect(r.stdout).toBe('h: after\n');
  });

  it('--strict fails on warnings; without it they pass', () => {
    const dir = scratch();
    // A launch of nothing queued: only a warning (another client may have queued VMs).
    writeFileSync(join(dir, 'w.mm'), 'namespace lab\nvm launch\n');
    const plain = runMm(['check', 'w.mm'], { cwd: dir });
    expect(plain.stdout).toContain('warning:');
    expect(plain.status).toBe(0);
    expect(runMm(['check', '--strict', 'w.mm'], { cwd: dir }).status).toBe(1);
    writeFileSync(join(dir, 'ok.mm'), 'vm info\n');
    expect(runMm(['check', '--strict', 'ok.mm'], { cwd: dir }).status).toBe(0);
  });
});
