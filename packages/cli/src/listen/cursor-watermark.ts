/**
 * The cursor to save when captures finish out of order (reorder, concurrency): the newest
 * sequence whose capture, and every capture before it, is done. Saving more would skip an
 * unfinished capture after a restart; saving this misses nothing.
 */
export class CursorWatermark {
  /** Sequences received and not yet passed, in arrival (ascending) order. */
  readonly #open: number[] = [];
  readonly #done = new Set<number>();

  received(sequence: number): void {
    this.#open.push(sequence);
  }

  /** Marks `sequence` done; returns the new cursor, or null when it has not moved. */
  done(sequence: number): number | null {
    this.#done.add(sequence);
    let cursor: number | null = null;
    while (this.#open.length > 0 && this.#done.has(this.#open[0] ?? -1)) {
      cursor = this.#open.shift() ?? null;
      if (cursor !== null) this.#done.delete(cursor);
    }
    return cursor;
  }
}
