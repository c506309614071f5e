/**
 * A binary min-heap ordered by a caller-supplied comparison. Generic on purpose: the emulator's
 * timer queue uses it, and so can anything else that needs "earliest first".
 */
export class MinHeap<T> {
  readonly #items: T[] = [];
  readonly #before: (a: T, b: T) => boolean;

  /** @param before - true when `a` must come out before `b`. */
  constructor(before: (a: T, b: T) => boolean) {
    this.#before = before;
  }

  get size(): number {
    return this.#items.length;
  }

  /** The earliest item, without removing it. */
  peek(): T | undefined {
    return this.#items[0];
  }

  push(item: T): void {
    this.#items.push(item);
    this.#siftUp(this.#items.length - 1);
  }

  /** Removes and returns the earliest item. */
  pop(): T | undefined {
    const top = this.#items[0];
    const last = this.#items.pop();
    if (this.#items.length > 0 && last !== undefined) {
      this.#items[0] = last;
      this.#siftDown(0);
    }
    return top;
  }

  #siftUp(start: number): void {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#less(i, parent)) return;
      this.#swap(i, parent);
      i = parent;
    }
  }

  #siftDown(start: number): void {
    let i = start;
    for (;;) {
      const smallest = this.#smallestOf(i, 2 * i + 1, 2 * i + 2);
      if (smallest === i) return;
      this.#swap(i, smallest);
      i = smallest;
    }
  }

  #smallestOf(i: number, left: number, right: number): number {
    let smallest = i;
    if (left < this.#items.length && this.#less(left, smallest)) smallest = left;
    if (right < this.#items.length && this.#less(right, smallest)) smallest = right;
    return smallest;
  }

  #less(i: number, j: number): boolean {
    return this.#before(this.#items[i] as T, this.#items[j] as T);
  }

  #swap(i: number, j: number): void {
    const a = this.#items[i] as T;
    this.#items[i] = this.#items[j] as T;
    this.#items[j] = a;
  }
}
