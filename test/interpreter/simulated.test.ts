import { describe, expect, it } from 'vitest';
import { handlers } from '../../language/catalog/index.js';
import { isSimulated } from '../../interpreter/handlers/registry.js';
import { createNode } from '../../interpreter/sim-node.js';
import { runLine } from '../../interpreter/session.js';

describe('the catalog and the simulator agree on what is simulated', () => {
  it.each(handlers.map((h) => [h.id, h.simulated] as const))('%s: simulated=%s', (id, simulated) => {
    expect(isSimulated(id)).toBe(simulated);
  });

  it('answers `<command>: not supported by the simulator` and changes nothing', async () => {
    const node = createNode({ name: 'mmhost' });
    const before = JSON.stringify([...node.vms]);
    for (const [line, name] of [
      ['disk create qcow2 foo.qcow2 1G', 'disk'],
      ['vm qmp foo query-status', 'vm qmp'],
      ['cc exec ls', 'cc'],
      ['capture', 'capture'],
    ] as const) {
      const out = await runLine(node, line);
      expect(out.batches.flat().map((r) => r.error)).toEqual([`${name}: not supported by the simulator`]);
    }
    expect(JSON.stringify([...node.vms])).toBe(before);
  });
});
