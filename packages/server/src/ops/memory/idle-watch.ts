/** When to give memory back: how busy counts as busy, and how long quiet must last. */
export interface IdleWatchOptions {
  /** Event-loop utilisation (0–1) above which an interval counts as busy; default 0.05. */
  readonly busyAbove?: number;
  /** Quiet intervals in a row, after a busy one, before memory is released; default 2. */
  readonly quietIntervals?: number;
}

/**
 * Decides, from one event-loop utilisation figure per interval, when a burst of work has ended:
 * after at least one busy interval, the given number of quiet ones in a row. It answers true once
 * per burst, so an idle process is never collected again and again, and a steadily busy one is
 * left to V8's own collector.
 */
export class IdleWatch {
  readonly #busyAbove: number;
  readonly #quietIntervals: number;
  #busySinceRelease = false;
  #quiet = 0;

  constructor(options: IdleWatchOptions = {}) {
    this.#busyAbove = options.busyAbove ?? 0.05;
    this.#quietIntervals = options.quietIntervals ?? 2;
  }

  /** Records one interval's utilisation; true when memory should be released now. */
  interval(utilization: number): boolean {
    if (utilization > this.#busyAbove) {
      this.#busySinceRelease = true;
      this.#quiet = 0;
      return false;
    }
    this.#quiet += 1;
    if (!this.#busySinceRelease || this.#quiet < this.#quietIntervals) return false;
    this.#busySinceRelease = false;
    return true;
  }
}
