/**
 * Liveness and concurrency (decision 4, docs/mesh.md): a host that dies or
 * stays silent while a request is pending, `mesh timeout`, multi-hop routes,
 * nodes rejoining, and two nodes fanning out to each other at once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { attachMesh } from '../../interpreter/node-inbox.js';
import { createNode, type SimNode } from '../../interpreter/sim-node.js';
import { createTestMesh, transcript, until, type TestMesh } from './mesh-helpers.js';
import { manualClock } from '../helpers/manual-clock.js';

let c: TestMesh | undefined;
afterEach(async () => {
  await c?.close();
  c = undefined;
});

/** Keeps a node busy with a local command until released (like `shell sleep` in observed 11.3 F2). */
async function busy(node: SimNode): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  void node.ordering.run('local', () => held);
  await until(() => node.ordering.depth() === 1);
  return release;
}

/** Whether `node` has received an exec (the request is pending there). */
const hasExec = (name: string): boolean => c!.frames.get(name)!.some((f) => f.includes('"type":"exec"'));

describe('a host that dies while a request is pending', () => {
  it("ends that host's part with an error naming it, keeping the others", async () => {
    c = await createTestMesh(['n1', 'n2', 'n3'], undefined, { record: true });
    const n1 = c.node('n1');
    await transcript(n1, '.annotate false\nnamespace ns');
    await busy(c.node('n3'));
    const line = transcript(n1, 'host name');
    await until(() => hasExec('n3'));
    await c.mesh('n3').close();
    expect(await line).toBe('## host name\nE: lost connection to n3\nn2\n');
    // Once every link to it is gone, the host is out of the mesh: reported, not skipped.
    await until(() => !n1.mesh.peers().includes('n3'));
    expect(await transcript(n1, 'host name')).toBe('## host name\nE: no route to host n3\nn2\n');
    expect(await transcript(n1, 'mesh send n3 host name')).toBe('## mesh send n3 host name\n');
  });

  it('fails a pending scheduler dispatch to that host and reports it', async () => {
    c = await createTestMesh(['n1', 'n2', 'n3'], undefined, { record: true });
    const n1 = c.node('n1');
    await transcript(n1, '.annotate false\nnamespace ns\nvm launch kvm 4');
    await busy(c.node('n3'));
    const line = transcript(n1, 'vm launch');
    await until(() => hasExec('n3'));
    await c.mesh('n3').close();
    expect(await line).toBe('## vm launch\nE: lost connection to n3\n');
    expect(await transcript(n1, 'namespace')).toMatch(/completed 2 +2 +4 +2\n$/);
  });
});

describe('mesh timeout (decision 4)', () => {
  it('gives a silent host `timed out waiting for <host>` and returns the others', async () => {
    const clock = manualClock();
    c = await createTestMesh(['n1', 'n2', 'n3'], undefined, { record: true, mesh: { clock } });
    const n1 = c.node('n1');
    await transcript(n1, '.annotate false\nnamespace ns\nmesh timeout 5');
    const release = await busy(c.node('n3'));
    const line = transcript(n1, 'host name');
    await until(() => hasExec('n3') && c!.frames.get('n1')!.some((f) => f.includes('"type":"result"')));
    clock.fire(5000);
    expect(await line).toBe('## host name\nE: timed out waiting for n3\nn2\n');
    // The late answer is dropped; the next command works normally.
    release();
    expect(await transcript(n1, 'host name')).toBe('## host name\nn2\nn3\n');
    expect(await transcript(n1, 'mesh timeout 0\nmesh timeout')).toBe('## mesh timeout 0\n## mesh timeout\n2562047h47m16.854775807s\n');
  });
});

