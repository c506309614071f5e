import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Prefix of generated keys, so that a leaked one is easy to recognise and scan for. */
export const API_KEY_PREFIX = 'KEYsb_';

/** A new random API key: 256 bits, URL-safe. */
export function generateApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** SHA-256 hex of a key or token: what the store keeps instead of the secret. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares two SHA-256 hex digests in constant time. */
export function hashesMatch(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}
