/**
 * A hostile mesh member for the security suite: it joins a real node over
 * WebSocket with a member's credentials (or none), then sends whatever
 * frames a test wants, as a modified `mm` could, and records what comes back.
 */
import type { Channel } from '../../interpreter/mesh/channel.js';
import { openAuth } from '../../interpreter/mesh/auth.js';
import { dialHandshake } from '../../interpreter/mesh/handshake.js';
import { lsaSigningText, openIdentity } from '../../interpreter/mesh/identity.js';
import { MAX_HOPS, type Lsa, type Message, type WireCommand } from '../../interpreter/mesh/mesh-protocol.js';
import { systemClock } from '../../interpreter/mesh/transport.js';
import { createWsTransport } from '../../interpreter/mesh/ws.js';
import { loadNodeCredentials, type NodeCredentials } from '../../cli/mesh-credentials.js';
import type { CliIO } from '../../cli/cli-io.js';
import { createLanguageService } from '../../language/index.js';
import { toWireCommand } from '../../interpreter/mesh/wire.js';
import { until } from '../interpreter/mesh-helpers.js';

export interface RawPeer {
  readonly got: Message[];
  readonly channel: Channel;
  /** Sends a frame as is. */
  send(m: Message): void;
  /** An announcement for `origin`, signed with this member's own key (a forgery for any other origin). */
  lsa(origin: string, seq: number, neighbours: readonly string[]): Lsa;
  /** Sends `exec` of `line` to node `to` and resolves with the answer (result or routed error). */
  exec(to: string, line: string): Promise<Message>;
  close(): Promise<void>;
}

/** The credentials of member `name` in keys directory `dir` (undefined: an insecure mesh). */
export function memberCredentials(dir: string, name: string): NodeCredentials {
  const io = { cwd: dir } as CliIO;
  return loadNodeCredentials(io, dir, name);
}

/** Joins the node at `url` as peer `name`, completing the link (`sync`/`ready`). */
export async function joinAsPeer(url: string, name: string, credentials?: NodeCredentials): Promise<RawPeer> {
  const transport = createWsTransport({ port: 0 });
  const link = await transport.dial(url);
  const auth = credentials?.auth ?? openAuth;
  const identity = credentials?.identity ?? openIdentity;
  const instance = `raw-${name}`;
  const ctx = { name, instance, auth, identity, clock: systemClock, timeoutMs: 10_000 };
  const { welcome, channel } = await dialHandshake(ctx, link, 'peer', () => '');
  const got: Message[] = [];
  channel.on({ message: (m) => got.push(m), closed: () => undefined });
  const lsa = (origin: string, seq: number, neighbours: readonly string[]): Lsa => {
    const body = { origin, instance, seq, neighbours: [...neighbours].sort() };
    return { ...body, sig: identity.sign(lsaSigningText(body)) };
  };
  channel.send({ type: 'sync', lsas: [lsa(name, Date.now(), [welcome.name])] });
  await until(() => got.some((m) => m.type === 'ready'), 1_000_000);
  let counter = 0;
  return {
    got,
    channel,
    send: (m) => channel.send(m),
    lsa,
    async exec(to, line) {
      const r = createLanguageService().compileLine(line, 0);
      if (r.kind !== 'command') throw new Error(`${line} does not compile`);
      const id = `${name}#${++counter}`;
      const command: WireCommand = toWireCommand(r.command);
      channel.send({ type: 'exec', id, from: name, to, hops: MAX_HOPS, command, source: '', record: false });
      const answered = (m: Message): boolean => (m.type === 'result' || m.type === 'error') && 'id' in m && m.id === id;
      await until(() => got.some(answered), 1_000_000);
      return got.find(answered)!;
    },
    async close() {
      channel.close('done');
      await transport.close();
    },
  };
}
