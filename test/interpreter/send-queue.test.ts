/**
 * 3.1's command ordering (interpreter/ordering/send-queue.ts): no node-wide
 * lock, outgoing mesh sends one at a time; and a node of the 3.1 dialect
 * using it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSendQueue } from '../../interpreter/ordering/send-queue.js';
import { createTestMesh, deferred, transcript, until, type TestMesh } from './mesh-helpers.js';

describe('the send queue', () => {
  it('has no node-wide lock: lines and mesh commands run while another line is busy', async () => {
    const q = createSendQueue();
    const log: string[] = [];
    const gate = deferred();
    const a = q.run('local', async () => {
      log.push('a start');
      await gate.promise;
      log.push('a end');
    });
    await q.run('mesh', async () => void log.push('mesh'));
    await q.run('local', async () => void log.push('b'));
    expect(log).toEqual(['a start', 'mesh', 'b']);
    expect(q.depth()).toBe(1);
    gate.resolve();
    await a;
    expect(log).toEqual(['a start', 'mesh', 'b', 'a end']);
    expect(q.depth()).toBe(0);
  });

  it('starts outgoing sends one at a time, in the order they were made', async () => {
    const q = createSendQueue();
    const started: string[] = [];
    const replies = [deferred<string>(), deferred<string>(), deferred<string>()];
    const sends = ['x', 'y', 'z'].map((name, i) => q.run('local', () => q.send(() => (started.push(name), replies[i]!.promise))));
    await until(() => started.length === 1 && q.queued() === 2);
    // The last reply arrives first: its send has not even started, so nothing moves.
    replies[2]!.resolve('z');
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['x']);
    replies[0]!.resolve('x');
    await until(() => started.length === 2);
    expect(started).toEqual(['x', 'y']);
    replies[1]!.resolve('y');
    expect(await Promise.all(sends)).toEqual(['x', 'y', 'z']);
    expect([q.depth(), q.queued()]).toEqual([0, 0]);
  });

  it('never blocks incoming mesh commands while this node waits on its own send', async () => {
    const q = createSendQueue();
    const reply = deferred();
    const a = q.run('local', () => q.send(() => reply.promise));
    await until(() => q.depth() === 1);
    expect(await q.run('mesh', async () => 'answered')).toBe('answered');
    reply.resolve();
    await a;
  });

  it('passes a failed send through and hands the turn to the next one', async () => {
    const q = createSendQueue();
    const failing = q.send(() => Promise.reject(new Error('boom')));
    const next = q.send(async () => 7);
    await expect(failing).rejects.toThrow('boom');
    expect(await next).toBe(7);
    expect(q.queued()).toBe(0);
  });
});

describe('a node of the 3.1 dialect', () => {
  let c: TestMesh | undefined;
  afterEach(async () => {
    await c?.close();
    c = undefined;
  });

  it('answers a fan-out while a line of its own is still running (2.3 would make the sender wait)', async () => {
    c = await createTestMesh(['n1', 'n2'], undefined, { node: { dialect: '3.1' } });
    const [n1, n2] = [c.node('n1'), c.node('n2')];
    await transcript(n1, '.annotate false\nnamespace ns');
    let release!: () => void;
    const held = n2.ordering.run('local', () => new Promise<void>((r) => (release = r)));
    await until(() => n2.ordering.depth() === 1);
    expect(await transcript(n1, 'host name')).toBe('## host name\nn2\n');
    release();
    await held;
  });
});
