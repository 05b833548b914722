/**
 * The 3.1 scheduler and range compression as pure functions, against
 * runtime-3.1.md: the compression table of §0.5 (read from the spec) and the
 * worked examples and error rules of §4.2-4.3.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unsplitList31 } from '../../interpreter/render/compress-31.js';
import { schedule31, type HostLoad, type LoadKey, type SchedulerEntry } from '../../interpreter/runtime-31/scheduler-31.js';
import { hasShared, sharedPath } from '../helpers/shared.js';

/** The rows of the §0.5 table: input names and compressed output. */
function compressionRows(): [string[], string][] {
  const text = readFileSync(sharedPath('spec', 'runtime-3.1.md'), 'utf8');
  const start = text.indexOf('| input | output |');
  expect(start).toBeGreaterThan(0);
  const rows: [string[], string][] = [];
  for (const line of text.slice(start).split('\n').slice(2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').map((c) => c.trim());
    const input = cells[1]!;
    const output = /^`([^`]*)`/.exec(cells[2]!)?.[1] ?? '';
    const names = input === '(empty)' ? [] : input.replace(/`/g, '').split(' ');
    rows.push([names, output]);
  }
  return rows;
}

describe.skipIf(!hasShared)('3.1 range compression', () => {
  it('gives every output of the spec table', () => {
    const rows = compressionRows();
    expect(rows.length).toBeGreaterThanOrEqual(8);
    for (const [names, want] of rows) expect(unsplitList31(names), names.join(' ')).toBe(want);
  });
});

const host = (name: string, over: Partial<HostLoad> = {}): HostLoad => ({
  name,
  cpus: 2,
  memTotal: 4096,
  vms: 0,
  cpuCommit: 0,
  memCommit: 0,
  netCommit: 0,
  limit: -1,
  ...over,
});

interface Entry extends SchedulerEntry {
  readonly tag: string;
}

const entry = (names: string[], over: Partial<Entry> = {}): Entry => ({
  tag: names.join(','),
  names,
  schedule: '',
  colocate: '',
  coschedule: -1,
  vcpus: 1,
  memory: 2048,
  networks: 0,
  ...over,
});

/** Runs the scheduler; name to host, or the error. */
function place(entries: Entry[], hosts: HostLoad[], load: LoadKey = 'cpucommit', local = 'mm1'): Record<string, string> | string {
  const r = schedule31({ entries, hosts, local, load, oneName: (e, name) => ({ ...e, names: [name] }) });
  if (!r.ok) return r.error;
  const out: Record<string, string> = {};
  for (const [h, es] of r.assignment) for (const e of es) for (const n of e.names) out[n] = h;
  return out;
}

describe('the 3.1 scheduler (§4.2-4.3)', () => {
  it('spreads l[1-6] over mm1 (local), mm2, mm3 as observed', () => {
    const names = ['l1', 'l2', 'l3', 'l4', 'l5', 'l6'];
    expect(place([entry(names)], [host('mm1'), host('mm2'), host('mm3')])).toEqual({
      l1: 'mm3',
      l2: 'mm1',
      l3: 'mm2',
      l4: 'mm3',
      l5: 'mm2',
      l6: 'mm1',
    });
  });

  it('alternates a[1-4] over two empty hosts starting with the last', () => {
    expect(place([entry(['a1', 'a2', 'a3', 'a4'])], [host('mm2'), host('mm3')], 'cpucommit', 'mm1')).toEqual({
      a1: 'mm3',
      a2: 'mm2',
      a3: 'mm3',
      a4: 'mm2',
    });
  });

  it('fills the less loaded host first, then alternates (q[1-5] with mm2 at 4 vcpus, mm3 at 3)', () => {
    const hosts = [host('mm2', { vms: 4, cpuCommit: 4 }), host('mm3', { vms: 3, cpuCommit: 3 })];
    expect(place([entry(['q1', 'q2', 'q3', 'q4', 'q5'])], hosts, 'cpucommit', 'mm1')).toEqual({
      q1: 'mm3',
      q2: 'mm2',
      q3: 'mm3',
      q4: 'mm2',
      q5: 'mm3',
    });
  });

  it('pins every VM of an entry to its schedule host', () => {
    const r = place([entry(['s1', 's2', 's3'], { schedule: 'mm2' })], [host('mm1'), host('mm2'), host('mm3')]);
    expect(r).toEqual({ s1: 'mm2', s2: 'mm2', s3: 'mm2' });
  });

  it('reads a schedule of localhost as the local node', () => {
    expect(place([entry(['x'], { schedule: 'localhost' })], [host('mm1'), host('mm2')])).toEqual({ x: 'mm1' });
  });

  it('puts a colocated entry with its target, whichever comes first in the queue', () => {
    const r = place([entry(['w1'], { colocate: 'q1' }), entry(['q1'])], [host('mm1'), host('mm2'), host('mm3')]);
    expect(typeof r).toBe('object');
    const placed = r as Record<string, string>;
    expect(placed.w1).toBe(placed.q1);
  });

  it('refuses a schedule host that did not answer', () => {
    expect(place([entry(['a'], { schedule: 'mm9' })], [host('mm1'), host('mm2')])).toBe('VM scheduled on unknown host: `mm9`');
  });

  it('refuses colocation with a VM that is neither queued nor running', () => {
    expect(place([entry(['c2'], { colocate: 'nosuchvm' }), entry(['d'])], [host('mm1'), host('mm2')])).toBe('nonexistent colocate VMs: [nosuchvm]');
    expect(place([entry(['c'], { colocate: 'z' }), entry(['d'], { colocate: 'y' })], [host('mm1'), host('mm2')])).toBe('nonexistent colocate VMs: [y, z]');
  });

  it('counts the VMs already on a host against a coschedule limit', () => {
    const hosts = [host('mm2', { vms: 1, cpuCommit: 1 }), host('mm3', { vms: 1, cpuCommit: 1 })];
    expect(place([entry(['solo'], { coschedule: 0 })], hosts, 'cpucommit', 'mm1')).toBe('too many VMs scheduled on mm3 for coschedule requirement of 1');
  });

  it('keeps a coschedule limit on empty hosts: one VM each, then the others go elsewhere', () => {
    const r = place([entry(['a'], { coschedule: 0 }), entry(['b', 'c'])], [host('mm1'), host('mm2')]) as Record<string, string>;
    expect(r.b).not.toBe(r.a);
    expect(r.c).not.toBe(r.a);
  });

  it('gives a lone answering host every entry whole, ignoring the rules', () => {
    const r = schedule31({
      entries: [entry(['h1', 'h2'], { colocate: 'nosuch' }), entry(['k1'], { schedule: 'elsewhere' })],
      hosts: [host('mm2')],
      local: 'mm1',
      load: 'cpucommit',
      oneName: (e, name) => ({ ...e, names: [name] }),
    });
    expect(r.ok && [...r.assignment.entries()].map(([h, es]) => [h, es.map((e) => e.tag)])).toEqual([['mm2', ['h1,h2', 'k1']]]);
  });

  it('fails without hosts', () => {
    expect(place([entry(['a'])], [])).toBe('no hosts to schedule VMs on');
  });

  it('orders hosts by memory or interfaces with the other load keys', () => {
    const hosts = [host('mm1', { memCommit: 1024 }), host('mm2', { memCommit: 0, netCommit: 5 })];
    expect(place([entry(['m'])], hosts, 'memcommit')).toEqual({ m: 'mm2' });
    expect(place([entry(['n'])], hosts, 'netcommit')).toEqual({ n: 'mm1' });
  });
});
