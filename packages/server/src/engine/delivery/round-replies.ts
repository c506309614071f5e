import type { AttemptRecord, Delivery } from '../../storage/delivery-records.js';
import type { RoundResult } from './run-round.js';

/** The reply a publisher reads from a round: the try that succeeded, or why none did. */
export interface RoundReply {
  readonly delivered: {
    readonly url: string;
    readonly status: number;
    readonly body: string;
  } | null;
  /** One line per failed try, e.g. `https://app/voice: HTTP 500`. */
  readonly failures: readonly string[];
}

/**
 * Hands the replies of a round to whoever in this process waits for them, keyed by delivery
 * id. The worker calls {@link roundEnded} for every round; rounds nobody waits for are
 * dropped at once, so the map only ever holds live waiters.
 */
export class RoundReplies {
  readonly #waiting = new Map<string, (reply: RoundReply) => void>();

  /** Waits for the next round of `deliveryId`. Register before publishing. */
  wait(deliveryId: string): { readonly reply: Promise<RoundReply>; cancel(): void } {
    let settle: (reply: RoundReply) => void = () => undefined;
    const reply = new Promise<RoundReply>((resolve) => {
      settle = resolve;
    });
    this.#waiting.set(deliveryId, settle);
    return {
      reply,
      cancel: () => {
        this.#waiting.delete(deliveryId);
      },
    };
  }

  readonly roundEnded = (delivery: Delivery, round: RoundResult): void => {
    const settle = this.#waiting.get(delivery.id);
    if (settle === undefined) return;
    this.#waiting.delete(delivery.id);
    settle(
      replyOf(
        round.attempts,
        round.outcomes.map((outcome) => outcome.response?.body),
      ),
    );
  };
}

/**
 * The reply of one round's attempts, oldest first. `bodies` may carry the full bodies the
 * tries read; without them the recorded (10 kB) bodies are used.
 */
export function replyOf(
  attempts: readonly AttemptRecord[],
  bodies: readonly (string | undefined)[] = [],
): RoundReply {
  const failures: string[] = [];
  for (const [index, attempt] of attempts.entries()) {
    if (attempt.status === 'delivered' && attempt.response !== null) {
      const body = bodies[index] ?? attempt.response.body;
      return { delivered: { url: attempt.url, status: attempt.response.status, body }, failures };
    }
    failures.push(`${attempt.url}: ${attempt.error ?? 'failed'}`);
  }
  return { delivered: null, failures };
}
