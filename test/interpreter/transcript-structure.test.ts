/**
 * Outputs a transcript cannot pin byte for byte, checked for structure
 * through `mm run`: help (its texts are ours, its layout is minicli's) and the
 * `namespace` schedule table (its rows hold times).
 */
import { describe, expect, it } from 'vitest';
import { runMm } from '../helpers/mm-cli.js';

/** Runs lines on a fresh node with annotation off; returns stdout, failing on any error. */
function run(lines: readonly string[]): string {
  const r = runMm(['run', '--name', 'mmhost', '-'], { input: ['.annotate false', ...lines].join('\n') + '\n' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

/** Every `vm config` field of 2.3 (docs/commands.md): one help group each. */
const VM_CONFIG_FIELDS = [
  'append',
  'cdrom',
  'cpu',
  'disk',
  'fifo',
  'filesystem',
  'hostname',
  'init',
  'initrd',
  'kernel',
  'memory',
  'migrate',
  'net',
  'preinit',
  'qemu',
  'qemu-append',
  'qemu-override',
  'serial',
  'snapshot',
  'tag',
  'uuid',
  'vcpus',
  'virtio-serial',
];

describe('help: minicli groups handlers by their shared prefix', () => {
  it('`help vm c` lists every handler whose shared prefix starts with `vm c`, tab-padded, in byte order', () => {
    const out = run(['help vm c']).replace(/\n$/, '');
    const [first, ...entries] = out.split('\n');
    expect(first).toBe('Display help on a command. Here is a list of commands:');
    const keys = ['vm cdrom', 'vm config', ...VM_CONFIG_FIELDS.map((f) => `vm config ${f}`)].sort();
    // Each entry is `key ⇥… :⇥ short ⇥` (Println of key, TAB, ":"+TAB, short, TAB), tab-padded:
    // W = the longest `key ` rounded up to 8; a cell of length L gets ceil((W - L) / 8) tabs.
    const parsed = entries.map((e) => /^(.+?) (\t*) :\t /.exec(e));
    expect(parsed.map((m) => m?.[1])).toEqual(keys);
    const width = Math.ceil(Math.max(...keys.map((k) => k.length + 1)) / 8) * 8;
    for (const [i, key] of keys.entries()) {
      expect(parsed[i]![2]!.length, JSON.stringify(entries[i])).toBe(Math.ceil((width - (key.length + 1)) / 8));
    }
  });

  it('`help` alone starts the short list; `help vm info` is a long help with the canonical patterns', () => {
    expect(run(['help']).split('\n')[0]).toBe('Display help on a command. Here is a list of commands:');
    const long = run(['help vm info']).split('\n');
    expect(long.slice(0, 3)).toEqual(['Usage:', '\tvm info [summary,]', '']);
    expect(long[3]!.length).toBeGreaterThan(0);
    const launch = run(['help vm launch']).split('\n');
    expect(launch.slice(0, 5)).toEqual([
      'Usage:',
      '\tvm launch',
      // A single-option required choice renders as the bare option (`<kvm,>` is shown as `kvm`).
      '\tvm launch kvm <name or count> [noblock,]',
      '\tvm launch container <name or count> [noblock,]',
      '',
    ]);
  });

  it('abbreviated help input selects by prefix (`help vm i` is `vm info`)', () => {
    expect(run(['help vm i']).split('\n').slice(0, 2)).toEqual(['Usage:', '\tvm info [summary,]']);
  });
});

/** Go's default time format, in UTC, without monotonic suffix (decision 8). */
const TIME = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,9})? \+0000 UTC`;
const ROW = new RegExp(`^(${TIME}) +(${TIME}) +(completed) +(\\d+) +(\\d+) +(\\d+) +(\\d+)$`);

/** The schedule table as Go's tabwriter lays it out for 2.3: space-aligned, min width 5, padding 1, last column unpadded. */
function layout(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, j) => Math.max(5, ...rows.map((r) => r[j]!.length + 1)));
  return rows.map((r) => r.map((c, j) => (j < r.length - 1 ? c.padEnd(widths[j]!) : c)).join(''));
}

describe('the launch queue and its flush on one node (docs/simulator.md; decision 2)', () => {
  it('records one completed schedule per flush, counting VMs', () => {
    const out = run(['namespace ns', 'vm launch kvm a[1-3]', 'vm launch kvm b', 'vm launch', 'vm launch kvm c', 'vm launch', 'namespace']).replace(/\n$/, '');
    const lines = out.split('\n');
    expect(lines.slice(0, 7)).toEqual([
      'Namespace: "ns"',
      'Hosts: mmhost',
      'Taps: map[]',
      'Number of queuedVMs: 0',
      '',
      'Schedules:',
      expect.stringMatching(/^start +end +state +launched failures total hosts$/),
    ]);
    const rows = lines.slice(7).map((l) => {
      const m = ROW.exec(l);
      expect(m, JSON.stringify(l)).not.toBeNull();
      return m!.slice(1);
    });
    expect(rows.map((r) => r.slice(2))).toEqual([
      ['completed', '4', '0', '4', '1'],
      ['completed', '1', '0', '1', '1'],
    ]);
    for (const r of rows)
      expect(Date.parse(r[1]!.replace(' +0000 UTC', 'Z').replace(' ', 'T'))).toBeGreaterThanOrEqual(
        Date.parse(r[0]!.replace(' +0000 UTC', 'Z').replace(' ', 'T')),
      );
    expect(lines.slice(6)).toEqual(layout([['start', 'end', 'state', 'launched', 'failures', 'total', 'hosts'], ...rows]));
  });

  it('launches the queue in order with the snapshots taken at queue time', () => {
    const out = run([
      'namespace ns',
      'vm config memory 512',
      'vm launch kvm x',
      'vm config memory 1024',
      'vm launch kvm y',
      'clear vm config',
      'vm launch',
      '.columns name,namespace,memory,state vm info',
      'vm config memory',
    ]);
    expect(out).toBe('name | namespace | memory | state\nx    | ns        | 512    | BUILDING\ny    | ns        | 1024   | BUILDING\n2048\n');
  });
});
