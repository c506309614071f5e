import { nodeCrypto } from './node-crypto.js';
import { decodeBase64 } from './encoding.js';
import { WebhookVerificationError } from './webhook-verification-error.js';

/** Constant-time check of an HMAC-SHA256 signature under a Standard Webhooks `whsec_` secret. */
export async function verifyHmac(
  secret: string,
  data: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  const raw = decodeBase64(secret.slice('whsec_'.length));
  if (raw === null || raw.length === 0) {
    throw new WebhookVerificationError('WH_BAD_KEY', 'The whsec_ secret is not valid base64.');
  }
  if (nodeCrypto) {
    const expected = nodeCrypto.createHmac('sha256', raw).update(data).digest();
    return expected.length === signature.length && nodeCrypto.timingSafeEqual(expected, signature);
  }
  const key = await crypto.subtle.importKey(
    'raw',
    new Uint8Array(raw),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  return crypto.subtle.verify('HMAC', key, new Uint8Array(signature), new Uint8Array(data));
}
