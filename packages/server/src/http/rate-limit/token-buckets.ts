import type { RateSetting } from './rate-setting.js';

export type TakeResult =
  { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Buckets idle long enough to be full again are dropped past this many, to bound memory. */
const MAX_IDLE_BUCKETS = 10_000;

/**
 * One token bucket per key (an account id): `burst` tokens, refilled at `perSecond`. Each key
 * has its own bucket, so one busy tenant runs dry alone. Time comes from the caller.
 */
export class TokenBuckets {
  readonly #rate: RateSetting;
  readonly #buckets = new Map<string, Bucket>();

  constructor(rate: RateSetting) {
    this.#rate = rate;
  }

  /** Takes one token for `key` at `now` (epoch ms), or says how long until one is free. */
  take(key: string, now: number): TakeResult {
    const bucket = this.#refilled(key, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return {
      ok: false,
      retryAfterMs: Math.ceil(((1 - bucket.tokens) / this.#rate.perSecond) * 1000),
    };
  }

  #refilled(key: string, now: number): Bucket {
    const { burst, perSecond } = this.#rate;
    const bucket = this.#buckets.get(key) ?? this.#add(key, now);
    const elapsed = Math.max(0, now - bucket.updatedAt);
    bucket.tokens = Math.min(burst, bucket.tokens + (elapsed / 1000) * perSecond);
    bucket.updatedAt = now;
    return bucket;
  }

  #add(key: string, now: number): Bucket {
    if (this.#buckets.size >= MAX_IDLE_BUCKETS) this.#dropFull(now);
    const bucket = { tokens: this.#rate.burst, updatedAt: now };
    this.#buckets.set(key, bucket);
    return bucket;
  }

  /** A bucket that would be full by now holds no state worth keeping. */
  #dropFull(now: number): void {
    const refillMs = (this.#rate.burst / this.#rate.perSecond) * 1000;
    for (const [key, bucket] of this.#buckets) {
      if (now - bucket.updatedAt >= refillMs) this.#buckets.delete(key);
    }
  }
}
