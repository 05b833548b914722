/** 2.3's command ordering (interpreter/ordering/command-lock.ts): one command at a time, parking while waiting on the mesh. */
import { describe, expect, it } from 'vitest';
import { createCommandLock } from '../../interpreter/ordering/command-lock.js';
import { deferred, until } from './mesh-helpers.js';

describe('the command lock', () => {
  it('runs local tasks one at a time, in arrival order', async () => {
    const lock = createCommandLock();
    const log: string[] = [];
    const gate = deferred();
    const a = lock.run('local', async () => {
      log.push('a start');
      await gate.promise;
      log.push('a end');
    });
    const b = lock.run('local', async () => void log.push('b'));
    const m = lock.run('mesh', async () => void log.push('mesh'));
    await until(() => lock.queued() === 2);
    // Busy with something other than the mesh: nobody else runs.
    expect(log).toEqual(['a start']);
    gate.resolve();
    await Promise.all([a, b, m]);
    expect(log).toEqual(['a start', 'a end', 'b', 'mesh']);
  });

  it('lets mesh tasks run while the active one waits on the mesh, and resumes it after them', async () => {
    const lock = createCommandLock();
    const log: string[] = [];
    const reply = deferred();
    const inner = deferred();
    const a = lock.run('local', async () => {
      log.push('a sends');
      await lock.send(() => reply.promise);
      log.push('a resumes');
    });
    await until(() => log.length === 1);
    const local = lock.run('local', async () => void log.push('local'));
    const m = lock.run('mesh', async () => {
      log.push('mesh starts');
      await lock.send(() => inner.promise);
      log.push('mesh ends');
    });
    await until(() => log.includes('mesh starts'));
    // a's reply arrives first, but a resumes only once the task above it is done.
    reply.resolve();
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    expect(log).toEqual(['a sends', 'mesh starts']);
    inner.resolve();
    await Promise.all([a, m, local]);
    expect(log).toEqual(['a sends', 'mesh starts', 'mesh ends', 'a resumes', 'local']);
    expect([lock.depth(), lock.queued()]).toEqual([0, 0]);
  });

  it('passes errors through a park and simply waits outside any task', async () => {
    const lock = createCommandLock();
    await expect(lock.run('local', () => lock.send(() => Promise.reject(new Error('boom'))))).rejects.toThrow('boom');
    expect(await lock.send(() => Promise.resolve(7))).toBe(7);
    expect(lock.depth()).toBe(0);
  });

  it('starts every send at once: two sends of one task wait together', async () => {
    const lock = createCommandLock();
    const started: string[] = [];
    const first = deferred();
    const second = deferred();
    const a = lock.run('local', () =>
      Promise.all([lock.send(() => (started.push('first'), first.promise)), lock.send(() => (started.push('second'), second.promise))]),
    );
    await until(() => started.length === 2);
    second.resolve();
    first.resolve();
    await a;
    expect(started).toEqual(['first', 'second']);
  });
});
