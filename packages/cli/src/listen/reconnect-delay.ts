const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 10_000;

/**
 * Exponential backoff with jitter for the `n`-th reconnect in a row (0-based): 0.5 s, 1 s,
 * 2 s … up to 10 s, each scaled by 50–100 % so many listeners do not reconnect in step.
 */
export function reconnectDelay(attempt: number, random: () => number): number {
  const base = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(attempt, 10));
  return Math.round(base * (0.5 + random() / 2));
}
