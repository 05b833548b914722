/**
 * Four in-memory nodes: handler categories, Source tagging on the wire,
 * the launch queue and the balanced scheduler, per-host failures and
 * `clear namespace` (issue 4 acceptance, decisions 2 to 5).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { clusterLinks, createEmbeddedCluster, defaultNodeNames, MAX_CLUSTER_NODES, type EmbeddedCluster } from '../../interpreter/cluster.js';
import { decode, MAX_FRAME_BYTES, MAX_HOPS, type ExecMessage } from '../../interpreter/mesh/mesh-protocol.js';
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

describe('flushing a long queue', () => {
  const launchesSentTo = (m: TestMesh, host: string): string[] =>
    m.frames
      .get(host)!
      .map((f) => decode(f))
      .flatMap((d) => (d.ok && d.message.type === 'exec' ? [(d.message as ExecMessage).command.original] : []))
      .filter((o) => o.includes('vm launch'));

  it('sends consecutive entries with one snapshot as one request, and a new request where the snapshot changes', async () => {
    meshed = await createTestMesh(['n1', 'n2', 'n3'], undefined, { record: true });
    const n1 = meshed.node('n1');
    const queue = ['namespace ns', 'vm config memory 512'];
    for (let i = 1; i <= 8; i++) {
      if (i === 5) queue.push('vm config memory 1024');
      queue.push(`vm launch kvm v${i}`);
    }
    await transcript(n1, [...queue, 'vm launch kvm 2', 'vm launch kvm 1', 'vm launch'].join('\n'));
    // 11 VMs: v1-v6 on n2, v7, v8 and the three unnamed on n3; one request per snapshot and naming.
    expect(launchesSentTo(meshed, 'n2')).toEqual(['namespace ns vm launch kvm v1,v2,v3,v4', 'namespace ns vm launch kvm v5,v6']);
    expect(launchesSentTo(meshed, 'n3')).toEqual(['namespace ns vm launch kvm v7,v8', 'namespace ns vm launch kvm 3']);
    const memory = await transcript(n1, '.annotate false .columns memory vm info');
    expect(memory.split('\n').filter((l) => l.trim() === '512')).toHaveLength(4);
    expect(memory.split('\n').filter((l) => l.trim() === '1024')).toHaveLength(7);
  });

  it('keeps an entry that names a VM twice, or pins a UUID, a request of its own', async () => {
    meshed = await createTestMesh(['n1', 'n2'], undefined, { record: true });
    const n1 = meshed.node('n1');
    await transcript(
      n1,
      'namespace ns\nvm launch kvm a\nvm launch kvm b,b\nvm launch kvm c\nvm config uuid 11111111-2222-3333-4444-555555555555\nvm launch kvm d\nvm launch kvm e',
    );
    expect(await transcript(n1, 'vm launch')).toBe(
      '## vm launch\nE: `b` is specified twice in VMs to launch\nduplicate VM UUID: 11111111-2222-3333-4444-555555555555\n',
    );
    expect(launchesSentTo(meshed, 'n2')).toEqual([
      'namespace ns vm launch kvm a',
      'namespace ns vm launch kvm b,b',
      'namespace ns vm launch kvm c',
      'namespace ns vm launch kvm d',
      'namespace ns vm launch kvm e',
    ]);
  });

  it('splits a share too long for one line over several requests (a receiver reads at most 64 KiB a line)', async () => {
    meshed = await createTestMesh(['n1', 'n2'], undefined, { record: true });
    const n1 = meshed.node('n1');
    expect(await transcript(n1, 'namespace ns\nvm launch kvm long-vm-name-[1-12000]\nvm launch')).toBe(
      '## namespace ns\n## vm launch kvm long-vm-name-[1-12000]\n## vm launch\n',
    );
    const sent = launchesSentTo(meshed, 'n2');
    expect(sent.length).toBeGreaterThan(1);
    for (const line of sent) expect(line.length).toBeLessThan(64 * 1024);
    expect(await transcript(n1, '.annotate false host vms')).toBe('## .annotate false host vms\n12000\n');
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

describe('the embedded topology', () => {
  const degrees = (count: number): number[] => {
    const d = new Array<number>(count).fill(0);
    for (const [a, b] of clusterLinks(count)) {
      d[a]!++;
      d[b]!++;
    }
    return d;
  };
  /** Hops from node 0 to the farthest node (BFS over the links), or -1 when some node is unreachable. */
  const eccentricity = (count: number): number => {
    const next = Array.from({ length: count }, () => [] as number[]);
    for (const [a, b] of clusterLinks(count)) next[a]!.push(b), next[b]!.push(a);
    const dist = new Array<number>(count).fill(-1);
    dist[0] = 0;
    const queue = [0];
    for (let i = 0; i < queue.length; i++) for (const m of next[queue[i]!]!) if (dist[m] === -1) (dist[m] = dist[queue[i]!]! + 1), queue.push(m);
    return dist.includes(-1) ? -1 : Math.max(...dist);
  };

  it('links every pair of up to four nodes', () => {
    expect(clusterLinks(1)).toEqual([]);
    expect(clusterLinks(2)).toEqual([[0, 1]]);
    expect(clusterLinks(4)).toHaveLength(6);
  });

  it('gives larger clusters at most three links a node, connected, any node a few hops from any other', () => {
    for (const n of [5, 16, 100, MAX_CLUSTER_NODES]) {
      const d = degrees(n);
      expect(Math.max(...d)).toBeLessThanOrEqual(3);
      expect(Math.min(...d)).toBeGreaterThanOrEqual(2);
      const hops = eccentricity(n);
      expect(hops).toBeGreaterThan(0);
      expect(hops).toBeLessThan(MAX_HOPS / 2);
    }
  });

  it('meshes 1,000 nodes sharing one link-state table: every node reaches every other', async () => {
    cluster = createEmbeddedCluster(defaultNodeNames(MAX_CLUSTER_NODES));
    const first = cluster.nodes[0]!;
    const last = cluster.nodes[MAX_CLUSTER_NODES - 1]!;
    expect(first.mesh.peers()).toHaveLength(MAX_CLUSTER_NODES - 1);
    expect(last.mesh.neighbours().length).toBeLessThanOrEqual(3);
    expect(await transcript(first, `.annotate false mesh send ${last.name} host name`)).toBe(
      `## .annotate false mesh send ${last.name} host name\n${last.name}\n`,
    );
  });

  it('refuses a reply over the frame limit where it starts, though its links carry messages unencoded', async () => {
    cluster = createEmbeddedCluster(['n1', 'n2']);
    const n1 = cluster.nodes[0]!;
    await transcript(n1, `namespace big\nvm config tag note ${'x'.repeat(200)}\nvm launch kvm 70000\nvm launch`);
    expect(await transcript(n1, 'vm info')).toBe(`## vm info\nE: response from n2 is larger than ${MAX_FRAME_BYTES} bytes\n`);
  });

  it('refuses more nodes than the limit', () => {
    expect(() => createEmbeddedCluster(defaultNodeNames(MAX_CLUSTER_NODES + 1))).toThrow(`an embedded cluster holds at most ${MAX_CLUSTER_NODES} nodes`);
  });
});
