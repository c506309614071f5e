/** A counting semaphore: at most `size` holders at once, waiters served first come first served. */
export class Slots {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(size: number) {
    this.#free = size;
  }

  async acquire(): Promise<void> {
    if (this.#free > 0) {
      this.#free--;
      return;
    }
    await new Promise<void>((wake) => this.#waiting.push(wake));
  }

  release(): void {
    const next = this.#waiting.shift();
    // A waiter takes the slot over directly, so a newcomer cannot overtake it.
    if (next === undefined) this.#free++;
    else next();
  }
}
