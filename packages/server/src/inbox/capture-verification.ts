import { verifySignature, WebhookVerificationError } from '@switchboard/core';
import type { HeaderPairs } from '../storage/inbox-store.js';

/**
 * Checks a captured request as a Telnyx receiver would: `'verified'`, or the
 * `WebhookVerificationError` code that `@switchboard/webhooks` would raise. Null without a key.
 */
export async function captureVerification(
  publicKey: string | null,
  body: Uint8Array,
  headers: HeaderPairs,
  now: number,
): Promise<string | null> {
  if (publicKey === null) return null;
  try {
    await verifySignature({ body, headers, publicKey, now });
    return 'verified';
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.code;
    throw error;
  }
}
