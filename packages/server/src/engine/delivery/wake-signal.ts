/**
 * A one-slot wake-up for the worker loop. A notify that arrives while nobody waits is kept,
 * so a wake() between a claim and the following sleep is never lost.
 */
export class WakeSignal {
  #pending = false;
  #waiter: (() => void) | null = null;

  /** Ends the current wait, or the next one if nobody is waiting. */
  notify(): void {
    const waiter = this.#waiter;
    if (waiter === null) {
      this.#pending = true;
      return;
    }
    this.#waiter = null;
    waiter();
  }

  /** Resolves on the next notify, or after `ms`. */
  wait(ms: number): Promise<void> {
    if (this.#pending) {
      this.#pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#waiter = null;
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      this.#waiter = done;
    });
  }
}
