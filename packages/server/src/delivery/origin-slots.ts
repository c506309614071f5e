/** What the next claim may take without pushing any origin over its bound. */
export interface ClaimPlan {
  readonly limit: number;
  /** Origins too busy for this claim; the store skips their deliveries. */
  readonly excludeOrigins: readonly string[];
}

/**
 * Counts tries in flight per origin (scheme://host:port), so that one slow or dead endpoint
 * holds at most `perOrigin` of the worker's slots and never blocks the rest.
 */
export class OriginSlots {
  readonly #perOrigin: number;
  readonly #inFlight = new Map<string, number>();

  constructor(perOrigin: number) {
    this.#perOrigin = perOrigin;
  }

  acquire(origin: string): void {
    this.#inFlight.set(origin, (this.#inFlight.get(origin) ?? 0) + 1);
  }

  release(origin: string): void {
    const count = (this.#inFlight.get(origin) ?? 0) - 1;
    if (count > 0) this.#inFlight.set(origin, count);
    else this.#inFlight.delete(origin);
  }

  inFlight(origin: string): number {
    return this.#inFlight.get(origin) ?? 0;
  }

  /**
   * A claim cannot know which origins it will return, so its limit is the fewest free slots
   * of any origin it may touch. Origins with fewer than `minBatch` free slots are excluded
   * instead, so one nearly full origin does not shrink every claim to a single row.
   */
  plan(globalFree: number, maxBatch: number): ClaimPlan {
    const minBatch = Math.max(1, Math.min(globalFree, Math.ceil(this.#perOrigin / 4)));
    let limit = Math.min(globalFree, maxBatch, this.#perOrigin);
    const excludeOrigins: string[] = [];
    for (const [origin, count] of this.#inFlight) {
      const free = this.#perOrigin - count;
      if (free < minBatch) excludeOrigins.push(origin);
      else limit = Math.min(limit, free);
    }
    return { limit, excludeOrigins };
  }
}
