import type { DeliveryErrorCode } from './delivery-error-codes.js';

/** The reply that ended a try (after any redirects), as recorded on the attempt. */
export interface ReceivedResponse {
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  /** At most the recorded prefix of the body (10 kB). */
  readonly body: string;
}

/** One redirect followed inside a try. */
export interface FollowedRedirect {
  readonly status: number;
  readonly location: string;
}

interface OutcomeBase {
  readonly response: ReceivedResponse | null;
  readonly redirects: readonly FollowedRedirect[];
}

/** A 2xx reply. */
export interface Delivered extends OutcomeBase {
  readonly kind: 'delivered';
  readonly response: ReceivedResponse;
}

/** A failure worth another round: 408, 429, 5xx, timeout, connection or DNS error. */
export interface RetryableFailure extends OutcomeBase {
  readonly kind: 'retryable';
  readonly code: DeliveryErrorCode;
  readonly reason: string;
  /** From `Retry-After` on 429/503, in ms; null when absent or unparseable. */
  readonly retryAfterMs: number | null;
}

/** A failure that another round would not fix: other 4xx, 3xx loops, bad URL. */
export interface FinalFailure extends OutcomeBase {
  readonly kind: 'final';
  readonly code: DeliveryErrorCode;
  readonly reason: string;
}

/** What one HTTP try (with its redirects) came to. Expected outcomes are values, never throws. */
export type AttemptOutcome = Delivered | RetryableFailure | FinalFailure;

/** For exhaustive switches: a new outcome kind becomes a compile error. */
export function assertNever(value: never): never {
  throw new TypeError(`Unexpected value: ${JSON.stringify(value)}`);
}
