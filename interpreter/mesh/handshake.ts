/**
 * Joining: the listener sends `challenge`, the joiner answers `hello` (its
 * role, name, nonce and proof), the listener answers `welcome` (its proof and
 * link state). Peers then exchange `sync`/`ready` in the mesh layer. Any
 * failure is a typed `error` followed by closing the link.
 */
import type { Authenticator } from './auth.js';
import { Channel } from './channel.js';
import { handshakeSigningText, type NodeIdentity } from './identity.js';
import { ErrorCode, PROTOCOL_VERSION, type HelloMessage, type Lsa, type Message, type Role, type WelcomeMessage } from './mesh-protocol.js';
import type { Clock, Link } from './transport.js';

export interface HandshakeContext {
  readonly name: string;
  /** This process (random per start), told to the other side. */
  readonly instance: string;
  readonly auth: Authenticator;
  /** Signs our hello or welcome and checks a peer's (clients sign nothing). */
  readonly identity: NodeIdentity;
  readonly clock: Clock;
  /** Time limit for the whole handshake, in ms. */
  readonly timeoutMs: number;
  /** The minimega version this node speaks: a mesh has one dialect, peers of another are refused. */
  readonly dialect?: string;
}

/** The refusal when a peer speaks another dialect ("" when they agree; nodes that do not say speak 2.3). */
function dialectMismatch(ctx: HandshakeContext, peer: string, theirs: string | undefined): string {
  const mine = ctx.dialect ?? '2.3';
  const other = theirs ?? '2.3';
  return mine === other ? '' : `${peer} speaks minimega ${other} and this node ${ctx.name} minimega ${mine}: a mesh has one dialect`;
}

/** What the listener decides about a verified `hello`. */
export type Admission = { readonly ok: true; readonly lsas: () => readonly Lsa[] } | { readonly ok: false; readonly code: ErrorCode; readonly message: string };

/** A failed handshake; the message is what the user sees. */
export class HandshakeError extends Error {
  /** The protocol's error code, when the other side sent one or the proof failed here. */
  readonly code: ErrorCode | undefined;
  constructor(message: string, code?: ErrorCode) {
    super(message);
    this.name = 'HandshakeError';
    this.code = code;
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
          finish(() => reject(new HandshakeError(m.message, m.code)));
          channel.close(m.message);
          return;
        }
        try {
          const r = step(m);
          // What comes next is the session's, kept until its handler is set.
          if (r !== undefined)
            finish(() => {
              channel.hold();
              resolve(r);
            });
        } catch (e) {
          finish(() => reject(e));
          channel.close((e as Error).message);
        }
      },
      closed: (reason) => finish(() => reject(new HandshakeError(`connection closed during handshake: ${reason}`))),
    });
  });
}

/** The signature a node sends in its hello or welcome. */
function signStep(ctx: HandshakeContext, step: 'hello' | 'welcome', audience: string, nonce: string): string {
  return ctx.identity.sign(handshakeSigningText(step, ctx.name, audience, ctx.instance, nonce));
}

/** Whether `signer` really signed its hello or welcome to us. */
function verifyStep(ctx: HandshakeContext, step: 'hello' | 'welcome', signer: string, instance: string, nonce: string, sig: string): boolean {
  return ctx.identity.knows(signer) && ctx.identity.verify(signer, handshakeSigningText(step, signer, ctx.name, instance, nonce), sig);
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
    if (m.role === 'peer' && !ctx.identity.knows(m.name))
      return refuse(ErrorCode.AuthFailed, `authentication failed (${m.name} is not in this node's trust file)`);
    if (m.role === 'peer' && !verifyStep(ctx, 'hello', m.name, m.instance, nonce, m.sig)) {
      return refuse(ErrorCode.AuthFailed, `authentication failed (the hello is not signed by ${m.name}'s key)`);
    }
    const mismatch = m.role === 'peer' ? dialectMismatch(ctx, m.name, m.dialect) : '';
    if (mismatch) return refuse(ErrorCode.Version, mismatch);
    const a = admit(m, channel);
    if (!a.ok) return refuse(a.code, a.message);
    const proof = ctx.auth.prove(welcomeLabel(ctx.name), m.nonce);
    const sig = signStep(ctx, 'welcome', m.name, m.nonce);
    channel.send({ type: 'welcome', version: PROTOCOL_VERSION, name: ctx.name, instance: ctx.instance, proof, sig, lsas: a.lsas() });
    return m;
  });
  const dialect = ctx.dialect === undefined ? {} : { dialect: ctx.dialect };
  channel.send({ type: 'challenge', version: PROTOCOL_VERSION, name: ctx.name, instance: ctx.instance, nonce, ...dialect });
  return { hello: await result, channel };
}

/**
 * Joiner side. `check` sees the listener's claimed name and instance first
 * and may refuse (dialling ourselves, a duplicate link or name); it returns
 * an error text or "". A peer checks the listener's signature; a client
 * (which holds no trust file) only its proof of the secret.
 */
export async function dialHandshake(
  ctx: HandshakeContext,
  link: Link,
  role: Role,
  check: (name: string, instance: string) => string,
): Promise<{ readonly welcome: WelcomeMessage; readonly channel: Channel }> {
  const channel = new Channel(link);
  const nonce = ctx.auth.nonce();
  let listener = '';
  const welcome = await converse(ctx, channel, (m) => {
    if (m.type === 'challenge' && listener === '') {
      if (m.version !== PROTOCOL_VERSION) throw new HandshakeError(`the node speaks protocol version ${m.version}, not ${PROTOCOL_VERSION}`);
      const err = check(m.name, m.instance) || (role === 'peer' ? dialectMismatch(ctx, m.name, m.dialect) : '');
      if (err) throw new HandshakeError(err);
      listener = m.name;
      const proof = ctx.auth.prove(helloLabel(role, ctx.name), m.nonce);
      const sig = role === 'peer' ? signStep(ctx, 'hello', m.name, m.nonce) : '';
      const dialect = role === 'peer' && ctx.dialect !== undefined ? { dialect: ctx.dialect } : {};
      channel.send({ type: 'hello', version: PROTOCOL_VERSION, role, name: ctx.name, instance: ctx.instance, nonce, proof, sig, ...dialect });
      return undefined;
    }
    if (m.type === 'welcome' && listener !== '') {
      if (m.name !== listener || !ctx.auth.verify(welcomeLabel(m.name), nonce, m.proof)) {
        throw new HandshakeError('authentication failed (the node does not hold the same secret)', ErrorCode.AuthFailed);
      }
      if (role === 'peer' && !verifyStep(ctx, 'welcome', m.name, m.instance, nonce, m.sig)) {
        throw new HandshakeError(
          `authentication failed (${m.name} is not in this node's trust file, or its welcome is not signed by that key)`,
          ErrorCode.AuthFailed,
        );
      }
      return m;
    }
    throw new HandshakeError(`unexpected ${m.type} during handshake`);
  });
  return { welcome, channel };
}
