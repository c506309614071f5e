/**
 * Numbers the events that pass through each chaos profile, so that with a seed the n-th event
 * gets the same faults in every run. Counted in this process since it started: a restarted
 * server starts again from 0, which is what makes a seeded run repeatable.
 */
export class ChaosSequence {
  readonly #next = new Map<string, number>();

  /** The ordinal of the next event for `key` (0, 1, 2, …). */
  take(key: string): number {
    const ordinal = this.#next.get(key) ?? 0;
    this.#next.set(key, ordinal + 1);
    return ordinal;
  }
}

/** The server's sequence; publishing is the only writer. */
export const CHAOS_SEQUENCE = new ChaosSequence();
