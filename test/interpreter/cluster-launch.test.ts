/**
 * Four in-memory nodes: handler categories, Source tagging on the wire,
 * the launch queue and the balanced scheduler, per-host failures and
 * `clear namespace` (issue 4 acceptance, decisions 2 to 5).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createEmbeddedCluster, type EmbeddedCluster } from '../../interpreter/cluster.js';
import { decode, type ExecMessage } from '../../interpreter/mesh/mesh-protocol.js';
import { createTestMesh, transcript, until, type TestMesh } from './mesh-helpers.js';

let cluster: EmbeddedCluster | undefined;
let meshed: TestMesh | undefined;
afterEach(async () => {
  await cluster?.close();
  await meshed?.close();
  cluster = meshed = undefined;
});

function four(): EmbeddedCluster {
  cluster = createEmbeddedCluster(['n1', 'n2', 'n3', 'n4']);
  return cluster;
}

const hostsOf = (out: string): Record<string, string[]> => {
  const placed: Record<string, string[]> = {};
  for (const row of out.split('\n').slice(2)) {
    const [host, name] = row.split('|').map((s) => s.trim());
    if (host && name) (placed[host] ??= []).push(name);
  }
  return placed;
};

describe('the scheduler over the mesh (decision 2)', () => {
  it('places 10 VMs on 4 hosts as 3, 3, 2, 2 in sorted host order, contiguous names', async () => {
    const [n1] = four().nodes;
    await transcript(n1!, 'namespace ns\nnsmod add-host localhost\nvm launch kvm a[1-10]\nvm launch');
    const out = await transcript(n1!, '.columns name vm info');
    expect(hostsOf(out)).toEqual({
      n1: ['a1', 'a2', 'a3'],
      n2: ['a4', 'a5', 'a6'],
      n3: ['a7', 'a8'],
      n4: ['a10', 'a9'],
    });
    expect(await transcript(n1!, '.annotate false .compress false host vms')).toBe('## .annotate false .compress false host vms\n3\n3\n2\n2\n');
    expect(await transcript(n1!, 'namespace')).toMatch(/completed 10 +0 +10 +4\n?$/);
  });

  it('splits several queue entries into contiguous slices', async () => {
    const [n1] = four().nodes;
    await transcript(n1!, 'namespace ns\nvm launch kvm x1\nvm launch kvm y[1-4]\nvm launch container z1\nvm launch');
    // Hosts n2..n4 (the head is not a default host): 6 VMs, 2 each.
    const out = await transcript(n1!, '.columns name,type vm info');
    expect(out).toBe(
      '## .columns name,type vm info\nhost | name | type\nn2   | x1   | kvm\nn2   | y1   | kvm\nn3   | y2   | kvm\nn3   | y3   | kvm\nn4   | y4   | kvm\n',
    );
    // z1's snapshot has no filesystem: one VM failed on n4 (statistics count VMs).
    expect(await transcript(n1!, 'namespace')).toMatch(/completed 5 +1 +6 +3\n?$/);
  });

  it('sends the snapshot to the hosts, then launches with Source = namespace', async () => {
    meshed = await createTestMesh(['n1', 'n2', 'n3', 'n4'], undefined, { record: true });
    const n1 = meshed.node('n1');
    await transcript(n1, 'namespace ns\nvm config memory 512\nvm launch kvm a[1-3]\nvm config memory 4096\nvm launch');
    const execs = meshed.frames
      .get('n2')!
      .map((f) => decode(f))
      .flatMap((d) => (d.ok && d.message.type === 'exec' ? [d.message as ExecMessage] : []));
    const launch = execs.filter((e) => e.command.original.includes('vm launch'));
    expect(launch.map((e) => [e.command.original, e.source, e.record])).toEqual([['namespace ns vm launch kvm a1', 'ns', false]]);
    expect(execs.some((e) => e.command.original === 'namespace ns vm config memory 512' && e.source === 'ns')).toBe(true);
    expect(await transcript(n1, '.annotate false .columns memory vm info')).toBe('## .annotate false .columns memory vm info\nmemory\n512\n512\n512\n');
  });
});

describe('categories with a namespace active', () => {
  it('runs local commands on the head, broadcasts and vm-target commands on the hosts', async () => {
    const [n1, n2] = four().nodes;
    await transcript(n1!, 'namespace ns\nvm launch kvm a[1-6]\nvm launch\nclear namespace\nvm launch kvm outside');
    // local: only the head's config changes.
    await transcript(n1!, 'namespace ns\nvm config vcpus 4');
    expect(n1!.vmConfig.vcpus).toBe('4');
    expect(n2!.vmConfig.vcpus).toBe('1');
    // broadcast: every host answers; the head is not a host.
    expect(await transcript(n1!, '.annotate false host name')).toBe('## .annotate false host name\nn2\nn3\nn4\n');
    // vm-target: only the namespace's VMs start.
    await transcript(n1!, 'vm start all');
    expect(await transcript(n1!, 'clear namespace\n.columns name,state,namespace vm info')).toBe(
      '## clear namespace\n## .columns name,state,namespace vm info\nhost | name    | state    | namespace\nn1   | outside | BUILDING |\n',
    );
    expect(await transcript(n1!, 'namespace ns .columns name,state vm info')).toBe(
      '## namespace ns .columns name,state vm info\nhost | name | state\nn2   | a1   | RUNNING\nn2   | a2   | RUNNING\nn3   | a3   | RUNNING\nn3   | a4   | RUNNING\nn4   | a5   | RUNNING\nn4   | a6   | RUNNING\n',
    );
    // raw: `namespace` runs here only; receivers keep their own records.
    expect(await transcript(n2!, '.annotate false namespace')).toBe('## .annotate false namespace\nNamespaces: [ns]\n');
  });

  it('never fans out again on a receiver whose namespace has other hosts (Source rule)', async () => {
    meshed = await createTestMesh(['n1', 'n2', 'n3'], undefined, { record: true });
    const [n1, n2] = meshed.nodes;
    // n2's own `ns` would fan out to n1 and n3 if Source were not honoured.
    await transcript(n2!, 'namespace ns\nclear namespace');
    await transcript(n1!, 'namespace ns\nnsmod del-host n3');
    expect(await transcript(n1!, '.annotate false host name')).toBe('## .annotate false host name\nn2\n');
    const execsAt = (n: string): ExecMessage[] =>
      meshed!.frames
        .get(n)!
        .map((f) => decode(f))
        .flatMap((d) => (d.ok && d.message.type === 'exec' ? [d.message as ExecMessage] : []));
    expect(execsAt('n2').map((e) => [e.command.original, e.source, e.record])).toEqual([['namespace "ns" host name', 'ns', false]]);
    expect(execsAt('n3')).toEqual([]);
    expect(execsAt('n1')).toEqual([]);
  });

  it('tags `mesh send` payloads with an empty Source and the Record flag', async () => {
    meshed = await createTestMesh(['n1', 'n2'], undefined, { record: true });
    await transcript(meshed.node('n1'), 'namespace ns\nmesh send n2 vm info');
    const d = decode(meshed.frames.get('n2')!.find((f) => f.includes('"exec"'))!);
    expect(d.ok && d.message.type === 'exec' && [d.message.command.original, d.message.source, d.message.record]).toEqual(['vm info', '', true]);
  });
});

describe('per-host failures (decisions 3 and 4)', () => {
  it('reports a host that left the mesh and launches the rest', async () => {
    const c = four();
    const n1 = c.nodes[0]!;
    await transcript(n1, 'namespace ns\nvm launch kvm 6');
    await c.meshes[2]!.close();
    await until(() => !n1.mesh.peers().includes('n3'));
    expect(await transcript(n1, 'vm launch')).toBe('## vm launch\nE: no route to host n3\n');
    expect(await transcript(n1, '.annotate false host vms')).toBe('## .annotate false host vms\nE: no route to host n3\n2\n');
    expect(await transcript(n1, 'namespace')).toMatch(/completed 4 +2 +6 +3\n?$/);
  });

  it('reports launch errors with the host that produced them', async () => {
    const [n1, , , n4] = four().nodes;
    await transcript(n1!, 'namespace ns\nvm launch kvm b[1-3]');
    // Meanwhile b3 appears on n4, where the scheduler will send it.
    await transcript(n4!, 'namespace ns\nnsmod del-host all\nnsmod add-host localhost\nvm launch kvm b3\nvm launch');
    // n4 checks the names against its own VMs before launching: a host refuses a name it already has.
    expect(await transcript(n1!, '.json true vm launch')).toBe(
      '## .json true vm launch\nE: vm already exists with name `b3`\n[{"Host":"n4","Response":"","Header":null,"Tabular":null,"Error":"vm already exists with name `b3`"}]\n',
    );
    expect(await transcript(n1!, '.json true vm launch kvm c1\n.json true vm launch')).toBe(
      '## .json true vm launch kvm c1\n[{"Host":"n1","Response":"","Header":null,"Tabular":null,"Error":""}]\n## .json true vm launch\n[{"Host":"n1","Response":"","Header":null,"Tabular":null,"Error":""}]\n',
    );
    // Two VMs sharing a disk outside snapshot mode conflict on the host that gets both.
    await transcript(n1!, 'vm config disk /shared.img\nvm config snapshot false\nvm launch kvm d[1-6]');
    expect(await transcript(n1!, 'vm launch')).toBe(
      '## vm launch\nE: disk conflict with vm d1: /shared.img\nE: disk conflict with vm d3: /shared.img\nE: disk conflict with vm d5: /shared.img\n',
    );
  });
});

describe('clear namespace', () => {
  it("forgets the head's record only and leaves every VM in place", async () => {
    const n1 = four().nodes[0]!;
    await transcript(n1, 'namespace ns\nvm launch kvm 3\nvm launch\nclear namespace ns');
    expect(await transcript(n1, '.annotate false namespace')).toBe('## .annotate false namespace\nNamespaces: []\n');
    expect(await transcript(n1, '.annotate false mesh send all namespace')).toBe('## .annotate false mesh send all namespace\nNamespaces: [ns]\n');
    expect(await transcript(n1, '.annotate false mesh send all host vmsall')).toBe('## .annotate false mesh send all host vmsall\n1\n');
    expect(await transcript(n1, 'clear namespace ns')).toBe('## clear namespace ns\nE: unknown namespace: ns\n');
    // Re-created, it sees the VMs again: `clear namespace` leaves VMs on their nodes, labelled with the name.
    expect(await transcript(n1, '.annotate false namespace ns host vms')).toBe('## .annotate false namespace ns host vms\n1\n');
  });
});
