import type { WebhookErrorCode } from '@switchboard/core';
import type { WebhookResponse } from './receiver-types.js';

/**
 * Codes the receiver puts in reply bodies beyond the core's `WH_*` verification codes.
 * Public API, documented in `docs/sdk/receiver.md`.
 */
export const RECEIVER_RESPONSE_CODES = {
  RCV_IN_PROGRESS: 'The same event is being processed by another delivery; retry later.',
  RCV_STORE_UNAVAILABLE: 'The idempotency store could not be reached; retry later.',
  RCV_HANDLER_FAILED: 'The handler failed; the lease was released so a retry can run it again.',
  RCV_BODY_TOO_LARGE: 'The request body is larger than the adapter accepts.',
  RCV_BODY_UNREADABLE: 'The request body could not be read (the client went away mid-body).',
  RCV_INTERNAL: 'An unexpected fault in the receiver.',
} as const;

export type ReceiverResponseCode = keyof typeof RECEIVER_RESPONSE_CODES;

/** Seconds a sender is asked to wait before retrying an in-progress or unavailable delivery. */
export const RETRY_AFTER_SECONDS = 5;

/** `status` values of a 200 reply body. */
export type AckStatus = 'processed' | 'accepted' | 'duplicate' | 'ignored';

const SETTLED = Promise.resolve();
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/** A 200 reply; `settled` carries background work still running after the ack. */
export function ackResponse(status: AckStatus, settled: Promise<void> = SETTLED): WebhookResponse {
  return { status: 200, body: JSON.stringify({ status }), headers: JSON_HEADERS, settled };
}

/** An error reply with `{ error: { code, message } }`; a 503 also carries `Retry-After`. */
export function errorResponse(
  status: number,
  code: WebhookErrorCode | ReceiverResponseCode,
  message: string,
): WebhookResponse {
  const retryable = status === 503;
  return {
    status,
    body: JSON.stringify({ error: { code, message } }),
    headers: retryable
      ? { ...JSON_HEADERS, 'retry-after': String(RETRY_AFTER_SECONDS) }
      : JSON_HEADERS,
    settled: SETTLED,
  };
}

/** A receiver-code reply with that code's standard message. */
export function receiverError(status: number, code: ReceiverResponseCode): WebhookResponse {
  return errorResponse(status, code, RECEIVER_RESPONSE_CODES[code]);
}

/**
 * 400 when the payload itself is unusable, 500 when the receiver is misconfigured (a bad key,
 * or a body parsed by middleware before us) so Telnyx keeps retrying until the fix is deployed
 * instead of dropping every delivery as final, 401 for every signature and timestamp failure.
 */
export function statusForVerificationCode(code: WebhookErrorCode): number {
  if (code === 'WH_MALFORMED_PAYLOAD') return 400;
  return code === 'WH_BAD_KEY' || code === 'WH_BODY_PARSED' ? 500 : 401;
}
