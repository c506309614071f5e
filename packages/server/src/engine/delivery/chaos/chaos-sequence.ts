import { LRUCache } from 'lru-cache';

/** Streams followed at once; past it the least recently used one starts again from 0. */
const DEFAULT_STREAMS = 10_000;

/**
 * Numbers the events that pass through each chaos profile, so that with a seed the n-th event
 * gets the same faults in every run. Counted in this process since it started: a restarted
 * server starts again from 0, which is what makes a seeded run repeatable.
 *
 * A stream is a profile and its seed, which callers choose freely, so the counters are bounded:
 * at most `streams` of them, the least recently used forgotten first (and counted again from 0).
 */
export class ChaosSequence {
  readonly #next: LRUCache<string, number>;

  constructor(streams = DEFAULT_STREAMS) {
    this.#next = new LRUCache({ max: streams });
  }

  /** The ordinal of the next event for `key` (0, 1, 2, …). */
  take(key: string): number {
    const ordinal = this.#next.get(key) ?? 0;
    this.#next.set(key, ordinal + 1);
    return ordinal;
  }

  /** Streams currently counted. */
  get size(): number {
    return this.#next.size;
  }
}

/** The server's sequence; publishing is the only writer. */
export const CHAOS_SEQUENCE = new ChaosSequence();
