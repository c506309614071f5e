import type { KeyObject } from 'node:crypto';
import { encodeBase64 } from './encoding.js';
import { requireNodeCrypto } from './node-crypto.js';
import { decodeRawKey } from './raw-key.js';

/** An Ed25519 key pair as Telnyx shows keys: base64 of the raw 32-byte key (private: the seed). */
export interface KeyPair {
  readonly publicKey: string;
  readonly privateKey: string;
}

const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const CACHE_LIMIT = 256;
const publicCache = new Map<string, KeyObject>();
const privateCache = new Map<string, KeyObject>();

/** A fresh Ed25519 key pair, both halves as base64 of the raw 32 bytes. */
export function generateKeyPair(): KeyPair {
  const { publicKey, privateKey } =
    requireNodeCrypto('generateKeyPair').generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
  return {
    publicKey: encodeBase64(spki.subarray(SPKI_PREFIX.length)),
    privateKey: encodeBase64(pkcs8.subarray(PKCS8_PREFIX.length)),
  };
}

/** The public half of a base64 raw private key (seed). */
export function publicKeyFromPrivate(privateKey: string): string {
  const spki = requireNodeCrypto('publicKeyFromPrivate')
    .createPublicKey(importPrivateKey(privateKey))
    .export({
      format: 'der',
      type: 'spki',
    });
  return encodeBase64(spki.subarray(SPKI_PREFIX.length));
}

/** Imports (once, then from a small cache) a base64 raw Ed25519 public key. */
export function importPublicKey(key: string): KeyObject {
  return cached(publicCache, key, () =>
    requireNodeCrypto('importPublicKey').createPublicKey({
      key: Buffer.concat([SPKI_PREFIX, decodeRawKey(key, 'whpk_')]),
      format: 'der',
      type: 'spki',
    }),
  );
}

/** Imports (once, then from a small cache) a base64 raw Ed25519 private key (the 32-byte seed). */
export function importPrivateKey(key: string): KeyObject {
  return cached(privateCache, key, () =>
    requireNodeCrypto('Signing').createPrivateKey({
      key: Buffer.concat([PKCS8_PREFIX, decodeRawKey(key, 'whsk_')]),
      format: 'der',
      type: 'pkcs8',
    }),
  );
}

function cached(cache: Map<string, KeyObject>, key: string, make: () => KeyObject): KeyObject {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const made = make();
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, made);
  return made;
}
