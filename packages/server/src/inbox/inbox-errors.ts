import { ApiError } from '../support/errors/api-error.js';

/** 429: the inbox's `rate_limit_per_minute` is used up; `retryAfterSecs` goes in `Retry-After`. */
export class InboxRateLimitedError extends ApiError {
  readonly retryAfterSecs: number;

  constructor(retryAfterSecs: number) {
    super(429, [
      {
        code: '429',
        title: 'Too Many Requests',
        detail: `This inbox takes no more requests this minute; retry after ${retryAfterSecs} s.`,
      },
    ]);
    this.retryAfterSecs = retryAfterSecs;
  }
}

/** 503 / 10007: a relay inbox with no `switchboard listen` connected to forward the request. */
export class NoListenerError extends ApiError {
  readonly retryAfterSecs: number;

  constructor(retryAfterSecs: number) {
    super(503, [
      {
        code: '10007',
        title: 'Service unavailable',
        detail: 'No listener is connected to this relay inbox; run `switchboard listen`.',
      },
    ]);
    this.retryAfterSecs = retryAfterSecs;
  }
}

/** 504: the listener did not report the local app's answer within `relay_timeout_secs`. */
export class RelayTimeoutError extends ApiError {
  constructor(timeoutSecs: number) {
    super(504, [
      {
        code: '504',
        title: 'Gateway Timeout',
        detail: `The local app did not answer through the listener within ${timeoutSecs} s.`,
      },
    ]);
  }
}

/** 502: the listener reached no local app (connection refused, timeout, …). */
export class RelayFailedError extends ApiError {
  constructor(reason: string) {
    super(502, [
      {
        code: '502',
        title: 'Bad Gateway',
        detail: `The listener could not reach the local app: ${reason}`,
      },
    ]);
  }
}
