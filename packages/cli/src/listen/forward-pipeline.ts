import type { CaptureEvent } from './capture-event.js';
import { CursorWatermark } from './cursor-watermark.js';
import { ReorderWindow, type Released } from './reorder-window.js';
import { Slots } from './slots.js';

/** A capture and its place in the run (0-based), which keys its chaos draws. */
export interface Numbered {
  readonly capture: CaptureEvent;
  readonly ordinal: number;
}

/** How captures go from the stream to the local app. */
export interface PipelineSettings {
  /** Captures forwarded at once; 1 keeps them strictly one after another. */
  readonly concurrency: number;
  /** Null: captures leave in the order they came. */
  readonly reorder: {
    readonly size: number;
    readonly idleMs: number;
    readonly random: (window: number) => () => number;
  } | null;
  /** The next ordinal of the run, counted across reconnects. */
  readonly nextOrdinal: () => number;
  /** Forwards and reports one capture; `notes` are faults decided here (reorder). */
  readonly forward: (item: Numbered, notes: readonly string[]) => Promise<void>;
  /** Called with the cursor each time it moves. */
  readonly advance: (cursor: number) => void;
  readonly signal: AbortSignal;
}

/**
 * Captures from one stream connection on their way out: through an optional reorder window,
 * then forwarded up to `concurrency` at a time. `push` waits for a free slot, so a slow local
 * app slows the stream rather than filling memory. The cursor only passes a capture once it
 * and all before it are done, so out-of-order completion never skips one after a restart.
 */
export class ForwardPipeline {
  readonly #settings: PipelineSettings;
  readonly #slots: Slots;
  readonly #watermark = new CursorWatermark();
  readonly #window: ReorderWindow<Numbered> | null;
  readonly #running = new Set<Promise<void>>();
  #chain: Promise<void> = Promise.resolve();
  #failure: { readonly error: unknown } | null = null;

  constructor(settings: PipelineSettings) {
    this.#settings = settings;
    this.#slots = new Slots(settings.concurrency);
    const reorder = settings.reorder;
    this.#window =
      reorder === null
        ? null
        : new ReorderWindow({
            ...reorder,
            release: (items) => {
              this.#enqueue(items);
            },
          });
  }

  /** Takes the next capture of the stream; rejects with a failed forward or report. */
  async push(capture: CaptureEvent): Promise<void> {
    this.#throwIfFailed();
    this.#watermark.received(capture.sequence);
    const item = { capture, ordinal: this.#settings.nextOrdinal() };
    if (this.#window === null) this.#enqueue([{ item, note: '' }]);
    else this.#window.add(item);
    await this.#chain;
  }

  /** Lets out what is held and waits for every forward (the stream ended, not the run). */
  async drain(): Promise<void> {
    this.#window?.flush();
    await this.#chain;
    await Promise.all(this.#running);
    this.#throwIfFailed();
  }

  /** Drops what is held: the run is stopping and the cursor has not passed it. */
  abandon(): void {
    this.#window?.clear();
  }

  #enqueue(items: readonly Released<Numbered>[]): void {
    this.#chain = this.#chain.then(() => this.#startAll(items));
  }

  async #startAll(items: readonly Released<Numbered>[]): Promise<void> {
    for (const { item, note } of items) {
      await this.#slots.acquire();
      // After a failure or a stop, what is left stays behind the cursor for the next run.
      if (this.#failure !== null || this.#settings.signal.aborted) {
        this.#slots.release();
        continue;
      }
      this.#start(item, note === '' ? [] : [note]);
    }
  }

  #start(item: Numbered, notes: readonly string[]): void {
    const task: Promise<void> = this.#settings
      .forward(item, notes)
      .then(() => {
        const cursor = this.#watermark.done(item.capture.sequence);
        if (cursor !== null) this.#settings.advance(cursor);
      })
      .catch((error: unknown) => {
        this.#failure ??= { error };
      })
      .finally(() => {
        this.#slots.release();
        this.#running.delete(task);
      });
    this.#running.add(task);
  }

  #throwIfFailed(): void {
    if (this.#failure !== null) throw this.#failure.error;
  }
}
