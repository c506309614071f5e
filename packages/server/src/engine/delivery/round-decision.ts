import type { DeliveryUpdate } from '../../storage/delivery-queue.js';
import { assertNever, type AttemptOutcome } from './attempt-outcome.js';
import { nextRound } from './retry-policy.js';

export interface RoundDecisionInput {
  readonly outcomes: readonly AttemptOutcome[];
  /** Rounds completed before this one. */
  readonly roundsBefore: number;
  readonly schedule: readonly number[];
  readonly now: number;
  readonly random: () => number;
}

/**
 * The delivery's next state after a round: delivered if any try was, a new round only if some
 * failure was retryable and the schedule has one left, failed otherwise.
 */
export function decideAfterRound(input: RoundDecisionInput): DeliveryUpdate {
  const summary = summarise(input.outcomes);
  if (summary.delivered) return { state: 'delivered', finishedAt: input.now };
  if (!summary.retryable) return { state: 'failed', finishedAt: input.now };
  const decision = nextRound({
    roundsDone: input.roundsBefore + 1,
    schedule: input.schedule,
    now: input.now,
    retryAfterMs: summary.retryAfterMs,
    random: input.random,
  });
  return decision.kind === 'retry'
    ? { state: 'queued', nextAttemptAt: decision.at }
    : { state: 'failed', finishedAt: input.now };
}

interface RoundSummary {
  delivered: boolean;
  retryable: boolean;
  retryAfterMs: number | null;
}

function summarise(outcomes: readonly AttemptOutcome[]): RoundSummary {
  const summary: RoundSummary = { delivered: false, retryable: false, retryAfterMs: null };
  for (const outcome of outcomes) {
    switch (outcome.kind) {
      case 'delivered':
        summary.delivered = true;
        break;
      case 'retryable':
        summary.retryable = true;
        summary.retryAfterMs = maxOrNull(summary.retryAfterMs, outcome.retryAfterMs);
        break;
      case 'final':
        break;
      default:
        assertNever(outcome);
    }
  }
  return summary;
}

function maxOrNull(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null ? a : Math.max(a, b);
}
