import { parseEvent } from './events/parse-event.js';
import type { TelnyxWebhookEvent } from './events/telnyx-event.js';
import { verifySignature, type VerifySignatureOptions } from './verify-signature.js';

export type VerifyWebhookOptions = VerifySignatureOptions;

/**
 * Verifies a webhook and resolves to its typed event, or rejects with
 * `WebhookVerificationError`. The JSON is parsed only after the signature matched, and the
 * signature is always checked over the raw bytes, never over re-serialised JSON. The event is
 * a v2 event or, from an application set to webhook API v1, a flat v1 event (`normalizeEvent`).
 */
export async function verifyWebhook(options: VerifyWebhookOptions): Promise<TelnyxWebhookEvent> {
  return parseEvent(await verifySignature(options));
}
