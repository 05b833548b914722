/**
 * Ed25519 node identities (`identity.ts`): key generation, the text forms
 * the key files use, and the identity that signs with a private key and
 * checks others against trusted public keys.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import type { NodeIdentity } from './identity.js';

/** A new key pair: the private key as PKCS#8 PEM, the public key as base64url (the trust file's form). */
export function generateNodeKey(): { readonly privatePem: string; readonly publicKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), publicKey: publicText(publicKey) };
}

/** The trust file's form of a public key: the raw 32 bytes, base64url. */
function publicText(key: KeyObject): string {
  const x = key.export({ format: 'jwk' }).x;
  if (typeof x !== 'string') throw new Error('not an Ed25519 key');
  return x;
}

/** Parses a trust-file public key; throws with a readable message. */
export function parsePublicKey(text: string): KeyObject {
  if (!/^[A-Za-z0-9_-]{43}$/.test(text)) throw new Error('a public key is 43 base64url characters');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: text }, format: 'jwk' });
}

/** Parses a PEM private key and returns it with its public key's text; throws with a readable message. */
export function parsePrivateKey(pem: string): { readonly key: KeyObject; readonly publicKey: string } {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new Error('not a PEM private key');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`an ${key.asymmetricKeyType ?? 'unknown'} key, not ed25519`);
  return { key, publicKey: publicText(createPublicKey(key)) };
}

/** A random 32-byte secret, base64 (what `mm keys` writes). */
export function generateSecret(): string {
  return randomBytes(32).toString('base64');
}

/**
 * The identity of a node holding `privateKey`; `trusted(name)` gives the
 * public key trusted for a name, if any (looked up on every check, so a
 * trust file that grows is seen without a restart).
 */
export function createKeyIdentity(privateKey: KeyObject, trusted: (name: string) => KeyObject | undefined): NodeIdentity {
  return {
    secure: true,
    sign: (text) => sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64'),
    verify(node, text, sig) {
      const key = trusted(node);
      if (!key || !/^[A-Za-z0-9+/]{86}==$/.test(sig)) return false;
      return verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(sig, 'base64'));
    },
    knows: (node) => trusted(node) !== undefined,
  };
}
