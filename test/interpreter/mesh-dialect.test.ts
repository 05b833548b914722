/**
 * A mesh has one dialect: a 2.3 node and a 3.1 node refuse to link, whichever
 * dials, with an error naming both; nodes of one dialect link as before.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryNetwork } from '../../interpreter/mesh/memory.js';
import type { Mesh } from '../../interpreter/mesh/node-mesh.js';
import { attachMesh } from '../../interpreter/node-inbox.js';
import { createNode } from '../../interpreter/sim-node.js';
import type { RuntimeDialectName } from '../../interpreter/runtime-dialects.js';
import { transcript } from './mesh-helpers.js';

const open: Mesh[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((m) => m.close()));
});

async function pair(a: RuntimeDialectName, b: RuntimeDialectName) {
  const network = createMemoryNetwork();
  const nodes = [createNode({ name: 'n1', dialect: a }), createNode({ name: 'n2', dialect: b })];
  const meshes = nodes.map((n) => attachMesh(n, { transport: network.transport(n.name) }));
  open.push(...meshes);
  for (const m of meshes) await m.listen();
  return { nodes, meshes };
}

describe('one dialect per mesh', () => {
  it('refuses a 3.1 peer on a 2.3 node and a 2.3 peer on a 3.1 node, naming both versions', async () => {
    const { nodes } = await pair('2.3', '3.1');
    expect(await transcript(nodes[0]!, 'mesh dial n2')).toBe(
      '## mesh dial n2\nE: dial n2: n2 speaks minimega 3.1 and this node n1 minimega 2.3: a mesh has one dialect\n',
    );
    expect(nodes[0]!.mesh.peers()).toEqual([]);
    expect(await transcript(nodes[1]!, 'mesh dial n1')).toMatch(/^## mesh dial n1\nE: .*minimega 2\.3.*minimega 3\.1.*a mesh has one dialect\n$/);
    expect(nodes[1]!.mesh.peers()).toEqual([]);
  });

  it('links two 3.1 nodes', async () => {
    const { nodes } = await pair('3.1', '3.1');
    expect(await transcript(nodes[0]!, 'mesh dial n2')).toBe('## mesh dial n2\n');
    expect(nodes[0]!.mesh.peers()).toEqual(['n2']);
  });
});
