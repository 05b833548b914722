/**
 * Link-state changes (protocol 3, `lsa-change.ts`): a node floods what its
 * links gained and lost, not its whole list; a receiver missing the base
 * asks for the whole announcement. Over the in-memory transport, which
 * carries the real frames, so the bytes counted are the bytes sent.
 */
import { describe, expect, it } from 'vitest';
import type { NodeInbox } from '../../interpreter/contracts/delivery.js';
import { applyLsaChange, lsaChange } from '../../interpreter/mesh/lsa-change.js';
import { createMemoryNetwork } from '../../interpreter/mesh/memory.js';
import { decode, encode, type Lsa, type Message } from '../../interpreter/mesh/mesh-protocol.js';
import { createNodeMesh, type Mesh } from '../../interpreter/mesh/node-mesh.js';
import type { Link, Transport } from '../../interpreter/mesh/transport.js';
import { until } from './mesh-helpers.js';

/** An inbox for meshes that only carry link state here: no command ever arrives. */
const noInbox: NodeInbox = {
  exec: () => Promise.reject(new Error('no commands in this test')),
  line: () => Promise.reject(new Error('no clients in this test')),
  suggest: async () => [],
};

/** `t`, adding the length of every frame its links deliver to `count.bytes`. */
function counting(t: Transport, count: { bytes: number }): Transport {
  const wrap = (l: Link): Link => ({
    remote: l.remote,
    send: (f) => l.send(f),
    close: (r) => l.close(r),
    start: (h) => l.start({ frame: (f) => ((count.bytes += f.length), h.frame(f)), closed: h.closed }),
  });
  return {
    listen: (accept) => t.listen((l) => accept(wrap(l))),
    dial: async (a) => wrap(await t.dial(a)),
    persist: (a, onLink, onError) => t.persist(a, (l, established) => onLink(wrap(l), established), onError),
    close: () => t.close(),
  };
}

const lsa = (seq: number, neighbours: string[]): Lsa => ({ origin: 'a', instance: 'i', seq, neighbours, sig: '' });

describe('a change between two announcements', () => {
  it('lists what was added and removed, and applied to its base gives the new announcement back', () => {
    const before = lsa(4, ['b', 'c', 'e']);
    const after = lsa(5, ['a1', 'c', 'd', 'f']);
    const change = lsaChange(before, after);
    expect(change).toMatchObject({ base: 4, seq: 5, added: ['a1', 'd', 'f'], removed: ['b', 'e'] });
    expect(applyLsaChange(before, change)).toEqual(after);
  });

  it('does not apply to another base, nor when it removes a link the base lacks or adds one it has', () => {
    const before = lsa(4, ['b']);
    const change = lsaChange(before, lsa(5, ['b', 'c']));
    expect(applyLsaChange(lsa(3, ['b']), change)).toBeUndefined();
    expect(applyLsaChange({ ...before, instance: 'other' }, change)).toBeUndefined();
    expect(applyLsaChange(before, { ...change, removed: ['x'] })).toBeUndefined();
    expect(applyLsaChange(before, { ...change, added: ['b'] })).toBeUndefined();
    expect(applyLsaChange(before, { ...change, added: ['c', 'c'] })).toBeUndefined();
  });
});

describe('link state flooded as changes', () => {
  /**
   * Bytes all nodes receive while one more node joins a hub that already
   * has `n` spokes (and until every spoke sees it). Whole announcements
   * sent the hub's list of n names to each of its n spokes: n*n per join.
   */
  async function joinBytes(n: number): Promise<number> {
    const network = createMemoryNetwork();
    const count = { bytes: 0 };
    const meshes: Mesh[] = [];
    const node = (name: string): Mesh => {
      const m = createNodeMesh(name, noInbox, { transport: counting(network.transport(name), count) });
      meshes.push(m);
      return m;
    };
    const hub = node('hub');
    await hub.listen();
    const spokes = Array.from({ length: n + 1 }, (_, i) => node(`s${String(i).padStart(4, '0')}`));
    try {
      for (const s of spokes.slice(0, n)) await s.connect('hub');
      await until(() => spokes.slice(0, n).every((s) => s.peers().length === n));
      count.bytes = 0;
      await spokes[n]!.connect('hub');
      await until(() => spokes.every((s) => s.peers().length === n + 1));
      return count.bytes;
    } finally {
      await Promise.all(meshes.map((m) => m.close()));
    }
  }

  it('costs each join bytes linear in the mesh size (10 times the spokes, at most about 10 times the bytes)', async () => {
    const small = await joinBytes(20);
    const big = await joinBytes(200);
    expect(small).toBeGreaterThan(0);
    expect(big).toBeLessThanOrEqual(12 * small);
  });

  it('asks for the whole announcement when a change comes whose base it does not hold, once per version', async () => {
    const network = createMemoryNetwork();
    const n1 = createNodeMesh('n1', noInbox, { transport: network.transport('n1') });
    const n2 = createNodeMesh('n2', noInbox, { transport: network.transport('n2') });
    try {
      await n1.listen();
      await n2.connect('n1');
      // A raw peer of n1, speaking frames as a modified node could.
      const link = await network.transport('raw').dial('n1');
      const got: Message[] = [];
      link.start({ frame: (f) => void (decode(f).ok && got.push((decode(f) as { message: Message }).message)), closed: () => undefined });
      await until(() => got.length === 1);
      const challenge = got[0] as Extract<Message, { type: 'challenge' }>;
      link.send(encode({ type: 'hello', version: challenge.version, role: 'peer', name: 'raw', instance: 'r', nonce: 'x', proof: '', sig: '' }));
      await until(() => got.some((m) => m.type === 'welcome'));
      link.send(encode({ type: 'sync', lsas: [{ origin: 'raw', instance: 'r', seq: 1, neighbours: ['n1'], sig: '' }] }));
      await until(() => got.some((m) => m.type === 'ready'));
      // A change of an origin n1 never heard of: n1 asks raw for the whole of it.
      link.send(encode({ type: 'lsa-change', origin: 'ghost', instance: 'g', base: 1, seq: 2, added: ['raw'], removed: [], sig: '' }));
      await until(() => got.some((m) => m.type === 'lsa-want'));
      expect(got.find((m) => m.type === 'lsa-want')).toEqual({ type: 'lsa-want', origin: 'ghost' });
      link.send(encode({ type: 'lsa', lsa: { origin: 'ghost', instance: 'g', seq: 2, neighbours: ['raw'], sig: '' } }));
      link.send(encode({ type: 'lsa', lsa: { origin: 'raw', instance: 'r', seq: 2, neighbours: ['ghost', 'n1'], sig: '' } }));
      await until(() => n2.peers().includes('ghost'));
      // n1's own announcement, asked for twice: sent once (asking again cannot make a node repeat itself).
      const before = got.length;
      link.send(encode({ type: 'lsa-want', origin: 'n1' }));
      link.send(encode({ type: 'lsa-want', origin: 'n1' }));
      link.send(encode({ type: 'ping', nonce: 'done' }));
      await until(() => got.some((m) => m.type === 'pong'));
      const answers = got.slice(before).filter((m) => m.type === 'lsa');
      expect(answers).toHaveLength(1);
      expect(answers[0]).toMatchObject({ lsa: { origin: 'n1', neighbours: ['n2', 'raw'] } });
      link.close('done');
    } finally {
      await Promise.all([n1.close(), n2.close()]);
    }
  });
});
