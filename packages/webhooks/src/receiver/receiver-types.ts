import type { HeaderSource, WebhookVerificationError } from '@switchboard/core';
import type { IdempotencyStore } from '../idempotency/idempotency-store.js';
import type { OrderingOptions } from '../ordering/ordering-tracker.js';
import type { WebhookHandlers } from './handler-types.js';

/** Idempotency settings; a bare store means the defaults. */
export interface IdempotencyOptions {
  readonly store: IdempotencyStore;
  /** How long a reservation holds before another delivery may take over. Default 60 000. */
  readonly leaseMs?: number;
  /** How long a processed event id is remembered. Default 24 h. */
  readonly ttlMs?: number;
}

/** Where in the receiver an error was reported from. */
export interface ErrorInfo {
  readonly phase: 'verification' | 'idempotency' | 'handler';
  readonly eventId?: string;
  readonly eventType?: string;
  /** The handler was still running when the ack deadline passed, so 200 was already sent. */
  readonly background?: boolean;
}

export interface WebhookReceiverOptions {
  /** Telnyx public key (base64 of 32 raw bytes), or several for rotation. */
  readonly publicKey: string | readonly string[];
  readonly handlers: WebhookHandlers;
  readonly idempotency?: IdempotencyStore | IdempotencyOptions;
  /** `true` for the defaults: per `call_control_id`, 10 000 calls tracked. */
  readonly ordering?: boolean | OrderingOptions;
  /**
   * Reply 200 once this many ms have passed after verification and reservation, and let the
   * handler go on in the background. Without it, the reply waits for the handler.
   */
  readonly ackDeadlineMs?: number;
  /** Faults: handler failures, store failures, misconfiguration. Default `console.error`. */
  readonly onError?: (error: unknown, info: ErrorInfo) => void;
  /** Allowed clock difference for `telnyx-timestamp`, both directions. Default 300. */
  readonly toleranceSeconds?: number;
  /** The clock, in Unix milliseconds. Default `Date.now`. */
  readonly now?: () => number;
}

/** A request as adapters hand it over: the raw body, unparsed, and the headers. */
export interface WebhookRequest {
  readonly body: string | Uint8Array;
  readonly headers: HeaderSource;
}

/** The reply for the adapter to send as-is. */
export interface WebhookResponse {
  readonly status: number;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  /**
   * Settles when all work for the request is over, including a handler still running after
   * the ack deadline and its lease completion or release. Never rejects. Serverless adapters
   * pass it to `waitUntil`.
   */
  readonly settled: Promise<void>;
}

/** The framework-neutral receiver that every adapter calls. */
export interface WebhookReceiver {
  /** Verifies, dedupes and dispatches one delivery. Never rejects: faults become 5xx replies. */
  handle(request: WebhookRequest): Promise<WebhookResponse>;
  /**
   * The reply for a request an adapter refused before `handle` (e.g. a body already parsed by
   * a framework). Configuration faults are also reported through `onError`.
   */
  reject(error: WebhookVerificationError): WebhookResponse;
}
