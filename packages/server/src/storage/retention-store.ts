/** What one {@link RetentionStore.pruneFinished} batch removed. */
export interface PruneResult {
  readonly deliveries: number;
  readonly attempts: number;
  readonly events: number;
}

/** What `--retention` deletes. */
export interface RetentionStore {
  /**
   * One transaction deleting at most `limit` delivered or failed deliveries that finished before
   * `before` (oldest first) with their attempts, then at most `limit` events created before
   * `before` that have no delivery left. Queued deliveries are never touched.
   */
  pruneFinished(before: number, limit: number): Promise<PruneResult>;
}
