/** The API shapes the dashboard reads; only the fields it shows. */

export interface AttemptView {
  readonly status: 'delivered' | 'failed';
  readonly started_at: string;
  readonly finished_at: string;
  readonly errors: readonly number[];
  readonly http: {
    readonly request: {
      readonly url: string;
      readonly headers: readonly (readonly [string, string])[];
    };
    readonly response: {
      readonly status: number;
      readonly headers: readonly (readonly [string, string])[];
      readonly body: string;
    } | null;
  };
}

export interface DeliveryView {
  readonly id: string;
  readonly status: 'delivered' | 'failed';
  readonly started_at: string | null;
  readonly finished_at: string | null;
  readonly next_attempt_at?: string | null;
  readonly webhook: Record<string, unknown> & { readonly event_type?: string };
  /** Newest first. */
  readonly attempts: readonly AttemptView[];
}

export interface StatsFigures {
  readonly created: number;
  readonly delivered: number;
  readonly failed: number;
  readonly queued: number;
  readonly attempts: number;
  readonly failed_attempts: number;
  readonly success_ratio: number | null;
  readonly p50_ms: number | null;
  readonly p99_ms: number | null;
}

export interface StatsView {
  readonly since: string;
  readonly until: string;
  readonly bucket_secs: number;
  readonly totals: StatsFigures;
  readonly delivery_rate_per_min: number;
  readonly success_ratio: number | null;
  readonly queue_depth: number;
  readonly failing_endpoints: readonly {
    readonly url: string;
    readonly failures: number;
    readonly last_failed_at: string;
    readonly last_delivered_at: string | null;
  }[];
  readonly buckets: readonly (StatsFigures & { readonly start: string })[];
}

export interface CallSummary {
  readonly call_control_id: string;
  readonly phase: 'dialing' | 'parked' | 'answered' | 'ended';
  readonly direction: 'incoming' | 'outgoing';
  readonly from: string;
  readonly to: string;
  readonly connection_id: string;
  readonly is_alive: boolean;
  readonly start_time: string;
  readonly far_end: string;
}

export interface TimelineEntry {
  readonly at: string;
  readonly kind: 'started' | 'command' | 'far_end' | 'event';
  readonly name: string;
  readonly detail: Record<string, unknown>;
}

export interface InboxView {
  readonly id: string;
  readonly name?: string;
  readonly url?: string;
}

/** A capture as `GET /switchboard/inboxes/{id}/captures` lists it (docs/inbox.md). */
export interface CaptureView {
  readonly id: string;
  readonly received_at?: string;
  readonly method?: string;
  readonly path?: string;
  readonly query?: string;
  readonly headers?: readonly (readonly [string, string])[];
  readonly body_base64?: string;
  readonly event_type?: string | null;
  /** Null when the inbox has no public key to check with. */
  readonly verified?: boolean | null;
  readonly verification_error?: string | null;
  readonly forward_attempts?: readonly unknown[];
}

/** Call control applications and messaging profiles, as edited by the settings forms. */
export type ResourceView = Record<string, unknown> & { readonly id: string };
