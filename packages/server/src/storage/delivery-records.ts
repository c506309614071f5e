import type { JsonObject } from './json.js';

export interface EventRecord {
  readonly id: string;
  readonly accountId: string;
  readonly eventType: string;
  /** The envelope's `data` object as first built (`record_type`, `event_type`, `id`, `occurred_at`, `payload`). */
  readonly webhook: JsonObject;
  readonly createdAt: number;
}

/** Where and how one delivery is sent. Fixed when the delivery is created. */
export interface DeliveryTarget {
  readonly url: string;
  readonly failoverUrl: string | null;
  readonly method: 'POST' | 'GET';
  readonly apiVersion: '1' | '2';
  /** Per-try timeout in ms; the application's `webhook_timeout_secs`, or the server default. */
  readonly timeoutMs: number;
  /** Optional per-delivery retry schedule in ms after the first round (e.g. `webhook_retries_policies`). */
  readonly retrySchedule: readonly number[] | null;
  /** `telnyx` (pretty, sorted keys) or `compact`. */
  readonly bodyFormat: 'telnyx' | 'compact';
}

/** `queued`: due or waiting for its next round. `delivered` and `failed` are final. */
export type DeliveryState = 'queued' | 'delivered' | 'failed';

export interface Delivery {
  readonly id: string;
  readonly accountId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly webhook: JsonObject;
  readonly target: DeliveryTarget;
  /** Scheme + host + port of the primary URL; the unit of per-endpoint fairness. */
  readonly origin: string;
  readonly state: DeliveryState;
  /** HTTP tries made so far; `meta.attempt` of the next try is `attempts + 1`. */
  readonly attempts: number;
  /** Rounds (primary then failover) completed so far. */
  readonly rounds: number;
  readonly nextAttemptAt: number | null;
  readonly leaseOwner: string | null;
  readonly leaseExpiresAt: number | null;
  readonly startedAt: number | null;
  readonly finishedAt: number | null;
  readonly createdAt: number;
  /** Free-form per-delivery options (chaos profile, …). */
  readonly options: JsonObject;
  /**
   * Set when a stored JSON column of the delivery cannot be read back: damaged, or nested deeper
   * than `MAX_JSON_DEPTH` (written before the API's limit). It says which and why. The unreadable
   * parts read as empty (`webhook` keeps what the row's own columns tell: `record_type`,
   * `event_type`, `id`); the worker records each try as failed (75009) instead of sending it.
   */
  readonly unreadable?: string;
}

export interface AttemptRecord {
  readonly id: string;
  readonly deliveryId: string;
  /** 1-based `meta.attempt` of this try. */
  readonly attempt: number;
  readonly url: string;
  readonly status: 'delivered' | 'failed';
  readonly startedAt: number;
  readonly finishedAt: number;
  /** Telnyx delivery error codes, e.g. 75499 for a non-2xx reply. */
  readonly errors: readonly number[];
  readonly request: {
    readonly url: string;
    readonly method: string;
    readonly headers: readonly (readonly [string, string])[];
    readonly body: string | null;
  };
  readonly response: {
    readonly status: number;
    readonly headers: readonly (readonly [string, string])[];
    readonly body: string;
  } | null;
  /** Human-readable failure (connection refused, timeout after 10000 ms, …); null on success. */
  readonly error: string | null;
  readonly latencyMs: number;
  /** Extra facts (chaos faults injected, redirects followed, …). */
  readonly meta: JsonObject;
}

export interface NewDelivery {
  readonly id: string;
  readonly target: DeliveryTarget;
  readonly origin: string;
  /** When the first try is due. */
  readonly nextAttemptAt: number;
  readonly options?: JsonObject;
  /**
   * Written already leased: the publishing process's worker takes the delivery straight from
   * the publish, with no claim (see `DeliveryWorker.lease`).
   */
  readonly lease?: PublishLease;
}

/** A lease written with a new delivery: as a claim at `startedAt` by `owner` would set it. */
export interface PublishLease {
  readonly owner: string;
  readonly expiresAt: number;
  readonly startedAt: number;
}
