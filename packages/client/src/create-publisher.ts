import { errorsOfEvent } from './batch-errors.js';
import {
  PublishFailedError,
  PublisherClosedError,
  PublishRejectedError,
} from './publish-errors.js';
import type { PublishableEvent, PublishedEvent } from './publish-types.js';
import {
  publisherSettings,
  type PublisherOptions,
  type PublisherSettings,
} from './publisher-options.js';
import { sendBatch, type BatchOutcome } from './send-batch.js';

/** Publishes events to Switchboard one promise per event, while the wire carries batches. */
export interface Publisher {
  /**
   * Queues the event for the next batch and resolves with Switchboard's answer for it. Rejects
   * with {@link PublishRejectedError} (not retried) or {@link PublishFailedError} (retries used
   * up); an event without `id` gets a UUID first, so that its retries are idempotent.
   */
  publish(event: PublishableEvent): Promise<PublishedEvent>;
  /** Sends what is queued without waiting for the linger; resolves once all of it is answered. */
  flush(): Promise<void>;
  /** Flushes, then refuses further publishes ({@link PublisherClosedError}). */
  close(): Promise<void>;
}

export function createPublisher(options: PublisherOptions): Publisher {
  return new BatchingPublisher(publisherSettings(options));
}

interface Queued {
  readonly json: string;
  readonly bytes: number;
  /** When it was queued (`performance.now()`): the linger runs from the oldest one. */
  readonly at: number;
  readonly resolve: (published: PublishedEvent) => void;
  readonly reject: (error: Error) => void;
}

/** `{"data":[` and `]}`. */
const ENVELOPE_BYTES = 11;
const encoder = new TextEncoder();

/**
 * A batch leaves when it is full (events or bytes), when its oldest event has lingered long
 * enough, or on `flush`, and only while fewer than `maxInFlight` requests are out; events
 * published while all are out wait and leave together as soon as one returns.
 */
class BatchingPublisher implements Publisher {
  readonly #s: PublisherSettings;
  #queue: Queued[] = [];
  #queuedBytes = 0;
  #inFlight = 0;
  #flushing = 0;
  #closed = false;
  #linger: ReturnType<typeof setTimeout> | null = null;
  #drained: (() => void)[] = [];

  constructor(settings: PublisherSettings) {
    this.#s = settings;
  }

  publish(event: PublishableEvent): Promise<PublishedEvent> {
    if (this.#closed) return Promise.reject(new PublisherClosedError());
    const json = JSON.stringify(event.id === undefined ? { ...event, id: this.#s.newId() } : event);
    return new Promise((resolve, reject) => {
      const bytes = encoder.encode(json).byteLength;
      this.#queue.push({ json, bytes, at: performance.now(), resolve, reject });
      this.#queuedBytes += bytes;
      this.#pump();
    });
  }

  async flush(): Promise<void> {
    this.#flushing += 1;
    try {
      this.#pump();
      await this.#idle();
    } finally {
      this.#flushing -= 1;
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.flush();
  }

  #pump(): void {
    while (this.#inFlight < this.#s.maxInFlight && this.#batchReady()) this.#send(this.#take());
    this.#armLinger();
  }

  #batchReady(): boolean {
    const oldest = this.#queue[0];
    if (oldest === undefined) return false;
    return (
      this.#flushing > 0 ||
      this.#queue.length >= this.#s.maxBatchSize ||
      this.#queuedBytes + this.#queue.length + ENVELOPE_BYTES >= this.#s.maxBatchBytes ||
      performance.now() - oldest.at >= this.#s.lingerMs
    );
  }

  /** The oldest events that fit one request; at least one, even if it alone is too large. */
  #take(): Queued[] {
    let bytes = ENVELOPE_BYTES;
    let count = 0;
    for (const queued of this.#queue) {
      if (count === this.#s.maxBatchSize) break;
      if (count > 0 && bytes + queued.bytes + 1 > this.#s.maxBatchBytes) break;
      bytes += queued.bytes + 1;
      count += 1;
    }
    const batch = this.#queue.splice(0, count);
    for (const queued of batch) this.#queuedBytes -= queued.bytes;
    return batch;
  }

  #armLinger(): void {
    const oldest = this.#queue[0];
    if (oldest === undefined || this.#linger !== null || this.#inFlight >= this.#s.maxInFlight) {
      return;
    }
    const wait = Math.max(0, oldest.at + this.#s.lingerMs - performance.now());
    this.#linger = setTimeout(() => {
      this.#linger = null;
      this.#pump();
    }, wait);
  }

  #send(batch: readonly Queued[]): void {
    this.#inFlight += 1;
    const body = `{"data":[${batch.map((queued) => queued.json).join(',')}]}`;
    void sendBatch(this.#s, body, batch.length)
      .then(
        (outcome) => {
          settle(batch, outcome);
        },
        (error: unknown) => {
          const reason = error instanceof Error ? error : new Error(String(error));
          for (const queued of batch) queued.reject(reason);
        },
      )
      .finally(() => {
        this.#inFlight -= 1;
        this.#pump();
        if (this.#inFlight === 0 && this.#queue.length === 0) {
          for (const resolve of this.#drained.splice(0)) resolve();
        }
      });
  }

  #idle(): Promise<void> {
    if (this.#inFlight === 0 && this.#queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#drained.push(resolve));
  }
}

function settle(batch: readonly Queued[], outcome: BatchOutcome): void {
  batch.forEach((queued, index) => {
    switch (outcome.kind) {
      case 'published':
        // sendBatch checked that there is one item per event.
        queued.resolve(outcome.items[index] as PublishedEvent);
        return;
      case 'rejected':
        queued.reject(
          new PublishRejectedError(
            outcome.status,
            errorsOfEvent(outcome.errors, index),
            outcome.errors,
          ),
        );
        return;
      case 'failed':
        queued.reject(new PublishFailedError(outcome.attempts, outcome.status, outcome.cause));
    }
  });
}
