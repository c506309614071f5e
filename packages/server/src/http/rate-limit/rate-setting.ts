/** A sustained request rate per account, with the burst a client may spend at once. */
export interface RateSetting {
  readonly perSecond: number;
  /** Bucket size: how many requests may arrive together after a quiet spell. */
  readonly burst: number;
}