describe('routes over the mesh graph', () => {
  it('reaches nodes it has no link to, and fails requests when the path breaks', async () => {
    c = await createTestMesh(
      ['n1', 'n2', 'n3'],
      [
        ['n1', 'n2'],
        ['n2', 'n3'],
      ],
      { record: true },
    );
    const n1 = c.node('n1');
    await transcript(n1, '.annotate false');
    expect(await transcript(n1, 'mesh list\nmesh status')).toBe(
      '## mesh list\nn1\n |--n2\nn2\n |--n1\n |--n3\nn3\n |--n2\n## mesh status\nmesh size | degree | peers | context  | port\n3         | 0      | 1     | minimega | 9000\n',
    );
    expect(await transcript(n1, 'mesh send n3 host name\nnamespace ns host name')).toBe('## mesh send n3 host name\nn3\n## namespace ns host name\nn2\nn3\n');
    await busy(c.node('n3'));
    const line = transcript(n1, 'mesh send n3 host name');
    await until(() => hasExec('n3'));
    await transcript(c.node('n2'), 'mesh hangup n3');
    expect(await line).toBe('## mesh send n3 host name\nE: lost connection to n3\n');
    expect(await transcript(n1, 'mesh list')).toBe('## mesh list\nn1\n |--n2\nn2\n |--n1\n');
  });

  it('takes back a restarted node with the same name', async () => {
    c = await createTestMesh(['n1', 'n2', 'n3']);
    await c.mesh('n3').close();
    await until(() => c!.node('n1').mesh.peers().length === 1);
    const again = createNode({ name: 'n3' });
    const mesh = attachMesh(again, { transport: c.network.transport('n3') });
    await mesh.listen();
    await mesh.connect('n1');
    await until(() => ['n1', 'n2'].every((n) => c!.node(n).mesh.peers().includes('n3')));
    expect(await transcript(c.node('n2'), '.annotate false mesh send n3 host name')).toBe('## .annotate false mesh send n3 host name\nn3\n');
    await mesh.close();
  });
});

describe('no deadlocks: nodes that fan out to each other both finish', () => {
  it('lets two nodes fan out to each other at the same time', async () => {
    c = await createTestMesh(['n1', 'n2']);
    const [n1, n2] = c.nodes;
    await transcript(n1!, '.annotate false\nnamespace a');
    await transcript(n2!, '.annotate false\nnamespace b');
    const both = await Promise.all([transcript(n1!, 'host name'), transcript(n2!, 'host name')]);
    expect(both).toEqual(['## host name\nn2\n', '## host name\nn1\n']);
  });

  it('lets two nodes `mesh send` to each other, even when the payloads fan out again', async () => {
    c = await createTestMesh(['n1', 'n2', 'n3']);
    const [n1, n2] = c.nodes;
    await transcript(n1!, '.annotate false\nnamespace a\nnsmod del-host n2');
    await transcript(n2!, '.annotate false\nnamespace b\nnsmod del-host n1');
    // Each payload arrives while the other node waits, runs in its namespace, and fans out to n3.
    const runs = [];
    for (let i = 0; i < 20; i++) runs.push(transcript(n1!, 'mesh send n2 host name'), transcript(n2!, 'mesh send n1 host name'));
    const outs = await Promise.all(runs);
    expect(new Set(outs)).toEqual(new Set(['## mesh send n2 host name\nn3\n', '## mesh send n1 host name\nn3\n']));
    // Both nodes are idle again and in their own namespaces.
    expect([n1!.activeNamespace, n2!.activeNamespace]).toEqual(['a', 'b']);
    expect([n1!.ordering.depth(), n2!.ordering.depth()]).toEqual([0, 0]);
  });

  it('restores `namespace X (command)` wrappers in order while payloads interleave', async () => {
    c = await createTestMesh(['n1', 'n2']);
    const [n1, n2] = c.nodes;
    const outs = await Promise.all([
      transcript(n1!, '.annotate false namespace x host name'),
      transcript(n2!, '.annotate false namespace y host name'),
      transcript(n1!, '.annotate false namespace z host name'),
    ]);
    expect(outs).toEqual([
      '## .annotate false namespace x host name\nn2\n',
      '## .annotate false namespace y host name\nn1\n',
      '## .annotate false namespace z host name\nn2\n',
    ]);
    expect([n1!.activeNamespace, n2!.activeNamespace]).toEqual(['', '']);
  });
});

describe('quit over the mesh', () => {
  it('is never answered (2.3), and the node leaves, so the sender does not wait forever', async () => {
    c = await createTestMesh(['n1', 'n2', 'n3']);
    const n1 = c.node('n1');
    expect(await transcript(n1, '.annotate false\nmesh send n2 quit')).toBe('## .annotate false\n## mesh send n2 quit\nE: lost connection to n2\n');
    await until(() => n1.mesh.peers().length === 1);
    expect(await transcript(n1, 'mesh send all host name')).toBe('## mesh send all host name\nn3\n');
  });
});
