/**
 * Client sessions on a node (`mm run --connect`, `mm minitest --connect`): a
 * client sends `run` with one input line and gets back the line's outcome as
 * data (batches of responses with their private flags, the compile error if
 * any, the node's flags and namespace after the line). The client renders
 * it exactly as a local front end would, like `minimega -attach`.
 */
import type { SimNode } from '../sim-node.js';
import { runLine, type LineOutcome } from '../session.js';
import { createError } from '../contracts/responses.js';
import type { Channel } from './channel.js';
import { commandLockOf } from '../ordering/command-lock.js';
import { ErrorCode, type Message, type OutcomeMessage } from './protocol.js';
import { toWireFlags, toWireResponse } from './wire.js';

/** Serves one client on `channel` until it closes. `onQuit` runs after a line that asked the node to quit. */
export function serveClient(node: SimNode, channel: Channel, onQuit: () => void): void {
  channel.on({
    message: (m: Message) => {
      if (m.type === 'ping') return channel.send({ type: 'pong', nonce: m.nonce });
      if (m.type !== 'run') return channel.fail(ErrorCode.Unexpected, `a client may only send run, not ${m.type}`);
      void runForClient(node, m.id, m.line).then((reply) => {
        channel.send(reply);
        if (reply.quit) onQuit();
      });
    },
    closed: () => undefined,
  });
}

/** Runs a line as a local front end does and describes the outcome. */
export async function runForClient(node: SimNode, id: string, line: string): Promise<OutcomeMessage> {
  let outcome: LineOutcome;
  try {
    outcome = await commandLockOf(node).run('local', () => runLine(node, line));
  } catch (e) {
    // A bug must not leave the client waiting: report it as the line's error.
    outcome = { kind: 'command', batches: [[createError(node.name, `internal error: ${(e as Error)?.message ?? String(e)}`)]] };
  }
  return {
    type: 'outcome',
    id,
    kind: outcome.kind,
    error: outcome.kind === 'compileError' ? outcome.error : '',
    batches: outcome.batches.map((b) => b.map((r) => toWireResponse(r, true))),
    flags: toWireFlags(node.flags),
    namespace: node.activeNamespace,
    quit: node.quitRequested,
  };
}
