import type { Delivery, EventRecord, NewDelivery } from './delivery-records.js';

/** The columns a claim changes or counts; everything else about a delivery never changes. */
export interface ClaimedColumns {
  readonly id: string;
  readonly attempts: number;
  readonly rounds: number;
  readonly next_attempt_at: number | null;
  readonly started_at: number | null;
}

/** Enough for a backlog of several seconds at full speed; each entry holds one webhook. */
const DEFAULT_LIMIT = 4_096;
/**
 * And at most this much webhook JSON: 4,096 typical webhooks (1–2 kB) fit; large ones (a body
 * may be 1 MiB) push the oldest out instead of holding gigabytes.
 */
const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

interface Entry {
  readonly delivery: Delivery;
  readonly bytes: number;
}

/**
 * The deliveries this process published and has not claimed yet. A claim then reads back only the
 * columns that change ({@link ClaimedColumns}) instead of every column plus the event's webhook,
 * which is most of what a claim costs. A miss (published by another process, retried, evicted,
 * or read back after a restart) costs one extra read, never a wrong answer: only immutable parts
 * are kept, and an entry is dropped when it is claimed.
 *
 * Entries must read back exactly as stored: a caller passes `storedAsIs: false` when its JSON
 * text may differ from the objects (see {@link jsonStoredAsIs}).
 */
export class UnclaimedDeliveries {
  readonly #limit: number;
  readonly #maxBytes: number;
  readonly #byId = new Map<string, Entry>();
  #bytes = 0;

  constructor(limit = DEFAULT_LIMIT, maxBytes = DEFAULT_MAX_BYTES) {
    this.#limit = limit;
    this.#maxBytes = maxBytes;
  }

  /**
   * Call once the delivery is written (inside its transaction is fine: a rolled-back id is never
   * claimed). `webhookBytes` is the length of the event's stored webhook JSON.
   */
  remember(event: EventRecord, delivery: NewDelivery, storedAsIs: boolean, webhookBytes = 0): void {
    // A delivery written leased went to its worker with the publish; no claim will look for it.
    if (delivery.lease !== undefined) return;
    if (!storedAsIs || this.#limit === 0 || webhookBytes > this.#maxBytes) return;
    // Oldest first out: claims take the oldest due work, so under a long backlog the cache
    // simply misses until the backlog is short again.
    while (
      this.#byId.size >= this.#limit ||
      (this.#byId.size > 0 && this.#bytes + webhookBytes > this.#maxBytes)
    )
      this.#forgetOldest();
    this.#bytes += webhookBytes;
    this.#byId.set(delivery.id, { bytes: webhookBytes, delivery: freshDelivery(event, delivery) });
  }

  /** The claimed delivery if it was remembered (and forgets it), else undefined. */
  take(
    row: ClaimedColumns,
    lease: { readonly owner: string; readonly expiresAt: number },
  ): Delivery | undefined {
    const entry = this.#byId.get(row.id);
    if (entry === undefined) return undefined;
    this.#forget(row.id, entry);
    return {
      ...entry.delivery,
      attempts: row.attempts,
      rounds: row.rounds,
      nextAttemptAt: row.next_attempt_at,
      leaseOwner: lease.owner,
      leaseExpiresAt: lease.expiresAt,
      startedAt: row.started_at,
    };
  }

  /** Splits a claim's rows into the deliveries remembered and the rows that must be read in full. */
  resolve(
    rows: readonly ClaimedColumns[],
    lease: { readonly owner: string; readonly expiresAt: number },
  ): { readonly known: Delivery[]; readonly unknownIds: string[] } {
    const known: Delivery[] = [];
    const unknownIds: string[] = [];
    for (const row of rows) {
      const delivery = this.take(row, lease);
      if (delivery === undefined) unknownIds.push(row.id);
      else known.push(delivery);
    }
    return { known, unknownIds };
  }

  get size(): number {
    return this.#byId.size;
  }

  #forgetOldest(): void {
    const oldest = this.#byId.entries().next();
    if (oldest.done !== true) this.#forget(...oldest.value);
  }

  #forget(id: string, entry: Entry): void {
    this.#byId.delete(id);
    this.#bytes -= entry.bytes;
  }
}

/**
 * A new delivery as the store reads it back once written: the claim's columns as its `lease`
 * set them (none when it has none). It is what the store reads back only when the event's JSON
 * does (`readsBackAsIs`); a caller checks that before trusting it.
 */
export function freshDelivery(event: EventRecord, delivery: NewDelivery): Delivery {
  return {
    id: delivery.id,
    accountId: event.accountId,
    eventId: event.id,
    eventType: event.eventType,
    webhook: event.webhook,
    target: delivery.target,
    origin: delivery.origin,
    state: 'queued',
    attempts: 0,
    rounds: 0,
    nextAttemptAt: delivery.nextAttemptAt,
    leaseOwner: delivery.lease?.owner ?? null,
    leaseExpiresAt: delivery.lease?.expiresAt ?? null,
    startedAt: delivery.lease?.startedAt ?? null,
    finishedAt: null,
    createdAt: event.createdAt,
    options: delivery.options ?? {},
  };
}

/**
 * False when stored JSON text may not read back as the object it came from: the store turns
 * U+0000 into U+FFFD, so any U+FFFD in the text (rewritten or not) makes an entry not worth the risk.
 */
export function jsonStoredAsIs(...texts: readonly string[]): boolean {
  return texts.every((text) => !text.includes('\uFFFD'));
}
