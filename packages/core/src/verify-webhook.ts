import { parseEvent } from './events/parse-event.js';
import type { TelnyxWebhookEvent } from './events/telnyx-event.js';
import { checkSignature, type VerifySignatureOptions } from './verify-signature.js';

/** The inputs of `verifyWebhook`: the same as `verifySignature`'s. */
export type VerifyWebhookOptions = VerifySignatureOptions;

/**
 * Verifies a webhook and resolves to its typed event, or rejects with
 * `WebhookVerificationError`. The JSON is parsed only after the signature matched, and the
 * signature is always checked over the raw bytes, never over re-serialised JSON. The event is
 * a v2 event or, from an application set to webhook API v1, a flat v1 event (`normalizeEvent`).
 */
export async function verifyWebhook(options: VerifyWebhookOptions): Promise<TelnyxWebhookEvent> {
  const checked = checkSignature(options);
  const bytes = checked instanceof Promise ? await checked : checked;
  // The string a caller passed is exactly what was verified; parsing it skips a decode.
  return parseEvent(typeof options.body === 'string' ? options.body : bytes);
}
