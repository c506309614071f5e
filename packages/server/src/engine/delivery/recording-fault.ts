import type { AttemptRecord } from '../../storage/delivery-records.js';
import { newTimeOrderedId } from '../../storage/time-ordered-id.js';
import { buildAttemptRecord } from './attempt-record.js';
import type { RoundResult } from './run-round.js';
import { tryFault } from './try-fault.js';

/**
 * What is recorded in place of a round whose record the store refused: each try again, with
 * its number, URL and times, as a failed attempt that says why (75009), without the parts that
 * may be what the store could not take (headers, bodies, reply). The round may have reached the
 * receiver; it is sent again at the next round, as after a crash. A fresh id each, in case the
 * refusal was the id itself.
 */
export function recordingFault(round: RoundResult, error: unknown): RoundResult {
  const outcome = tryFault('could not record the try', error);
  const attempts = round.attempts.map((attempt): AttemptRecord =>
    buildAttemptRecord({
      id: newTimeOrderedId(),
      deliveryId: attempt.deliveryId,
      attempt: attempt.attempt,
      url: attempt.url,
      request: {
        method: attempt.request.method === 'GET' ? 'GET' : 'POST',
        url: attempt.url,
        headers: {},
        body: null,
      },
      outcome,
      startedAt: attempt.startedAt,
      finishedAt: attempt.finishedAt,
      latencyMs: attempt.latencyMs,
    }),
  );
  return { attempts, outcomes: attempts.map(() => outcome) };
}
