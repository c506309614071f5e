/** One Call Control event of a call, as the call engine emitted it. */
export interface CallEvent {
  readonly type: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** How a wait ended. */
export type WaitResult =
  | { readonly kind: 'event'; readonly event: CallEvent }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'ended' }
  | { readonly kind: 'interrupted' };

/** Events kept per call; a wait never looks further back than its own command. */
const MAX_KEPT = 2_000;

/**
 * The events of one call, in order, for an interpreter that waits on them. The call engine
 * pushes from inside its per-call lock, so pushing never waits; readers take a mark before
 * sending a command and look only at what came after it.
 */
export class CallEvents {
  readonly #events: CallEvent[] = [];
  #offset = 0;
  #ended = false;
  #interrupts = 0;
  #wake: (() => void)[] = [];

  get ended(): boolean {
    return this.#ended;
  }

  /** Position after the last event; pass it to {@link until}. */
  mark(): number {
    return this.#offset + this.#events.length;
  }

  /** The interrupt count; a wait started with an older count ends as `interrupted`. */
  get interrupts(): number {
    return this.#interrupts;
  }

  push(event: CallEvent): void {
    if (event.type === 'call.hangup') this.#ended = true;
    this.#events.push(event);
    // A runaway call could emit without bound; old events are never read again.
    if (this.#events.length > MAX_KEPT) {
      const drop = this.#events.length - MAX_KEPT;
      this.#events.splice(0, drop);
      this.#offset += drop;
    }
    this.#notify();
  }

  /** A REST update (new Url, Status) cuts the running verb short. */
  interrupt(): void {
    this.#interrupts++;
    this.#notify();
  }

  /**
   * The first event after `since` that `match` accepts, or how the wait ended otherwise:
   * the call hung up, it was interrupted (or `signal` aborted), or `timeoutMs` passed (null:
   * no time limit).
   */
  async until(
    since: number,
    match: (event: CallEvent) => boolean,
    timeoutMs: number | null = null,
    signal?: AbortSignal,
  ): Promise<WaitResult> {
    const interrupts = this.#interrupts;
    const onAbort = (): void => {
      this.#notify();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await this.#wait(since, match, timeoutMs, interrupts, signal);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async #wait(
    since: number,
    match: (event: CallEvent) => boolean,
    timeoutMs: number | null,
    interrupts: number,
    signal: AbortSignal | undefined,
  ): Promise<WaitResult> {
    const deadline = timeoutMs === null ? null : Date.now() + timeoutMs;
    let index = since;
    for (;;) {
      for (; index < this.mark(); index++) {
        const event = this.#events[index - this.#offset];
        if (event !== undefined && match(event)) return { kind: 'event', event };
      }
      if (this.#ended) return { kind: 'ended' };
      if (this.#interrupts !== interrupts || signal?.aborted === true)
        return { kind: 'interrupted' };
      const left = deadline === null ? null : deadline - Date.now();
      if (left !== null && left <= 0) return { kind: 'timeout' };
      await this.#next(left);
    }
  }

  #next(timeoutMs: number | null): Promise<void> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | null = null;
      const done = (): void => {
        if (timer !== null) clearTimeout(timer);
        this.#wake = this.#wake.filter((wake) => wake !== done);
        resolve();
      };
      if (timeoutMs !== null) timer = setTimeout(done, timeoutMs);
      this.#wake.push(done);
    });
  }

  #notify(): void {
    const waking = this.#wake;
    this.#wake = [];
    for (const wake of waking) wake();
  }
}
