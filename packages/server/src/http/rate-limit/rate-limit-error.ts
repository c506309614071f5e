import { ApiError } from '../../support/errors/api-error.js';

/**
 * 429 / 10011 "Too many requests": the account spent its request budget. Telnyx's published
 * error list names 10011 for rate limiting; its OpenAPI document defines no 429 code of its own.
 */
export class RateLimitError extends ApiError {
  /** Whole seconds, for the `Retry-After` header. */
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super(429, [
      {
        code: '10011',
        title: 'Too many requests',
        detail: `This account sent too many requests. Retry after ${retryAfterSeconds} s.`,
      },
    ]);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
