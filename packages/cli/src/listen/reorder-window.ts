import { shuffled } from '@switchboard/core';

/** An item let out of the window, with the note that says where it moved. */
export interface Released<T> {
  readonly item: T;
  /** e.g. `reorder 1->3 of 5`: arrived first, left third, in a window of five. */
  readonly note: string;
}

/** How a window holds: its size, how long it waits for more, and where its draws come from. */
export interface ReorderSettings<T> {
  readonly size: number;
  readonly idleMs: number;
  /** The PRNG for the `n`-th window (0-based), so a seed shuffles the same way every run. */
  readonly random: (window: number) => () => number;
  readonly release: (items: readonly Released<T>[]) => void;
}

/**
 * Holds up to `size` items and lets them out shuffled, when the window is full or when nothing
 * has arrived for `idleMs`, so the last few of a burst are not held for ever.
 */
export class ReorderWindow<T> {
  readonly #settings: ReorderSettings<T>;
  #held: T[] = [];
  #windows = 0;
  #timer: NodeJS.Timeout | null = null;

  constructor(settings: ReorderSettings<T>) {
    this.#settings = settings;
  }

  add(item: T): void {
    this.#held.push(item);
    this.#stopTimer();
    if (this.#held.length >= this.#settings.size) this.flush();
    else
      this.#timer = setTimeout(() => {
        this.flush();
      }, this.#settings.idleMs);
  }

  /** Lets out everything held, shuffled. */
  flush(): void {
    this.#stopTimer();
    const held = this.#held;
    this.#held = [];
    if (held.length === 0) return;
    const order = shuffled([...held.keys()], this.#settings.random(this.#windows++));
    this.#settings.release(
      order.map((from, to) => ({
        item: held[from] as T,
        note: `reorder ${from + 1}->${to + 1} of ${held.length}`,
      })),
    );
  }

  /** Drops what is held (the run is stopping; the cursor has not passed it). */
  clear(): void {
    this.#stopTimer();
    this.#held = [];
  }

  #stopTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
