/**
 * What `reserve` found: `reserved` means the caller now holds the lease and must `complete` or
 * `release` it; `in_progress` means another holder's lease is live; `done` means the event was
 * already processed within the record's TTL.
 */
export type ReserveOutcome = 'reserved' | 'in_progress' | 'done';

/**
 * Dedupes webhook processing by event id with a lease. A lease that is neither completed nor
 * released (the process died) expires after `leaseMs`, so the sender's retry can run it again.
 */
export interface IdempotencyStore {
  /** Atomically takes the lease for `id` unless a live lease or a done record exists. */
  reserve(id: string, leaseMs: number): Promise<ReserveOutcome>;
  /**
   * Marks `id` done for `ttlMs`. Acts only while this store still holds the lease; resolves
   * `false` when the lease was lost (expired and taken over by another holder).
   */
  complete(id: string, ttlMs: number): Promise<boolean>;
  /** Drops this holder's lease so a retry can run again; `false` when the lease was not held. */
  release(id: string): Promise<boolean>;
}
