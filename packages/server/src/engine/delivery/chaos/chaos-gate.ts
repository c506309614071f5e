import { performance } from 'node:perf_hooks';
import type { AttemptRecord } from '../../../storage/delivery-records.js';
import type { Json } from '../../../storage/json.js';

/**
 * The `concurrency` fault: at most `limit` tries of chaos deliveries in flight per origin in
 * this worker, on top of the worker's own per-origin bound. Waiters go in arrival order.
 */
export class ChaosGate {
  readonly #inFlight = new Map<string, number>();
  readonly #waiting = new Map<string, (() => void)[]>();

  /** Resolves once a slot under `limit` is held for `origin`; pair with {@link leave}. */
  async enter(origin: string, limit: number): Promise<void> {
    while ((this.#inFlight.get(origin) ?? 0) >= limit) {
      await new Promise<void>((resolve) => {
        const queue = this.#waiting.get(origin) ?? [];
        queue.push(resolve);
        this.#waiting.set(origin, queue);
      });
    }
    this.#inFlight.set(origin, (this.#inFlight.get(origin) ?? 0) + 1);
  }

  leave(origin: string): void {
    const count = (this.#inFlight.get(origin) ?? 1) - 1;
    if (count > 0) this.#inFlight.set(origin, count);
    else this.#inFlight.delete(origin);
    const queue = this.#waiting.get(origin);
    const next = queue?.shift();
    if (queue !== undefined && queue.length === 0) this.#waiting.delete(origin);
    next?.();
  }

  /**
   * Runs `round` holding a slot, and records on its attempts that the `concurrency` fault
   * bounded it (and how long it waited for the slot).
   */
  async around<R extends { readonly attempts: readonly AttemptRecord[] }>(
    origin: string,
    limit: number,
    round: () => Promise<R>,
  ): Promise<R> {
    const queuedAt = performance.now();
    await this.enter(origin, limit);
    const waitedMs = Math.round(performance.now() - queuedAt);
    try {
      const result = await round();
      const fault = { fault: 'concurrency', detail: { limit, waited_ms: waitedMs } };
      const attempts = result.attempts.map((attempt) => ({
        ...attempt,
        meta: { ...attempt.meta, chaos: [...chaosOf(attempt), fault] },
      }));
      return { ...result, attempts };
    } finally {
      this.leave(origin);
    }
  }
}

function chaosOf(attempt: AttemptRecord): Json[] {
  const faults = attempt.meta['chaos'];
  return Array.isArray(faults) ? faults : [];
}
