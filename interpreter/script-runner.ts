/**
 * Running a script's lines with `read` semantics, shared by `mm run` and the
 * programmatic API: a line that does not parse stops the script; a command
 * that fails is reported and the script goes on.
 */
import { splitLines } from '../language/index.js';
import type { LineOutcome } from './contracts/delivery.js';

/** Where lines run (a node, a cluster's head, a remote node). */
export interface LineRunner {
  run(line: string): Promise<LineOutcome>;
  /** The node asked to stop (`quit`). */
  stopped(): boolean;
}

/** Whether a line's outcome counts as a failure for the exit status. */
export function hasFailed(outcome: LineOutcome): boolean {
  return outcome.kind === 'compileError' || outcome.batches.some((b) => b.some((r) => r.error !== ''));
}

/**
 * Runs `text` line by line; `onLine` sees each line (zero-based index) with its
 * outcome as it completes, and may return a promise for the next line to wait
 * on (a slow reader of the output). Resolves to whether any line failed.
 */
export async function runScriptLines(
  target: LineRunner,
  text: string,
  onLine: (index: number, line: string, outcome: LineOutcome) => void | Promise<void>,
): Promise<boolean> {
  let failed = false;
  const lines = splitLines(text);
  for (let i = 0; i < lines.length && !target.stopped(); i++) {
    const outcome = await target.run(lines[i]!);
    const wait = onLine(i, lines[i]!, outcome);
    if (wait !== undefined) await wait;
    failed ||= hasFailed(outcome);
    if (outcome.kind === 'compileError') break;
  }
  return failed;
}
