/**
 * Runs tasks one at a time per key (a call, a call's log), in the order they were given, so
 * concurrent commands and timers never interleave their read-modify-write. A failed task does
 * not block the next one; its caller still sees the failure. Idle keys are forgotten.
 */
export class KeyedSerial {
  readonly #tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, settled);
    void settled.then(() => {
      if (this.#tails.get(key) === settled) this.#tails.delete(key);
    });
    return result;
  }
}
