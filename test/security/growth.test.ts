/**
 * Work that used to grow faster than its input (issue 14 H1-H3, H5), counted
 * at 1x and 10x sizes: ten times the input may cost at most about ten times
 * the work. Counts, never timings.
 */
import { describe, expect, it } from 'vitest';
import { createNode, type SimNode } from '../../interpreter/sim-node.js';
import { runLine } from '../../interpreter/session.js';

/** Counts the VMs a node's table hands out while `f` runs (every walk over the VMs). */
async function vmVisits(node: SimNode, f: () => Promise<void>): Promise<number> {
  let visits = 0;
  const values = node.vms.values.bind(node.vms);
  node.vms.values = function* () {
    for (const vm of values()) {
      visits++;
      yield vm;
    }
  } as typeof node.vms.values;
  await f();
  node.vms.values = values;
  return visits;
}

/** Linear within a margin: ten times the input costs at most 12 times the work. */
function expectLinear(small: number, big: number): void {
  expect(small).toBeGreaterThan(0);
  expect(big).toBeLessThanOrEqual(12 * small);
}

describe('H3: sequential launches', () => {
  const launches = async (n: number): Promise<number> => {
    const node = createNode({ name: 'n' });
    // One walk at the start is the least any launch can cost; it is what the count measures against.
    await runLine(node, 'vm launch kvm first');
    return vmVisits(node, async () => {
      for (let i = 0; i < n; i++) {
        if (i % 10 === 0) await runLine(node, `vm config memory ${1024 + i}`);
        const o = await runLine(node, `vm launch kvm vm${i}`);
        if (o.kind !== 'command' || o.batches[0]?.[0]?.error) throw new Error(`launch ${i} failed`);
      }
      await runLine(node, 'vm launch kvm again');
    });
  };

  it('walks the VMs no more than a few times per launch, at 300 and at 3,000 launches', async () => {
    // Rebuilding the index on every launch walked every VM each time: n*(n+1)/2 visits.
    for (const n of [300, 3000]) expect(await launches(n)).toBeLessThanOrEqual(2 * n);
  });
});
