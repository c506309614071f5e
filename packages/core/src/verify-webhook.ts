import { parseEvent } from './events/parse-event.js';
import type { TelnyxEvent } from './events/telnyx-event.js';
import { verifySignature, type VerifySignatureOptions } from './verify-signature.js';

export type VerifyWebhookOptions = VerifySignatureOptions;

/**
 * Verifies a webhook and resolves to its typed event, or rejects with
 * `WebhookVerificationError`. The JSON is parsed only after the signature matched, and the
 * signature is always checked over the raw bytes, never over re-serialised JSON.
 */
export async function verifyWebhook(options: VerifyWebhookOptions): Promise<TelnyxEvent> {
  return parseEvent(await verifySignature(options));
}
