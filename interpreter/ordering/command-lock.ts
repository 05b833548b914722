/**
 * minimega 2.3's ordering: a node-wide command lock. minimega runs one command
 * at a time per node and holds the lock while it waits for mesh replies, so
 * two nodes that fan out to each other at the same moment deadlock
 * (docs/mesh.md, "No deadlocks"). Ours differs in one way: a command that is
 * waiting for mesh replies *parks*, and while it is parked, commands that
 * came from the mesh may run. Everything else is as in minimega:
 *
 * - tasks form a stack; only the top one runs. A parked task resumes only
 *   when every task started above it has finished, so `namespace X (cmd)`
 *   wrappers always restore in the order they were entered;
 * - local tasks (a front end's line) start only when no task is active;
 *   mesh tasks start when none is active or the top one is parked;
 * - decisions are taken in `setImmediate` turns, when no command code is
 *   running, so a task counts as parked only when all its code is waiting.
 *
 * Price: a command from the mesh that arrives while a `namespace X (cmd)`
 * typed here is waiting sees X active. Fan-out payloads name their namespace
 * themselves, so only `mesh send` payloads can notice.
 */

import type { CommandOrdering, TaskKind } from './command-ordering.js';

interface Task {
  readonly kind: TaskKind;
  /** Mesh requests this task is waiting for. */
  outstanding: number;
  /** Continuations whose replies arrived, waiting for the task to be on top. */
  readonly ready: (() => void)[];
}

/**
 * Creates the lock (2.3's ordering). Its `send` starts the send at once and
 * parks the running task until the answer is there; outside any task it
 * simply waits.
 */
export function createCommandLock(): CommandOrdering {
  const stack: Task[] = [];
  const waiting: { task: Task; start: () => void }[] = [];
  let scheduled = false;

  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(turn);
  };

  // One decision per turn; the next turn comes after that decision's code ran.
  const turn = (): void => {
    scheduled = false;
    const top = stack[stack.length - 1];
    if (top && top.ready.length > 0) {
      for (const r of top.ready.splice(0)) r();
      schedule();
      return;
    }
    if (top && top.outstanding === 0) return;
    const i = top ? waiting.findIndex((w) => w.task.kind === 'mesh') : 0;
    if (i < 0 || i >= waiting.length) return;
    const [w] = waiting.splice(i, 1);
    stack.push(w!.task);
    w!.start();
    schedule();
  };

  const finish = (task: Task): void => {
    const i = stack.lastIndexOf(task);
    if (i >= 0) stack.splice(i, 1);
    if (stack.length > 0 || waiting.length > 0) schedule();
  };

  return {
    async run(kind, fn) {
      const task: Task = { kind, outstanding: 0, ready: [] };
      // An idle node starts at once; otherwise the next turn decides.
      if (stack.length === 0 && waiting.length === 0) stack.push(task);
      else {
        await new Promise<void>((start) => {
          waiting.push({ task, start });
          schedule();
        });
      }
      try {
        return await fn();
      } finally {
        finish(task);
      }
    },
    async send(start) {
      const request = start();
      const task = stack[stack.length - 1];
      if (!task) return request;
      task.outstanding++;
      schedule();
      let value: Awaited<typeof request> | undefined;
      let error: unknown;
      let failed = false;
      try {
        value = await request;
      } catch (e) {
        failed = true;
        error = e;
      }
      task.outstanding--;
      if (stack.includes(task)) {
        await new Promise<void>((resume) => {
          task.ready.push(resume);
          schedule();
        });
      }
      if (failed) throw error;
      return value as Awaited<typeof request>;
    },
    depth: () => stack.length,
    queued: () => waiting.length,
  };
}
