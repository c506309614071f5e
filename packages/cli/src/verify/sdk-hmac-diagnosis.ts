import type { WebhookErrorCode } from '@switchboard/core';
import { failure, type Diagnosis } from './diagnosis.js';
import { headerValue, type HeaderPairs } from './parse-headers.js';

/**
 * The way out when an SDK's `webhooks.unwrap` checks Standard Webhooks HMAC, which rejects every
 * webhook Telnyx and Switchboard send: telnyx-python 4.x does so until its Ed25519 path is
 * loaded, telnyx-node 7.x always (docs/compatibility.md).
 */
export const SDK_ED25519_FIX =
  "verify Telnyx's Ed25519 signature with the account's public key: with telnyx-python 4.x, `import telnyx.lib` before calling `client.webhooks.unwrap` (it switches unwrap to Ed25519) or call `telnyx.lib.verify_webhook_signature`; with telnyx-node 7.x, `TelnyxWebhook` from `telnyx/lib/webhooks`; or `verifyWebhook` from @switchboard/webhooks (see docs/compatibility.md)";

/**
 * A request signed as Standard Webhooks HMAC (`webhook-signature: v1,…`: a shared secret over
 * `id.timestamp.body`) where Telnyx's Ed25519 headers belong: typically a test that signs
 * webhooks so that an SDK's HMAC `unwrap` accepts them. Null for any other request.
 */
export function standardWebhooksHmac(
  headers: HeaderPairs,
  code: WebhookErrorCode,
): Diagnosis | null {
  if (headerValue(headers, 'telnyx-signature-ed25519') !== undefined) return null;
  const entries = (headerValue(headers, 'webhook-signature') ?? '').trim().split(' ');
  if (!entries.some((entry) => entry.startsWith('v1,'))) return null;
  return failure(
    code,
    'standard_webhooks_hmac',
    'The request is signed as Standard Webhooks HMAC (webhook-signature: v1,…, a shared secret), not as Telnyx signs: Telnyx and Switchboard send Telnyx-Signature-Ed25519 and Telnyx-Timestamp, an Ed25519 signature that no secret can check.',
    `send test webhooks as Telnyx does (\`switchboard trigger\`), and ${SDK_ED25519_FIX}`,
  );
}
