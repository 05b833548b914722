/**
 * `mm run --format json` through a child process on real files: one JSON
 * document on stdout with the exit status, the errors, every node's VMs
 * (agreeing with the `vm info` table the same run prints in text) and each
 * namespace's queue and scheduler runs; usage errors for what it cannot go with.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMm } from '../helpers/mm-cli.js';
import { testTempDir } from '../helpers/temp-dir.js';

const SCRIPT = [
  'namespace lab',
  'vm launch kvm web[1-4]',
  'vm launch',
  'vm start web1',
  'vm launch kvm spare[1-2]',
  'vm start nosuch',
  '.columns name,namespace,state vm info',
  '',
].join('\n');

/** A directory of the running test (testTempDir) holding `lab.mm`. */
function scriptDir(text: string): string {
  const dir = testTempDir('mm-run-json-');
  writeFileSync(join(dir, 'lab.mm'), text);
  return dir;
}

interface Doc {
  exitCode: number;
  errors: { file: string; line: number; message: string }[];
  nodes: { host: string; vms: { name: string; namespace: string; state: string }[] }[];
  namespaces: { name: string; hosts: string[]; queued: { host: string; vms: number; names: string[] }[]; schedules: Record<string, unknown>[] }[];
}

describe('mm run --format json', () => {
  it('prints where every VM landed instead of the output; errors stay on stderr and are in the document', () => {
    const dir = scriptDir(SCRIPT);
    const r = runMm(['run', '--nodes', '3', '--format', 'json', 'lab.mm'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('lab.mm:6: E: vm not found: nosuch\n');
    // One document, one line.
    expect(r.stdout.endsWith('}\n')).toBe(true);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.exitCode).toBe(1);
    expect(doc.errors).toEqual([{ file: 'lab.mm', line: 6, message: 'vm not found: nosuch' }]);
    expect(doc.nodes.map((n) => n.host)).toEqual(['n1', 'n2', 'n3']);

    // The same run in text: its `vm info` table names the same VMs, hosts, namespaces and states.
    const text = runMm(['run', '--nodes', '3', 'lab.mm'], { cwd: dir });
    const rows = text.stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('|').map((c) => c.trim()))
      .map(([host, name, namespace, state]) => `${host} ${name} ${namespace} ${state}`)
      .sort();
    const fromJson = doc.nodes.flatMap((n) => n.vms.map((v) => `${n.host} ${v.name} ${v.namespace} ${v.state}`)).sort();
    expect(rows).toHaveLength(4);
    expect(fromJson).toEqual(rows);

    expect(doc.namespaces).toHaveLength(1);
    const lab = doc.namespaces[0]!;
    expect(lab.name).toBe('lab');
    expect(lab.queued).toEqual([{ host: 'n1', vms: 2, names: ['spare1', 'spare2'] }]);
    expect(lab.schedules).toEqual([
      {
        host: 'n1',
        start: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        end: expect.any(String),
        state: 'completed',
        launched: 4,
        failures: 0,
        total: 4,
        hosts: 2,
      },
    ]);
  });

  it('works on one node; exit 0 when nothing failed', () => {
    const dir = scriptDir('vm launch kvm a\n');
    const r = runMm(['run', '--name', 'solo', '--format', 'json', 'lab.mm'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      exitCode: 0,
      errors: [],
      nodes: [{ host: 'solo', vms: [{ name: 'a', namespace: '', state: 'BUILDING' }] }],
      namespaces: [],
    });
  });

  it('usage errors (exit 2): another format, --transcript, --connect, --attach', () => {
    const dir = scriptDir('vm launch kvm a\n');
    const cases: [string[], string][] = [
      [['--format', 'yaml'], '--format must be text or json, not "yaml"'],
      [['--format', 'json', '--transcript'], '--format json cannot be used with --transcript'],
      [['--format', 'json', '--connect', 'ws://127.0.0.1:1'], '--format json cannot be used with --connect'],
      [['--format', 'json', '--attach'], '--format json cannot be used with --attach'],
    ];
    for (const [options, message] of cases) {
      const r = runMm(['run', ...options, 'lab.mm'], { cwd: dir });
      expect(r.status, options.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(message);
    }
  });

  it('is described by mm help run', () => {
    const r = runMm(['help', 'run']);
    expect(r.stdout).toContain('--format text|json');
    expect(r.stdout).toContain('With --format json, stdout holds one JSON document');
  });
});
