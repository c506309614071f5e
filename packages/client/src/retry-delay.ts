/** How long to wait before the next try of a batch. */
export interface RetryDelayInput {
  /** Tries made so far (1 after the first). */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** What the server asked for (`Retry-After`), if anything. */
  readonly retryAfterMs: number | null;
  /** Uniform in [0, 1). */
  readonly random: () => number;
}

/**
 * Exponential backoff with full jitter (base, 2 × base, 4 × base, … up to the maximum, each
 * drawn uniformly below it), so that many publishers refused together do not retry together.
 * A `Retry-After` is a floor: the server knows better when it can take the batch.
 */
export function retryDelayMs(input: RetryDelayInput): number {
  const ceiling = Math.min(input.maxDelayMs, input.baseDelayMs * 2 ** (input.attempts - 1));
  const jittered = Math.floor(input.random() * ceiling);
  return Math.max(jittered, input.retryAfterMs ?? 0);
}

/** `Retry-After` as milliseconds from `now`: delay-seconds or an HTTP date; null if absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
