/**
 * How a node orders the commands it runs: the lines its front ends and
 * clients give it, the commands other nodes send it, and its own sends to
 * other nodes. The node owns one policy object, chosen by its dialect
 * (`runtime-dialects.ts`); every way into the node goes through it, so no
 * front end can forget it.
 */

/** Where a task came from: a front end's or client's line, or a command from another node. */
export type TaskKind = 'local' | 'mesh';

export interface CommandOrdering {
  /** Runs `fn` as one task once the policy lets it start. */
  run<T>(kind: TaskKind, fn: () => Promise<T>): Promise<T>;
  /**
   * Makes an outgoing mesh send for the running task: `start` begins it (once
   * the policy allows) and the returned promise is its answer.
   */
  send<T>(start: () => Promise<T>): Promise<T>;
  /** Number of tasks running (for tests). */
  depth(): number;
  /** Number of tasks or sends waiting for their turn (for tests). */
  queued(): number;
}
