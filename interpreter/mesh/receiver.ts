/**
 * The receiving side of `exec`: re-validate the command against this node's
 * own catalog, run it under the node's command lock with the sender's
 * `Source` and `Record` (runtime.md 2.5, 7.5), and answer with response data.
 *
 * Like 2.3, the answer is the first response of the first batch: fan-out
 * payloads run locally (the Source rule) and give exactly one, and keeping
 * 2.3's choice keeps `mesh send` outputs identical. A command that produced
 * nothing (2.3 crashed there) answers an empty response from this node.
 * Unlike 2.3, a command that does not compile here is answered with an
 * error instead of silence, so the sender never waits for nothing.
 */
import { execute } from '../dispatch.js';
import type { SimNode } from '../sim-node.js';
import { commandLockOf } from '../ordering/command-lock.js';
import { ErrorCode, type ExecMessage, type WireResponse } from './protocol.js';
import { revalidate, toWireResponse } from './wire.js';

export type ExecAnswer =
  | { readonly kind: 'result'; readonly response: WireResponse }
  | { readonly kind: 'error'; readonly code: ErrorCode; readonly message: string }
  /** The command asked the node to quit: 2.3 never answers that. */
  | { readonly kind: 'quit' };

/** Runs a received command on `node`. Never throws. */
export async function receiveExec(node: SimNode, msg: ExecMessage): Promise<ExecAnswer> {
  const v = revalidate(msg.command);
  if (!v.ok) return { kind: 'error', code: ErrorCode.InvalidCommand, message: v.error };
  try {
    // The node's allowShell is its own: nothing in the message can change it.
    const batches = await commandLockOf(node).run('mesh', () =>
      execute(node, v.command, { record: msg.record, compiledRecord: msg.record, source: msg.source }),
    );
    if (node.quitRequested) return { kind: 'quit' };
    const first = batches[0]?.[0] ?? node.respond('');
    return { kind: 'result', response: toWireResponse(first) };
  } catch (e) {
    return { kind: 'error', code: ErrorCode.Failed, message: `internal error: ${(e as Error)?.message ?? String(e)}` };
  }
}
