/**
 * The targets `mm run`, `mm minitest` and `mm repl` send lines to: each runs
 * them through the node's command ordering, the lone node included, so a
 * line waits while the node is busy with another task.
 */
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../cli/cli-io.js';
import { openTarget } from '../../cli/targets-remote.js';
import { until } from './mesh-helpers.js';
import { testTempDir } from '../helpers/temp-dir.js';

function quietIO(cwd: string): CliIO {
  return { stdout: () => undefined, stderr: () => undefined, readStdin: async () => '', cwd, stdinIsTTY: false };
}

describe.each([
  ['one simulated node', { name: 'solo' }],
  ['an embedded cluster (--nodes)', { nodes: '2' }],
])('%s', (_, values) => {
  it("runs each line as a task of the node's command ordering", async () => {
    const cwd = testTempDir('mm-targets-');
    const target = await openTarget(quietIO(cwd), { values, cwd });
    try {
      const ordering = target.node!.ordering;
      let release!: () => void;
      const held = ordering.run('local', () => new Promise<void>((r) => (release = r)));
      await until(() => ordering.depth() === 1);
      let done = false;
      const line = target.run('echo hi').then((o) => ((done = true), o));
      await until(() => ordering.queued() === 1);
      expect(done).toBe(false);
      release();
      await held;
      const outcome = await line;
      expect(outcome.kind).toBe('command');
      expect(outcome.batches.flat().map((r) => r.response)).toEqual(['hi']);
      expect([ordering.depth(), ordering.queued()]).toEqual([0, 0]);
    } finally {
      await target.close();
    }
  });
});
