/**
 * The placement report of a run (interpreter/placement-report.ts): every
 * node's VMs with namespace and state, every namespace's queue and scheduler
 * runs, agreeing with what the script did and with the run's `placements`.
 */
import { describe, expect, it } from 'vitest';
import { runScriptText } from '../../interpreter/api.js';

describe('placement report', () => {
  it('2.3: VMs per node with namespace and state, the queue left behind, the scheduler run', async () => {
    const script = [
      'namespace lab',
      'vm launch kvm web[1-4]',
      'vm launch',
      'vm start web1',
      // Queued, never handed to the scheduler.
      'vm launch kvm spare[1-2]',
      'clear namespace',
      // Outside any namespace: launched at once on the node the script runs on.
      'vm launch kvm solo',
    ].join('\n');
    const r = await runScriptText(script, { nodes: 3 });
    expect(r.errors).toEqual([]);
    const { nodes, namespaces } = r.placement;
    expect(nodes.map((n) => n.host)).toEqual(['n1', 'n2', 'n3']);
    // The same VMs on the same hosts as the run's plain placements.
    expect(nodes.map((n) => ({ host: n.host, vms: n.vms.map((v) => v.name).sort() }))).toEqual(
      r.placements.map((p) => ({ host: p.host, vms: [...p.vms].sort() })),
    );
    expect(nodes[0]!.vms).toEqual([{ name: 'solo', namespace: '', state: 'BUILDING' }]);
    const web = nodes.slice(1).flatMap((n) => n.vms);
    expect(web.map((v) => v.name).sort()).toEqual(['web1', 'web2', 'web3', 'web4']);
    for (const v of web) expect(v).toEqual({ name: v.name, namespace: 'lab', state: v.name === 'web1' ? 'RUNNING' : 'BUILDING' });
    expect(namespaces).toHaveLength(1);
    const lab = namespaces[0]!;
    expect(lab.name).toBe('lab');
    // A new 2.3 namespace holds every mesh peer of the node that made it.
    expect(lab.hosts).toEqual(['n2', 'n3']);
    expect(lab.queued).toEqual([{ host: 'n1', vms: 2, names: ['spare1', 'spare2'] }]);
    expect(lab.schedules).toEqual([
      { host: 'n1', start: expect.any(String), end: expect.any(String), state: 'completed', launched: 4, failures: 0, total: 4, hosts: 2 },
    ]);
  });

  it('3.1: unnamed queued VMs are counted, named ones listed', async () => {
    const r = await runScriptText('# minimega: 3.1\nnamespace lab\nns queueing true\nvm launch kvm 2\nvm launch kvm a\n', { nodes: 2 });
    expect(r.errors).toEqual([]);
    expect(r.placement.nodes.every((n) => n.vms.length === 0)).toBe(true);
    const lab = r.placement.namespaces.find((s) => s.name === 'lab');
    expect(lab?.queued).toEqual([{ host: 'n1', vms: 3, names: ['a'] }]);
    expect(lab?.schedules).toEqual([]);
  });

  it('one node: its VMs, no namespaces', async () => {
    const r = await runScriptText('vm launch kvm a\nvm launch kvm b\nvm kill a\n', { name: 'solo' });
    expect(r.errors).toEqual([]);
    expect(r.placement).toEqual({
      nodes: [
        {
          host: 'solo',
          vms: [
            { name: 'a', namespace: '', state: 'QUIT' },
            { name: 'b', namespace: '', state: 'BUILDING' },
          ],
        },
      ],
      namespaces: [],
    });
  });
});
