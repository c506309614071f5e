/**
 * How a try stops its exchange early (its timer, the worker's shutdown). The first `cancel`
 * wins; the exchange under way registers what cancelling does to it (`onCancel`), and one
 * that starts after the cancel finds `reason` set.
 */
export class Cancellation {
  #reason: Error | null = null;
  #onCancel: ((reason: Error) => void) | null = null;

  get reason(): Error | null {
    return this.#reason;
  }

  /** What the exchange under way does when cancelled; `null` once it has settled. */
  set onCancel(handler: ((reason: Error) => void) | null) {
    this.#onCancel = handler;
  }

  cancel(reason: Error): void {
    if (this.#reason !== null) return;
    this.#reason = reason;
    this.#onCancel?.(reason);
  }
}
