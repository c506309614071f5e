import { nodeCrypto } from './node-crypto.js';
import type * as NodeCryptoModule from 'node:crypto';
import { decodeRawKey } from './raw-key.js';

type NodeCrypto = typeof NodeCryptoModule;
// Synchronous on Node, so the common path costs no extra promise ticks; a promise on WebCrypto.
type Verifier = (data: Uint8Array, signature: Uint8Array) => boolean | Promise<boolean>;

const SPKI_PREFIX = new Uint8Array([
  0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
]);
const CACHE_LIMIT = 256;
const verifiers = new Map<string, Verifier>();

/**
 * A verifier for one base64 raw Ed25519 public key, imported once and cached.
 * Throws `WH_BAD_KEY` when the key is not 32 bytes of base64.
 */
export function ed25519Verifier(publicKey: string): Verifier {
  const hit = verifiers.get(publicKey);
  if (hit !== undefined) return hit;
  const raw = decodeRawKey(publicKey, 'whpk_');
  const made = nodeCrypto ? nodeVerifier(nodeCrypto, raw) : webVerifier(raw);
  if (verifiers.size >= CACHE_LIMIT) verifiers.clear();
  verifiers.set(publicKey, made);
  return made;
}

function nodeVerifier(crypto: NodeCrypto, raw: Uint8Array): Verifier {
  const spki = new Uint8Array(SPKI_PREFIX.length + raw.length);
  spki.set(SPKI_PREFIX);
  spki.set(raw, SPKI_PREFIX.length);
  const key = crypto.createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  return (data, signature) => crypto.verify(null, data, key, signature);
}

function webVerifier(raw: Uint8Array): Verifier {
  const key = crypto.subtle.importKey('raw', new Uint8Array(raw), { name: 'Ed25519' }, false, [
    'verify',
  ]);
  return async (data, signature) =>
    crypto.subtle.verify('Ed25519', await key, new Uint8Array(signature), new Uint8Array(data));
}
