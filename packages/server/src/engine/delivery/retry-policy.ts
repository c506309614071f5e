/** Seed 003: rounds at +0, +1 min, +5 min, +15 min, +1 h; these are the delays after the first. */
export const DEFAULT_RETRY_SCHEDULE: readonly number[] = [60_000, 300_000, 900_000, 3_600_000];

/** The longest `Retry-After` honoured, so a hostile reply cannot park a delivery for days. */
export const MAX_RETRY_AFTER_MS = 3_600_000;

/** Jitter is ±10% of the scheduled delay, spreading a burst of failures over time. */
const JITTER_RATIO = 0.1;

export interface RetryPolicyInput {
  /** Rounds completed so far, including the one that just failed (≥ 1). */
  readonly roundsDone: number;
  /** Delays in ms of the rounds after the first. */
  readonly schedule: readonly number[];
  /** Epoch ms when the round ended. */
  readonly now: number;
  /** The largest `Retry-After` of the round's replies, in ms, or null. */
  readonly retryAfterMs: number | null;
  /** Uniform in [0, 1); 0.5 means no jitter. */
  readonly random: () => number;
}

export type RoundDecision =
  { readonly kind: 'retry'; readonly at: number } | { readonly kind: 'give-up' };

/**
 * When the next round of a retryable delivery is due, or that there is none. Pure: time and
 * randomness come in as arguments. `Retry-After` can only delay a round (up to 1 h), never
 * bring it forward, so a busy receiver cannot make Switchboard retry faster than the schedule.
 */
export function nextRound(input: RetryPolicyInput): RoundDecision {
  const delay = input.schedule[input.roundsDone - 1];
  if (delay === undefined) return { kind: 'give-up' };
  const jittered = Math.round(delay * (1 + JITTER_RATIO * (2 * input.random() - 1)));
  const floor = Math.min(input.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS);
  return { kind: 'retry', at: input.now + Math.max(jittered, floor) };
}

/**
 * Parses `Retry-After` (delay-seconds or an HTTP date) into ms from `now`; null when it is
 * missing or malformed. Dates in the past count as 0.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // HTTP dates name a month; without that check Date.parse reads '-5' as a year.
  const date = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
