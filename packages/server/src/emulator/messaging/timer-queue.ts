import { MinHeap } from './min-heap.js';

/** A task run by the {@link TimerQueue} once its time has come. */
export type TimerTask = () => Promise<void> | void;

/** The one real timer the queue arms; injectable so tests drive time by hand. */
export interface TimerHost {
  set(callback: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

export interface TimerQueueOptions {
  readonly now: () => number;
  /** Defaults to an unref'd `setTimeout`, so a pending task never keeps the process alive. */
  readonly host?: TimerHost;
  /** Called with anything a task throws; the queue keeps going. */
  readonly onError?: (error: unknown) => void;
}

interface Entry {
  readonly at: number;
  readonly seq: number;
  readonly task: TimerTask;
}

const realHost: TimerHost = {
  set: (callback, delayMs) => setTimeout(callback, delayMs).unref(),
  clear: (handle) => {
    clearTimeout(handle as NodeJS.Timeout);
  },
};

/**
 * Runs tasks at given times using a single timer over a min-heap, so thousands of pending
 * emulator steps cost one timer rather than one sleeping promise each. Tasks due at the same
 * time run in the order they were scheduled, one after another.
 */
export class TimerQueue {
  readonly #heap = new MinHeap<Entry>((a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq));
  readonly #now: () => number;
  readonly #host: TimerHost;
  readonly #onError: (error: unknown) => void;
  #seq = 0;
  #armed: { readonly at: number; readonly handle: unknown } | null = null;
  #running: Promise<number> = Promise.resolve(0);
  #closed = false;

  constructor(options: TimerQueueOptions) {
    this.#now = options.now;
    this.#host = options.host ?? realHost;
    this.#onError = options.onError ?? (() => undefined);
  }

  /** Tasks not yet run. */
  get size(): number {
    return this.#heap.size;
  }

  /** Runs `task` at epoch ms `at` (at once if that has passed, on the next run). */
  schedule(at: number, task: TimerTask): void {
    if (this.#closed) return;
    this.#heap.push({ at, seq: this.#seq++, task });
    this.#arm();
  }

  /** Runs every task that is due now, in time order, and resolves with how many ran. */
  runDue(): Promise<number> {
    // Chained so a timer firing during a manual run never runs a task twice or out of order.
    this.#running = this.#running.then(() => this.#drain());
    return this.#running;
  }

  /** Drops pending tasks and the timer; later `schedule` calls are ignored. */
  close(): void {
    this.#closed = true;
    this.#disarm();
    while (this.#heap.pop() !== undefined);
  }

  async #drain(): Promise<number> {
    let ran = 0;
    for (let entry = this.#nextDue(); entry !== undefined; entry = this.#nextDue()) {
      await this.#runOne(entry.task);
      ran++;
    }
    this.#arm();
    return ran;
  }

  #nextDue(): Entry | undefined {
    const top = this.#heap.peek();
    if (top === undefined || top.at > this.#now()) return undefined;
    return this.#heap.pop();
  }

  async #runOne(task: TimerTask): Promise<void> {
    try {
      await task();
    } catch (error) {
      this.#onError(error);
    }
  }

  #arm(): void {
    const top = this.#heap.peek();
    if (this.#closed || top === undefined || this.#armed?.at === top.at) return;
    this.#disarm();
    const handle = this.#host.set(
      () => {
        this.#armed = null;
        void this.runDue();
      },
      Math.max(0, top.at - this.#now()),
    );
    this.#armed = { at: top.at, handle };
  }

  #disarm(): void {
    if (this.#armed === null) return;
    this.#host.clear(this.#armed.handle);
    this.#armed = null;
  }
}
