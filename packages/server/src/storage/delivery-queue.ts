import type { AttemptRecord, Delivery } from './delivery-records.js';

export interface ClaimInput {
  readonly owner: string;
  readonly now: number;
  readonly limit: number;
  /** Lease length for each claimed delivery (the try's timeout plus slack is the caller's call). */
  readonly leaseMs: number;
  /** Origins already at their concurrency bound: their deliveries are not claimed now. */
  readonly excludeOrigins?: readonly string[];
  /**
   * A bound per origin within this claim: at most `listed[origin]` deliveries of a listed origin
   * and at most `others` of any other, so one claim can fill every origin's free slots without
   * pushing any over its bound. Only the oldest due deliveries are considered (a few times
   * `limit`), so an origin with a long backlog and little room cannot make a claim scan it all.
   */
  readonly originRoom?: OriginRoom;
}

export interface OriginRoom {
  readonly listed: Readonly<Record<string, number>>;
  readonly others: number;
}

/** What the worker decided after one try (or one round). */
export type DeliveryUpdate =
  | { readonly state: 'delivered'; readonly finishedAt: number }
  | { readonly state: 'failed'; readonly finishedAt: number }
  | { readonly state: 'queued'; readonly nextAttemptAt: number };

export interface CompleteInput {
  readonly deliveryId: string;
  readonly owner: string;
  /** Attempt rows from this claim, in the order they were made. */
  readonly attempts: readonly AttemptRecord[];
  readonly rounds: number;
  readonly update: DeliveryUpdate;
}

/** The delivery queue as the worker drives it: claims under lease, completions, releases. */
export interface DeliveryQueue {
  /** Leases up to `limit` due deliveries: queued, `nextAttemptAt <= now`, and unleased or lease expired. */
  claimDue(input: ClaimInput): Promise<readonly Delivery[]>;
  /** Records the attempts and the new state, only if `owner` still holds the lease. Returns false otherwise. */
  complete(input: CompleteInput): Promise<boolean>;
  /**
   * {@link complete} for many deliveries in one transaction (one round trip on PostgreSQL): the
   * worker records every round that finished in the same tick together. Returns one flag per
   * input, in order; a lost lease fails only its own entry.
   */
  completeMany(inputs: readonly CompleteInput[]): Promise<readonly boolean[]>;
  /** Gives up every lease held by `owner` (graceful shutdown); the deliveries become due at once. */
  releaseLeases(owner: string, now: number): Promise<number>;
  /**
   * When a claim can next succeed, or null if nothing is queued: the earliest `nextAttemptAt` among
   * queued deliveries, except that a leased delivery counts from its lease expiry (so idle workers
   * do not spin on deliveries another worker is sending). Lets idle workers sleep exactly.
   */
  nextDueAt(): Promise<number | null>;
  /**
   * Optional: calls `listener` when another process publishes, so idle workers wake at once
   * (PostgreSQL LISTEN/NOTIFY). Resolves with a function that stops listening. Without it,
   * workers see other processes' events at their next poll.
   */
  listenForDue?(
    listener: () => void,
    onLost?: (error: Error) => void,
  ): Promise<() => Promise<void>>;
}
