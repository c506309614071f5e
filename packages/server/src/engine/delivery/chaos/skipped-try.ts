import type { RetryableFailure } from '../attempt-outcome.js';
import { DELIVERY_ERROR_CODES } from '../delivery-error-codes.js';
import type { Shutdown } from '../shutdown.js';
import type { TryChaos } from './try-chaos.js';

/**
 * The outcome of a try that `fail_first` fails without sending. It is retryable, as a real
 * outage would be, so it exercises the failover URL and the retry schedule.
 */
export function skippedByChaos(chaos: TryChaos): RetryableFailure {
  const fault = chaos.faults.find((item) => item['fault'] === 'fail_first');
  const detail = (fault?.['detail'] ?? {}) as { try?: number; of?: number };
  return {
    kind: 'retryable',
    code: DELIVERY_ERROR_CODES.chaosFailure,
    reason: `chaos fail_first: try ${detail.try ?? '?'} of the first ${detail.of ?? '?'} counted as failed, not sent`,
    retryAfterMs: null,
    response: null,
    redirects: [],
  };
}

/** Waits `ms` before a try (the `delay` fault); a shutdown cuts the wait short. */
export async function pause(ms: number, shutdown: Shutdown): Promise<void> {
  if (ms <= 0 || shutdown.aborted) return;
  await new Promise<void>((resolve) => {
    const end = (): void => {
      clearTimeout(timer);
      unwatch();
      resolve();
    };
    const timer = setTimeout(end, ms);
    const unwatch = shutdown.watch(end);
  });
}
