import type { AttemptRecord, Delivery, EventRecord } from './delivery-records.js';
import type { Page, PageResult } from './page.js';

export interface DeliveryFilter {
  readonly status?: 'delivered' | 'failed';
  readonly eventTypes?: readonly string[];
  /** Case-sensitive substring of the webhook JSON. */
  readonly webhookContains?: string;
  /** Case-sensitive substring of the attempts' JSON (URLs, bodies, …). */
  readonly attemptsContains?: string;
  readonly startedGte?: number;
  readonly startedLte?: number;
  readonly finishedGte?: number;
  readonly finishedLte?: number;
}

/** Latency histogram bin edges in ms; percentiles report the upper edge of their bin. */
export const LATENCY_BIN_EDGES_MS: readonly number[] = [
  1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100, 150, 200, 300, 500, 700, 1000, 1500, 2000, 3000, 5000,
  7000, 10_000, 15_000, 20_000, 30_000, 60_000,
];

/** Figures for one time bucket (or the whole window) of {@link DeliveryQueries.deliveryStats}. */
export interface DeliveryStatsFigures {
  /** Deliveries created in the bucket, and how they stand now. */
  readonly created: number;
  readonly delivered: number;
  readonly failed: number;
  readonly queued: number;
  /** Tries that finished in the bucket, and how many of them failed. */
  readonly attempts: number;
  readonly failedAttempts: number;
  /** Approximate try latency percentiles (upper edge of a histogram bin); null without tries. */
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
}

/** An endpoint whose latest try in the window failed. */
export interface FailingEndpoint {
  readonly url: string;
  /** Failed tries in the window. */
  readonly failures: number;
  readonly lastFailedAt: number;
  /** The endpoint's latest success in the window, if any. */
  readonly lastDeliveredAt: number | null;
}

export interface DeliveryStats {
  readonly sinceMs: number;
  readonly bucketMs: number;
  readonly totals: DeliveryStatsFigures;
  /** The non-empty buckets, oldest first; bucket `i` starts at `sinceMs + i * bucketMs`. */
  readonly buckets: readonly (DeliveryStatsFigures & { readonly startMs: number })[];
  /** The account's queued deliveries (any age). */
  readonly queueDepth: number;
  readonly failingEndpoints: readonly FailingEndpoint[];
}

/** Reading deliveries as the Webhook Deliveries API, the dashboard and metrics show them. */
export interface DeliveryQueries {
  getEvent(accountId: string, id: string): Promise<EventRecord | null>;
  getDelivery(accountId: string, id: string): Promise<Delivery | null>;
  /** Newest first. */
  listAttempts(deliveryId: string): Promise<readonly AttemptRecord[]>;
  /**
   * Newest first by creation; `page.number` is 1-based. An empty `eventTypes` list does not
   * filter. Status `failed` also matches deliveries still queued for a retry, as the Deliveries
   * API shows them. PostgreSQL searches `webhookContains`/`attemptsContains` in `jsonb`'s
   * canonical text (`{"a": 1}`: keys reordered, a space after `:` and `,`), SQLite in the JSON as
   * written, so a needle spanning JSON punctuation can match on one backend only; values match
   * on both.
   */
  listDeliveries(
    accountId: string,
    filter: DeliveryFilter,
    page: Page,
  ): Promise<PageResult<Delivery>>;
  /**
   * Puts a delivery (in any state) back in the queue, due at `now` (the API's resend). `attempts`
   * and `rounds` are kept, so numbering continues; the worker decides how many more rounds that
   * allows.
   */
  requeue(accountId: string, id: string, now: number): Promise<Delivery | null>;
  /** Queued deliveries (due now or later). */
  countQueued(): Promise<number>;
  /**
   * Overview figures for deliveries created at or after `sinceMs` and their tries: deliveries
   * are bucketed by creation time, tries by finish time, in buckets of `bucketMs`.
   */
  deliveryStats(accountId: string, sinceMs: number, bucketMs: number): Promise<DeliveryStats>;
}
