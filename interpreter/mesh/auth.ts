/**
 * Joining a mesh: proof that both ends hold the same secret. Each side sends
 * a random nonce; the other answers with a proof computed from it, so the
 * secret never travels and a recorded proof cannot be replayed. The secret
 * implementation is in `secret.ts` (it needs node:crypto; this file does not,
 * so an in-process cluster carries no crypto dependency).
 */

/** Makes and checks handshake proofs. */
export interface Authenticator {
  /** A fresh nonce for the other side to prove against. */
  nonce(): string;
  /** The proof for `label` (what is being claimed) and the other side's nonce. */
  prove(label: string, nonce: string): string;
  /** Whether `proof` is right for `label` and our `nonce`. */
  verify(label: string, nonce: string, proof: string): boolean;
}

/** No secret: for nodes in one process and loopback-only nodes. Proofs are empty. */
export const openAuth: Authenticator = {
  nonce: () => '',
  prove: () => '',
  verify: (_label, _nonce, proof) => proof === '',
};
