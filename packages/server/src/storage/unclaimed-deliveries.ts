import type { Delivery, EventRecord, NewDelivery } from './store.js';

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
  readonly #byId = new Map<string, Delivery>();

  constructor(limit = DEFAULT_LIMIT) {
    this.#limit = limit;
  }

  /** Call once the delivery is written (inside its transaction is fine: a rolled-back id is never claimed). */
  remember(event: EventRecord, delivery: NewDelivery, storedAsIs: boolean): void {
    if (!storedAsIs || this.#limit === 0) return;
    // Oldest first out: claims take the oldest due work, so under a long backlog the cache
    // simply misses until the backlog is short again.
    if (this.#byId.size >= this.#limit) this.#forgetOldest();
    this.#byId.set(delivery.id, {
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
      leaseOwner: null,
      leaseExpiresAt: null,
      startedAt: null,
      finishedAt: null,
      createdAt: event.createdAt,
      options: delivery.options ?? {},
    });
  }

  /** The claimed delivery if it was remembered (and forgets it), else undefined. */
  take(
    row: ClaimedColumns,
    lease: { readonly owner: string; readonly expiresAt: number },
  ): Delivery | undefined {
    const known = this.#byId.get(row.id);
    if (known === undefined) return undefined;
    this.#byId.delete(row.id);
    return {
      ...known,
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
    const oldest = this.#byId.keys().next();
    if (oldest.done !== true) this.#byId.delete(oldest.value);
  }
}

/**
 * False when stored JSON text may not read back as the object it came from: the store turns
 * U+0000 into U+FFFD, so any U+FFFD in the text (rewritten or not) makes an entry not worth the risk.
 */
export function jsonStoredAsIs(...texts: readonly string[]): boolean {
  return texts.every((text) => !text.includes('\uFFFD'));
}
