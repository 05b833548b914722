/**
 * End to end: four `mm node` processes on 127.0.0.1 (port 0), n2..n4 peered
 * with n1, driven through `mm run --connect` like `minimega -attach`. The
 * tests wait for events (the `listening on` line, output, process exit) and
 * never sleep. Needs the bundle: `node scripts/build.mjs`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMm } from '../helpers/mm-cli.js';
import { mmBuilt as built, startMm, startNode as startMmNode, stopAll, type MmProcess as Proc } from '../helpers/mm-process.js';
import { suiteTempDir } from '../helpers/temp-dir.js';

if (!built) console.warn('notice: dist/mm.cjs is missing; run `node scripts/build.mjs` for the mesh end-to-end test');

const procs: Proc[] = [];
const start = (args: string[], cwd: string): Proc => startMm(args, cwd, procs);

function startNode(name: string, dir: string, peer?: string): Promise<{ proc: Proc; url: string }> {
  return startMmNode(name, dir, procs, ['--keys', 'keys', ...(peer ? ['--peer', peer] : [])]);
}

/** Runs a script against a node; resolves when the client exits. */
async function runScript(dir: string, url: string, name: string, text: string): Promise<{ code: number | null; out: string; err: string }> {
  writeFileSync(join(dir, name), text);
  const p = start(['run', '--connect', url, '--keys', 'keys', name], dir);
  const code = await p.exited;
  return { code, out: p.stdout, err: p.stderr };
}

/** `host | name | ...` rows of a table, counted per host. */
function perHost(table: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of table.trim().split('\n').slice(1)) {
    if (!row.includes(' | ')) break;
    const host = row.split('|')[0]!.trim();
    counts[host] = (counts[host] ?? 0) + 1;
  }
  return counts;
}

describe.skipIf(!built)('four mm node processes', () => {
  // Before the hooks below: made before the nodes start, removed after stopAll.
  const dir = suiteTempDir('mm-e2e-mesh-');
  const nodes: Record<string, { proc: Proc; url: string }> = {};

  beforeAll(async () => {
    expect(runMm(['keys', 'keys', 'n1', 'n2', 'n3', 'n4'], { cwd: dir }).status).toBe(0);
    nodes.n1 = await startNode('n1', dir);
    const rest = await Promise.all(['n2', 'n3', 'n4'].map((n) => startNode(n, dir, nodes.n1!.url)));
    rest.forEach((r, i) => {
      nodes[`n${i + 2}`] = r;
    });
  }, 30_000);

  afterAll(() => stopAll(procs));

  it("spreads a namespace's VMs over its three hosts and starts only them", async () => {
    const r = await runScript(
      dir,
      nodes.n1!.url,
      'launch.mm',
      [
        'vm launch kvm outside',
        'mesh send n2 vm launch kvm outside2',
        'mesh status',
        'namespace ns',
        'vm launch kvm 12',
        'vm launch',
        '.columns name,state vm info',
        'host vms',
        'vm start all',
        '.columns name,state .filter state=running vm info',
        'clear namespace',
        '.columns name,state,namespace vm info',
        'mesh send n2 .columns name,state .filter state=building vm info',
        '',
      ].join('\n'),
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const blocks = r.out.split(/\n(?=host )/);
    expect(blocks[0]).toBe(
      'host | mesh size | degree | peers | context  | port\nn1   | 4         | 0      | 3     | minimega | ' + nodes.n1!.url.split(':')[2],
    );
    expect(perHost(blocks[1]!)).toEqual({ n2: 4, n3: 4, n4: 4 });
    expect(blocks[1]).not.toMatch(/outside|RUNNING/);
    expect(blocks[1]!.split('\n').at(-1)).toBe('n[2-4]: 4');
    expect(perHost(blocks[2]!)).toEqual({ n2: 4, n3: 4, n4: 4 });
    // Outside the namespace nothing started, on the head or on n2.
    expect(blocks[3]).toBe('host | name    | state    | namespace\nn1   | outside | BUILDING |');
    expect(blocks[4]).toBe('host | name     | state\nn2   | outside2 | BUILDING\n');
  }, 30_000);

  it("gives the caller a killed host's error within the timeout, and the other hosts' results", async () => {
    const n4 = nodes.n4!.proc;
    // Frozen first, so n4 cannot answer anything from here on; killed mid-script below.
    n4.child.kill('SIGSTOP');
    writeFileSync(
      join(dir, 'kill.mm'),
      ['mesh timeout 20', 'echo before-kill', 'namespace ns .columns name vm info', 'namespace ns host name', 'mesh status', 'echo after', ''].join('\n'),
    );
    const client = start(['run', '--connect', nodes.n1!.url, '--keys', 'keys', 'kill.mm'], dir);
    await client.waitFor(/^n1: before-kill$/m);
    const killedAt = Date.now();
    n4.child.kill('SIGKILL');
    const code = await client.exited;
    expect(Date.now() - killedAt).toBeLessThan(20_000);
    expect(await n4.exited).toBe(null);
    const out = client.stdout.split('\n');
    expect(perHost(out.slice(1, 10).join('\n'))).toEqual({ n2: 4, n3: 4 });
    expect(client.stdout).toContain('\nn2: n2\nn3: n3\n');
    expect(client.stdout).toMatch(/n1 +\| 3 +\| 0 +\| 2 +\|/);
    expect(client.stdout.endsWith('n1: after\n')).toBe(true);
    const errors = client.stderr.trim().split('\n');
    expect(errors[0]).toMatch(/^kill\.mm:3: E: (lost connection to|no route to host) n4$/);
    expect(errors[1]).toBe('kill.mm:4: E: no route to host n4');
    expect(code).toBe(1);
  }, 30_000);

  it('stops when a client sends quit, after answering it', async () => {
    const n2 = nodes.n2!.proc;
    const r = await runScript(dir, nodes.n2!.url, 'quit.mm', 'echo bye\nquit\necho never\n');
    expect([r.code, r.out, r.err]).toEqual([0, 'n2: bye\n', '']);
    expect(await n2.exited).toBe(0);
  });

  it('stops cleanly on SIGTERM', async () => {
    const n3 = nodes.n3!.proc;
    n3.child.kill('SIGTERM');
    expect(await n3.exited).toBe(0);
    expect(n3.stderr).not.toMatch(/internal error|Error:/);
  });
});
