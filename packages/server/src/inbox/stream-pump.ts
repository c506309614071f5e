import type { Capture, CaptureStreamFilter } from '../storage/inbox-store.js';
import type { InboxContext } from './inbox-context.js';

/** Where a stream starts and what it carries. */
export interface StreamRequest {
  readonly accountId: string;
  readonly cursor: number;
  readonly filter: CaptureStreamFilter;
}

const BATCH = 100;

/**
 * Moves one stream's cursor forward: replays the store after the cursor, then sleeps until a
 * capture of the account is announced in this process or the poll interval passes (captures
 * taken by other processes share the database, not the announcement). A wake-up that comes
 * while a batch is being sent is remembered, so none is lost between reading and sleeping.
 */
export class StreamPump {
  readonly #inbox: InboxContext;
  readonly #stream: StreamRequest;
  readonly #send: (capture: Capture) => Promise<void>;
  readonly #ping: () => void;
  #cursor: number;
  #stopped = false;
  #dirty = false;
  #wake: (() => void) | null = null;
  #lastWriteAt: number;

  constructor(
    inbox: InboxContext,
    stream: StreamRequest,
    send: (capture: Capture) => Promise<void>,
    ping: () => void,
  ) {
    this.#inbox = inbox;
    this.#stream = stream;
    this.#send = send;
    this.#ping = ping;
    this.#cursor = stream.cursor;
    this.#lastWriteAt = inbox.now();
  }

  async run(): Promise<void> {
    const { hub } = this.#inbox;
    const { accountId, filter } = this.#stream;
    const unsubscribe = hub.subscribe(accountId, () => {
      this.#poke();
    });
    const disconnect = hub.connect({
      accountId,
      inboxId: filter.inboxId ?? null,
      eventTypes: filter.eventTypes ?? null,
    });
    try {
      while (!this.#stopped) {
        await this.#drain();
        await this.#idle();
      }
    } finally {
      unsubscribe();
      disconnect();
    }
  }

  stop(): void {
    this.#stopped = true;
    this.#poke();
  }

  async #drain(): Promise<void> {
    for (;;) {
      const { accountId, filter } = this.#stream;
      const batch = await this.#inbox.store.inboxes.capturesAfter(
        accountId,
        this.#cursor,
        BATCH,
        filter,
      );
      for (const capture of batch) {
        if (this.#stopped) return;
        await this.#send(capture);
        this.#cursor = capture.sequence;
        this.#lastWriteAt = this.#inbox.now();
      }
      if (batch.length < BATCH) return;
    }
  }

  #idle(): Promise<void> {
    if (this.#dirty || this.#stopped) {
      this.#dirty = false;
      return Promise.resolve();
    }
    this.#heartbeat();
    return new Promise((resolve) => {
      const cancel = this.#inbox.schedule(() => {
        this.#poke();
      }, this.#inbox.pollMs);
      this.#wake = () => {
        cancel();
        resolve();
      };
    });
  }

  #poke(): void {
    const wake = this.#wake;
    this.#wake = null;
    if (wake === null) this.#dirty = true;
    else {
      this.#dirty = false;
      wake();
    }
  }

  #heartbeat(): void {
    if (this.#inbox.now() - this.#lastWriteAt < this.#inbox.heartbeatMs) return;
    this.#ping();
    this.#lastWriteAt = this.#inbox.now();
  }
}
