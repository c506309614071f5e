import type { AttemptOutcome, FollowedRedirect, ReceivedResponse } from './attempt-outcome.js';
import { DELIVERY_ERROR_CODES } from './delivery-error-codes.js';
import { parseRetryAfter } from './retry-policy.js';

/**
 * Maps the reply that ended a try to its outcome (seed 001's table): 2xx delivered; 408, 429
 * and 5xx retryable; every other status (other 4xx, an unfollowed 3xx, 1xx) final.
 */
export function classifyResponse(
  response: ReceivedResponse,
  redirects: readonly FollowedRedirect[],
  now: number,
): AttemptOutcome {
  const { status } = response;
  if (status >= 200 && status < 300) return { kind: 'delivered', response, redirects };
  const reason = `HTTP ${status}`;
  const code = DELIVERY_ERROR_CODES.httpFailure;
  if (!isRetryableStatus(status)) return { kind: 'final', code, reason, response, redirects };
  const retryAfterMs = status === 429 || status === 503 ? retryAfter(response, now) : null;
  return { kind: 'retryable', code, reason, retryAfterMs, response, redirects };
}

/** 408 and 429 are the 4xx a receiver uses to say "later", so they are retried like 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status < 600);
}

function retryAfter(response: ReceivedResponse, now: number): number | null {
  const header = response.headers.find(([name]) => name === 'retry-after');
  return parseRetryAfter(header?.[1], now);
}
