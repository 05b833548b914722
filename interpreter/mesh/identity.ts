/**
 * Who a node is: every member of a secure mesh holds an Ed25519 key pair,
 * and every node holds a trust list mapping member names to public keys
 * (docs/security.md). A node signs its `hello`/`welcome` and its own link
 * state; the others check the signature against the name it claims, so one
 * member cannot speak for another (forged topology, a stolen name). The
 * implementation with keys is `node-keys.ts` (it needs node:crypto; this
 * file does not, so an in-process cluster carries no crypto dependency).
 */
import type { Lsa } from './mesh-protocol.js';

/** Signs as this node and checks other nodes' signatures. */
export interface NodeIdentity {
  /** Whether names are bound to keys (false: any signature passes). */
  readonly secure: boolean;
  /** This node's signature of `text`. */
  sign(text: string): string;
  /** Whether `sig` is the signature of `text` by the key trusted for `node`. */
  verify(node: string, text: string, sig: string): boolean;
  /** Whether `node` is a member at all (has a trusted key). */
  knows(node: string): boolean;
}

/** No keys: for nodes in one process and `--insecure` nodes. Signatures are empty and never checked. */
export const openIdentity: NodeIdentity = {
  secure: false,
  sign: () => '',
  verify: () => true,
  knows: () => true,
};

/** What an LSA's signature covers: everything but the signature, unambiguously. */
export function lsaSigningText(lsa: Omit<Lsa, 'sig'>): string {
  return JSON.stringify(['lsa', lsa.origin, lsa.instance, lsa.seq, lsa.neighbours]);
}

/**
 * What a handshake signature covers: the step, who signs, who it is meant
 * for, the signer's instance and the other side's nonce (so it cannot be
 * replayed to another node or on another connection).
 */
export function handshakeSigningText(step: 'hello' | 'welcome', signer: string, audience: string, instance: string, nonce: string): string {
  return JSON.stringify([step, signer, audience, instance, nonce]);
}
