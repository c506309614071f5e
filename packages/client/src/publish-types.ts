/** One event to publish: the body of `POST /switchboard/events`, as Switchboard documents it. */
export interface PublishableEvent {
  readonly event_type: string;
  /** The event's `payload` object; default `{}`. */
  readonly payload?: object;
  /** The idempotency key. When absent, the publisher assigns a UUID, so retries stay idempotent. */
  readonly id?: string;
  readonly occurred_at?: string;
  /** A call control application of the account: its webhook URLs and settings apply. */
  readonly connection_id?: string;
  readonly webhook_url?: string;
  readonly webhook_failover_url?: string | null;
  readonly webhook_url_method?: 'POST' | 'GET';
  /** Faults to inject (see Switchboard's docs/chaos.md). */
  readonly chaos?: object;
}

/** What Switchboard answered for one event. */
export interface PublishedEvent {
  readonly id: string;
  /**
   * The id was already stored, so no second delivery was made. After a retry this includes
   * events that an earlier try of the same batch stored before its reply was lost.
   */
  readonly duplicate: boolean;
  /** The new delivery; absent for a duplicate. */
  readonly webhook_delivery_id?: string;
}

/** One item of Switchboard's (Telnyx's) error envelope. */
export interface ApiErrorItem {
  readonly code: string;
  readonly title?: string;
  readonly detail?: string;
  readonly source?: { readonly pointer?: string; readonly parameter?: string };
}
