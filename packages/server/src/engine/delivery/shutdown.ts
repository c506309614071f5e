/**
 * The delivery worker's stop signal. Every try in flight watches it, and a listener on an
 * `AbortSignal` per try costs the event loop more than the rest of the try's bookkeeping, so
 * tries (and chaos delays) register in a set that one `abort` walks.
 */
export class Shutdown {
  #aborted = false;
  readonly #watchers = new Set<() => void>();

  get aborted(): boolean {
    return this.#aborted;
  }

  /** Calls `stop` on shutdown (at once if it already happened); returns how to stop watching. */
  watch(stop: () => void): () => void {
    if (this.aborted) {
      stop();
      return () => undefined;
    }
    this.#watchers.add(stop);
    return () => {
      this.#watchers.delete(stop);
    };
  }

  abort(): void {
    if (this.#aborted) return;
    this.#aborted = true;
    for (const stop of this.#watchers) stop();
    this.#watchers.clear();
  }
}
