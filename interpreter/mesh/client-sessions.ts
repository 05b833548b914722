/**
 * Client sessions on a node (`mm run --connect`, `mm minitest --connect`): a
 * client sends `run` with one input line and gets back the line's outcome as
 * data (batches of responses with their private flags, the compile error if
 * any, the node's flags and namespace after the line). The client renders
 * it exactly as a local front end would, like `minimega -attach`.
 */
import type { LineReport, NodeInbox } from '../contracts/delivery.js';
import type { Channel } from './channel.js';
import { ErrorCode, type Message, type OutcomeMessage } from './mesh-protocol.js';
import { toWireFlags, toWireResponse } from './wire.js';

/**
 * Most lines a client may have sent and not yet had answered. `mm run
 * --connect` sends one at a time; a client that floods past this is cut off
 * rather than queueing without bound.
 */
export const MAX_CLIENT_LINES_IN_FLIGHT = 1024;

/**
 * Serves one client on `channel` until it closes, handing the node one line
 * at a time so the client's lines run in the order sent whatever the node's
 * ordering. `onQuit` runs after a line that asked the node to quit.
 */
export function serveClient(inbox: NodeInbox, channel: Channel, onQuit: () => void): void {
  let previous: Promise<void> = Promise.resolve();
  let inFlight = 0;
  channel.on({
    message: (m: Message) => {
      if (m.type === 'ping') return channel.send({ type: 'pong', nonce: m.nonce });
      if (m.type !== 'run') return channel.fail(ErrorCode.Unexpected, `a client may only send run, not ${m.type}`);
      if (++inFlight > MAX_CLIENT_LINES_IN_FLIGHT) {
        channel.fail(ErrorCode.TooLarge, `more than ${MAX_CLIENT_LINES_IN_FLIGHT} lines waiting for an answer`);
        return channel.close('too many lines in flight');
      }
      previous = previous.then(() =>
        inbox.line(m.line).then(
          (report) => {
            inFlight--;
            channel.send(toOutcomeMessage(m.id, report));
            if (report.quit) onQuit();
          },
          // The inbox never rejects; if a bug makes it, the client must not wait for nothing.
          (e: unknown) => {
            inFlight--;
            channel.fail(ErrorCode.Failed, `internal error: ${(e as Error)?.message ?? String(e)}`);
          },
        ),
      );
    },
    closed: () => undefined,
  });
}

/** The wire form of a line's report. */
function toOutcomeMessage(id: string, report: LineReport): OutcomeMessage {
  const { outcome } = report;
  return {
    type: 'outcome',
    id,
    kind: outcome.kind,
    error: outcome.kind === 'compileError' ? outcome.error : '',
    batches: outcome.batches.map((b) => b.map((r) => toWireResponse(r, true))),
    flags: toWireFlags(report.flags),
    namespace: report.namespace,
    quit: report.quit,
  };
}
