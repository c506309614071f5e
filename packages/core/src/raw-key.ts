import { decodeBase64 } from './encoding.js';
import { WebhookVerificationError } from './webhook-verification-error.js';

/** Raw 32 bytes from base64, with an optional Standard Webhooks `whpk_`/`whsk_` prefix. */
export function decodeRawKey(key: unknown, prefix: 'whpk_' | 'whsk_'): Uint8Array {
  if (typeof key !== 'string' || key.length === 0) {
    throw new WebhookVerificationError('WH_BAD_KEY', 'No key was provided.');
  }
  const body = key.startsWith(prefix) ? key.slice(prefix.length) : key;
  const bytes = decodeBase64(body);
  if (bytes === null) {
    throw new WebhookVerificationError('WH_BAD_KEY', 'The key is not valid base64.');
  }
  if (bytes.length !== 32) {
    throw new WebhookVerificationError(
      'WH_BAD_KEY',
      `Invalid Ed25519 key: expected 32 bytes, got ${bytes.length} bytes.`,
    );
  }
  return bytes;
}
