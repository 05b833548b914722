/**
 * The shared-secret authenticator: proofs are HMAC-SHA256 of the other
 * side's random nonce under the secret, compared in constant time.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Authenticator } from './auth.js';

/** An authenticator for a shared secret. */
export function createSecretAuth(secret: string): Authenticator {
  if (secret === '') throw new Error('the shared secret is empty');
  const key = Buffer.from(secret, 'utf8');
  const mac = (label: string, nonce: string): Buffer => createHmac('sha256', key).update(`${label}\n${nonce}`).digest();
  return {
    nonce: () => randomBytes(16).toString('hex'),
    prove: (label, nonce) => mac(label, nonce).toString('hex'),
    verify(label, nonce, proof) {
      const want = mac(label, nonce);
      const got = Buffer.from(proof, 'hex');
      // Same length first (timingSafeEqual requires it); the length is public anyway.
      return got.length === want.length && timingSafeEqual(got, want);
    },
  };
}
