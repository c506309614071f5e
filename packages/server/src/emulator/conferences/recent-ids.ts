/**
 * Ids seen in the last `windowMs` (conference `command_id`s: Telnyx ignores a repeat). Kept in
 * memory, like Dial's command ids, so a restart forgets them.
 */
export class RecentIds {
  readonly #seen = new Map<string, number>();
  readonly #now: () => number;
  readonly #windowMs: number;

  constructor(now: () => number, windowMs: number) {
    this.#now = now;
    this.#windowMs = windowMs;
  }

  seen(key: string): boolean {
    this.#forgetOld();
    return this.#seen.has(key);
  }

  remember(key: string): void {
    this.#forgetOld();
    this.#seen.set(key, this.#now());
  }

  /** Entries are in insertion order, so the old ones are at the front. */
  #forgetOld(): void {
    const oldest = this.#now() - this.#windowMs;
    for (const [key, at] of this.#seen) {
      if (at >= oldest) return;
      this.#seen.delete(key);
    }
  }
}
