import { createPublicKey, verify, type KeyObject } from 'node:crypto';

// SubjectPublicKeyInfo prefix of an Ed25519 key; the raw 32 bytes follow it.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A raw 32-byte Ed25519 public key as a Node KeyObject. */
export function rawPublicKey(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** True when `signature` is a valid Ed25519 signature of `content` under `key`. */
export function ed25519Matches(
  key: KeyObject,
  content: Uint8Array,
  signature: Uint8Array,
): boolean {
  try {
    return verify(null, content, key, signature);
  } catch {
    // A signature of the wrong length is simply not a match.
    return false;
  }
}
