/**
 * The receiving side of `exec`: re-validate the command against this node's
 * own catalog, hand it to the node's inbox with the sender's `Source` and
 * `Record`, and answer with response data.
 *
 * Like 2.3, the node answers with the first response of the first batch
 * (`interpreter/node-inbox.ts`). Unlike 2.3, a command that does not compile here is
 * answered with an error instead of silence, so the sender never waits for
 * nothing.
 */
import type { LanguageService } from '../../language/index.js';
import type { NodeInbox } from '../contracts/delivery.js';
import { ErrorCode, type ExecMessage, type WireResponse } from './mesh-protocol.js';
import { revalidate, toWireResponse } from './wire.js';

export type ExecReply =
  | { readonly kind: 'result'; readonly response: WireResponse }
  | { readonly kind: 'error'; readonly code: ErrorCode; readonly message: string }
  /** The command asked the node to quit: 2.3 never answers that. */
  | { readonly kind: 'quit' };

/** Delivers a received command to the node (re-validated with its `language`). Never throws. */
export async function receiveExec(inbox: NodeInbox, msg: ExecMessage, language: LanguageService): Promise<ExecReply> {
  const v = revalidate(msg.command, language);
  if (!v.ok) return { kind: 'error', code: ErrorCode.InvalidCommand, message: v.error };
  try {
    // The node's allowShell is its own: nothing in the message can change it.
    const payload = msg.payload === undefined ? {} : { payload: msg.payload };
    const a = await inbox.exec({ command: v.command, source: msg.source, record: msg.record, ...payload });
    return a.kind === 'quit' ? a : { kind: 'result', response: toWireResponse(a.response) };
  } catch (e) {
    return { kind: 'error', code: ErrorCode.Failed, message: `internal error: ${(e as Error)?.message ?? String(e)}` };
  }
}
