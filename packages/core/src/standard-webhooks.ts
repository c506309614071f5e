import { concatBytes, decodeBase64, encodeBase64, utf8 } from './encoding.js';
import { importPrivateKey } from './keys.js';
import { requireNodeCrypto } from './node-crypto.js';
import { WebhookVerificationError } from './webhook-verification-error.js';

/**
 * Standard Webhooks (https://www.standardwebhooks.com), the opt-in second scheme: signs
 * `id.timestamp.body`; `v1a` is Ed25519 with `whsk_`/`whpk_` keys, `v1` is HMAC-SHA256 with a
 * `whsec_` secret.
 */
export interface SignStandardWebhookOptions {
  readonly id: string;
  readonly body: string | Uint8Array;
  /** `whsk_…` (Ed25519, v1a) or `whsec_…` (HMAC, v1). */
  readonly key: string;
  /** Unix seconds; defaults to now. */
  readonly timestamp?: number;
}

/** The headers `signStandardWebhook` returns (a type alias, so it is assignable to `HeaderSource`). */
export type StandardWebhookHeaders = {
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
};

/** The bytes Standard Webhooks signs: `id.timestamp.` followed by the body. */
export function standardSignedContent(id: string, timestamp: string, body: Uint8Array): Uint8Array {
  return concatBytes(utf8(`${id}.${timestamp}.`), body);
}

/** Signs as Standard Webhooks does; the key's prefix picks `v1a` (`whsk_`) or `v1` (`whsec_`). */
export function signStandardWebhook(options: SignStandardWebhookOptions): StandardWebhookHeaders {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const body = typeof options.body === 'string' ? utf8(options.body) : options.body;
  const content = standardSignedContent(options.id, timestamp, body);
  return {
    'webhook-id': options.id,
    'webhook-timestamp': timestamp,
    'webhook-signature': signatureFor(options.key, content),
  };
}

function signatureFor(key: string, content: Uint8Array): string {
  if (key.startsWith('whsec_')) return `v1,${encodeBase64(hmacSha256(key, content))}`;
  if (key.startsWith('whsk_'))
    return `v1a,${encodeBase64(requireNodeCrypto('signStandardWebhook').sign(null, content, importPrivateKey(key)))}`;
  throw new WebhookVerificationError(
    'WH_BAD_KEY',
    'A Standard Webhooks key starts with whsk_ or whsec_.',
  );
}

function hmacSha256(secret: string, content: Uint8Array): Uint8Array {
  const raw = decodeBase64(secret.slice('whsec_'.length));
  if (raw === null || raw.length === 0) {
    throw new WebhookVerificationError('WH_BAD_KEY', 'The whsec_ secret is not valid base64.');
  }
  return requireNodeCrypto('signStandardWebhook')
    .createHmac('sha256', raw)
    .update(content)
    .digest();
}
