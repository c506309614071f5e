/**
 * Sends the NOTIFY that wakes the workers of every process after publishes commit, one at a
 * time: pokes that arrive while one is on its way collapse into a single next one.
 *
 * A NOTIFY inside the publishing statement would take PostgreSQL's notification-queue lock at
 * commit, which serialises every publishing transaction behind it (bench: a third of the
 * throughput). Sent after the commit, a lost NOTIFY (a crash between the two, a dropped
 * connection) only delays the other workers until their next poll, so failures are dropped.
 */
export class PostgresDueNotifier {
  readonly #send: () => Promise<unknown>;
  #pending: 'none' | 'sending' | 'again' = 'none';
  #done: Promise<void> = Promise.resolve();

  constructor(send: () => Promise<unknown>) {
    this.#send = send;
  }

  /** Asks for a NOTIFY after everything committed so far. */
  poke(): void {
    if (this.#pending !== 'none') {
      this.#pending = 'again';
      return;
    }
    this.#pending = 'sending';
    this.#done = this.#sendUntilQuiet();
  }

  /** Resolves once no NOTIFY is on its way (before the pool closes). */
  settled(): Promise<void> {
    return this.#done;
  }

  async #sendUntilQuiet(): Promise<void> {
    for (;;) {
      await this.#send().catch(() => undefined);
      if (this.#pending === 'sending') break;
      this.#pending = 'sending';
    }
    this.#pending = 'none';
  }
}
