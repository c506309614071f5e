import type { CompleteInput, Store } from '../storage/store.js';

/** Captured at load, so tests that fake timers after importing still see completions flushed. */
const schedule = globalThis.setImmediate;

interface Pending {
  readonly input: CompleteInput;
  readonly resolve: (completed: boolean) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Collects the rounds that finish during one turn of the event loop and records them with one
 * `store.completeMany`: one transaction (one round trip on PostgreSQL) for all of them instead
 * of one each, which is most of what a delivery costs the store.
 */
export class CompletionBatch {
  readonly #store: Store;
  #pending: Pending[] = [];

  constructor(store: Store) {
    this.#store = store;
  }

  /** Resolves with `complete`'s answer once the batch holding `input` is committed. */
  complete(input: CompleteInput): Promise<boolean> {
    return new Promise((resolve, reject) => {
      if (this.#pending.length === 0) schedule(() => void this.#flush());
      this.#pending.push({ input, resolve, reject });
    });
  }

  async #flush(): Promise<void> {
    const batch = this.#pending;
    this.#pending = [];
    try {
      const results = await this.#store.completeMany(batch.map((entry) => entry.input));
      batch.forEach((entry, index) => {
        entry.resolve(results[index] ?? false);
      });
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  }
}
