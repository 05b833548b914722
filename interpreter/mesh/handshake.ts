/**
 * Joining: the listener sends `challenge`, the joiner answers `hello` (its
 * role, name, nonce and proof), the listener answers `welcome` (its proof and
 * link state). Peers then exchange `sync`/`ready` in the mesh layer. Any
 * failure is a typed `error` followed by closing the link.
 */
import type { Authenticator } from './auth.js';
import { Channel } from './channel.js';
import { ErrorCode, PROTOCOL_VERSION, type HelloMessage, type Lsa, type Message, type Role, type WelcomeMessage } from './protocol.js';
import type { Clock, Link } from './transport.js';

export interface HandshakeContext {
  readonly name: string;
  readonly auth: Authenticator;
  readonly clock: Clock;
  /** Time limit for the whole handshake, in ms. */
  readonly timeoutMs: number;
}

/** What the listener decides about a verified `hello`. */
export type Admission = { readonly ok: true; readonly lsas: () => readonly Lsa[] } | { readonly ok: false; readonly code: ErrorCode; readonly message: string };

/** A failed handshake; the message is what the user sees. */
export class HandshakeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HandshakeError';
  }
}

const helloLabel = (role: Role, name: string): string => `hello|${role}|${name}`;
const welcomeLabel = (name: string): string => `welcome|${name}`;

/** Steps through messages until `step` returns a result; fails on error messages, close or timeout. */
function converse<T>(ctx: HandshakeContext, channel: Channel, step: (m: Message) => T | undefined): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const finish = (f: () => void): void => {
      if (done) return;
      done = true;
      ctx.clock.clearTimeout(timer);
      f();
    };
    const timer = ctx.clock.setTimeout(() => {
      finish(() => reject(new HandshakeError('handshake timed out')));
      channel.close('handshake timed out');
    }, ctx.timeoutMs);
    channel.on({
      message: (m) => {
        if (done) return;
        if (m.type === 'error') {
          finish(() => reject(new HandshakeError(m.message)));
          channel.close(m.message);
          return;
        }
        try {
          const r = step(m);
          if (r !== undefined) finish(() => resolve(r));
        } catch (e) {
          finish(() => reject(e));
          channel.close((e as Error).message);
        }
      },
      closed: (reason) => finish(() => reject(new HandshakeError(`connection closed during handshake: ${reason}`))),
    });
  });
}

/** Listener side. Resolves with the verified joiner; `admit` may refuse it (and registers peers). */
export async function acceptHandshake(
  ctx: HandshakeContext,
  link: Link,
  admit: (hello: HelloMessage, channel: Channel) => Admission,
): Promise<{ readonly hello: HelloMessage; readonly channel: Channel }> {
  const channel = new Channel(link);
  const nonce = ctx.auth.nonce();
  const refuse = (code: ErrorCode, message: string): never => {
    channel.fail(code, message);
    throw new HandshakeError(message);
  };
  const result = converse(ctx, channel, (m) => {
    if (m.type !== 'hello') return refuse(ErrorCode.Unexpected, `expected hello, got ${m.type}`);
    if (m.version !== PROTOCOL_VERSION) return refuse(ErrorCode.Version, `protocol version ${m.version} is not ${PROTOCOL_VERSION}`);
    if (!ctx.auth.verify(helloLabel(m.role, m.name), nonce, m.proof)) return refuse(ErrorCode.AuthFailed, 'authentication failed (wrong or missing secret)');
    const a = admit(m, channel);
    if (!a.ok) return refuse(a.code, a.message);
    channel.send({ type: 'welcome', version: PROTOCOL_VERSION, name: ctx.name, proof: ctx.auth.prove(welcomeLabel(ctx.name), m.nonce), lsas: a.lsas() });
    return m;
  });
  channel.send({ type: 'challenge', version: PROTOCOL_VERSION, name: ctx.name, nonce });
  return { hello: await result, channel };
}

/**
 * Joiner side. `check` sees the listener's claimed name first and may refuse
 * (dialling ourselves, a duplicate link); it returns an error text or "".
 */
export async function dialHandshake(
  ctx: HandshakeContext,
  link: Link,
  role: Role,
  check: (name: string) => string,
): Promise<{ readonly welcome: WelcomeMessage; readonly channel: Channel }> {
  const channel = new Channel(link);
  const nonce = ctx.auth.nonce();
  let listener = '';
  const welcome = await converse(ctx, channel, (m) => {
    if (m.type === 'challenge' && listener === '') {
      if (m.version !== PROTOCOL_VERSION) throw new HandshakeError(`the node speaks protocol version ${m.version}, not ${PROTOCOL_VERSION}`);
      const err = check(m.name);
      if (err) throw new HandshakeError(err);
      listener = m.name;
      channel.send({ type: 'hello', version: PROTOCOL_VERSION, role, name: ctx.name, nonce, proof: ctx.auth.prove(helloLabel(role, ctx.name), m.nonce) });
      return undefined;
    }
    if (m.type === 'welcome' && listener !== '') {
      if (m.name !== listener || !ctx.auth.verify(welcomeLabel(m.name), nonce, m.proof)) {
        throw new HandshakeError('authentication failed (the node does not hold the same secret)');
      }
      return m;
    }
    throw new HandshakeError(`unexpected ${m.type} during handshake`);
  });
  return { welcome, channel };
}
