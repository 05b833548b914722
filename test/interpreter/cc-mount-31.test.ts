/**
 * `cc mount` across a namespace's hosts (catalog-3.1.json: the listing runs
 * on every host of the namespace, `clear cc mount` unmounts here and on the
 * other hosts) on an embedded 3.1 cluster, and the file-server port a node
 * answers when another node asks without a mount point (docs/simulator.md).
 */
import { describe, expect, it } from 'vitest';
import { createEmbeddedCluster } from '../../interpreter/cluster.js';
import { runLine } from '../../interpreter/session.js';
import type { SimNode } from '../../interpreter/sim-node.js';
import { transcriptOf } from '../../interpreter/transcript.js';

async function transcript(node: SimNode, lines: string): Promise<string> {
  let out = '';
  for (const l of lines.split('\n')) out += transcriptOf(node, l, await runLine(node, l));
  return out;
}

describe('3.1 cc mount on a cluster', () => {
  it('lists every host’s mounts and unmounts on every host', async () => {
    const c = createEmbeddedCluster(['n1', 'n2'], { dialect: '3.1' });
    try {
      const [n1, n2] = c.nodes as [SimNode, SimNode];
      // The scheduler puts a1 on n2 and a2 on n1.
      await transcript(n1, 'namespace lab\nns add-hosts n1\nvm launch kvm a1\nvm launch kvm a2');
      // n2's own record of lab lists only its peer until n2 adds itself, and VMs of hosts outside it are hidden (§2.1).
      await transcript(n2, 'namespace lab\nns add-hosts n2');
      expect(await transcript(n1, '.columns name vm info')).toBe('## .columns name vm info\nhost | name\nn1   | a2\nn2   | a1\n');
      expect(await transcript(n2, '.annotate false\ncc mount a1 /mnt/a1')).toBe('## .annotate false\n## cc mount a1 /mnt/a1\n');
      // a1 runs on n2: n1 asks n2 for its port (6000 + its id there) and mounts it here.
      expect(
        await transcript(
          n1,
          '.annotate false\ncc mount nosuch /mnt/x\ncc mount a1 /mnt/x\ncc mount a2 /mnt/a2\n.annotate true .columns name,port,path cc mount',
        ),
      ).toBe(
        [
          '## .annotate false',
          '## cc mount nosuch /mnt/x',
          'E: vm not found: nosuch',
          '## cc mount a1 /mnt/x',
          '## cc mount a2 /mnt/a2',
          '## .annotate true .columns name,port,path cc mount',
          'host | name | port | path',
          'n1   | a1   | 6000 | /mnt/x',
          'n1   | a2   | 6000 | /mnt/a2',
          'n2   | a1   | 6000 | /mnt/a1',
          '',
        ].join('\n'),
      );
      expect(await transcript(n1, 'clear cc mount a1\n.annotate true .columns name,path cc mount\nclear cc mount\ncc mount')).toBe(
        [
          '## clear cc mount a1',
          '## .annotate true .columns name,path cc mount',
          'host | name | path',
          'n1   | a2   | /mnt/a2',
          '## clear cc mount',
          '## cc mount',
          '',
        ].join('\n'),
      );
    } finally {
      await c.close();
    }
  });

  it('answers the port 6000 + id to a command from another node without a mount point', async () => {
    const c = createEmbeddedCluster(['n1', 'n2'], { dialect: '3.1' });
    try {
      const [n1, n2] = c.nodes as [SimNode, SimNode];
      await transcript(n1, 'vm launch kvm a');
      expect(await transcript(n2, '.annotate false\nmesh send n1 cc mount a\nmesh send n1 cc mount nosuch\ncc mount a')).toBe(
        [
          '## .annotate false',
          '## mesh send n1 cc mount a',
          '6000',
          '## mesh send n1 cc mount nosuch',
          'E: vm not found: nosuch',
          '## cc mount a',
          'E: vm not found: a',
          '',
        ].join('\n'),
      );
    } finally {
      await c.close();
    }
  });
});
