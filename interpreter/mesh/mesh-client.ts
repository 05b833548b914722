/**
 * The client side of a node's client sessions (`client-sessions.ts`): join as a
 * client, send lines, get their outcomes back as data. Transport-agnostic;
 * the CLI pairs it with the WebSocket transport.
 */
import type { LineOutcome, LineReport } from '../contracts/delivery.js';
import { openAuth, type Authenticator } from './auth.js';
import { dialHandshake } from './handshake.js';
import { openIdentity } from './identity.js';
import type { OutcomeMessage } from './mesh-protocol.js';
import { systemClock, type Clock, type Transport } from './transport.js';
import { fromWireResponse } from './wire.js';

/** A running node, seen from a client. */
export interface RemoteNode {
  /** The node's name. */
  readonly name: string;
  /** Runs one input line on the node (what it did, ready to render here); rejects if the connection is lost. */
  run(line: string): Promise<LineReport>;
  close(): void;
}

export interface ClientOptions {
  readonly auth?: Authenticator;
  readonly clock?: Clock;
  /** Handshake time limit in ms (default 10 s). */
  readonly timeoutMs?: number;
}

/** Connects to the node at `address` as a client. */
export async function connectClient(transport: Transport, address: string, options: ClientOptions = {}): Promise<RemoteNode> {
  const link = await transport.dial(address);
  // A client signs nothing and checks only the node's proof of the secret.
  const ctx = {
    name: 'client',
    instance: '',
    auth: options.auth ?? openAuth,
    identity: openIdentity,
    clock: options.clock ?? systemClock,
    timeoutMs: options.timeoutMs ?? 10_000,
  };
  const { welcome, channel } = await dialHandshake(ctx, link, 'client', () => '');
  const pending = new Map<string, { resolve: (m: OutcomeMessage) => void; reject: (e: Error) => void }>();
  let lost = '';
  let counter = 0;
  const failAll = (why: string): void => {
    lost = why;
    for (const p of pending.values()) p.reject(new Error(why));
    pending.clear();
  };
  channel.on({
    message: (m) => {
      if (m.type === 'outcome') {
        const p = pending.get(m.id);
        pending.delete(m.id);
        p?.resolve(m);
      } else if (m.type === 'error') {
        // The node could not take a request: nothing will answer the open lines.
        failAll(`${welcome.name}: ${m.message}`);
      }
    },
    closed: (reason) => failAll(`lost connection to ${welcome.name} (${reason})`),
  });
  return {
    name: welcome.name,
    async run(line) {
      if (lost) throw new Error(lost);
      const id = String(++counter);
      const m = await new Promise<OutcomeMessage>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        channel.send({ type: 'run', id, line });
      });
      return toOutcome(m);
    },
    close: () => channel.close('client done'),
  };
}

function toOutcome(m: OutcomeMessage): LineReport {
  const batches = m.batches.map((b) => b.map(fromWireResponse));
  const outcome: LineOutcome =
    m.kind === 'compileError'
      ? { kind: 'compileError', error: m.error, batches }
      : m.kind === 'command'
        ? { kind: 'command', batches }
        : { kind: m.kind, batches };
  return { outcome, flags: { ...m.flags }, namespace: m.namespace, quit: m.quit };
}
