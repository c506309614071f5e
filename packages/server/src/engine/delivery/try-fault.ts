import type { RetryableFailure } from './attempt-outcome.js';
import { DELIVERY_ERROR_CODES } from './delivery-error-codes.js';

/** A stored delivery whose row cannot be read back whole (see `Delivery.unreadable`). */
export class UnreadableDeliveryError extends Error {
  readonly code = 'SB_UNREADABLE_DELIVERY';

  constructor(problem: string) {
    super(problem);
    this.name = 'UnreadableDeliveryError';
  }
}

/**
 * The outcome of a try that failed on Switchboard's side: whatever threw while it was prepared,
 * signed, sent or recorded. It is retryable, so a passing fault (a store that was briefly busy)
 * heals at the next round and a lasting one (a damaged row) is given up after the retry
 * schedule like any other failure; either way it fails this delivery alone.
 */
export function tryFault(stage: string, error: unknown): RetryableFailure {
  return {
    kind: 'retryable',
    code: DELIVERY_ERROR_CODES.internalFault,
    reason: `${stage}: ${messageOf(error)}`,
    retryAfterMs: null,
    response: null,
    redirects: [],
  };
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.message === '' ? error.name : error.message;
}
