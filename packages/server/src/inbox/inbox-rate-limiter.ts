const WINDOW_MS = 60_000;

interface Window {
  start: number;
  count: number;
}

/** The rate limit's answer: go on, or wait this many whole seconds. */
export type RateDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSecs: number };

/**
 * Fixed one-minute windows per inbox, in this process. Off unless an inbox sets a limit, as
 * settled.md requires; one window per inbox keeps memory bounded by the number of inboxes.
 */
export class InboxRateLimiter {
  readonly #windows = new Map<string, Window>();
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** Counts one request against `inboxId` unless it is over `perMinute`. */
  take(inboxId: string, perMinute: number | null): RateDecision {
    if (perMinute === null) return { allowed: true };
    const now = this.#now();
    const window = this.#current(inboxId, now);
    if (window.count >= perMinute) {
      return {
        allowed: false,
        retryAfterSecs: Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000)),
      };
    }
    window.count += 1;
    return { allowed: true };
  }

  #current(inboxId: string, now: number): Window {
    const existing = this.#windows.get(inboxId);
    if (existing !== undefined && now - existing.start < WINDOW_MS) return existing;
    const fresh = { start: now, count: 0 };
    this.#windows.set(inboxId, fresh);
    return fresh;
  }
}
