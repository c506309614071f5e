import type { Page, PageResult } from './page.js';
import type { Resource } from './resource.js';

/** Header lines in the order they arrived, names as sent. */
export type HeaderPairs = readonly (readonly [string, string])[];

/**
 * One local-app response that `switchboard listen` reported for a capture, or the connection
 * error it met instead.
 */
export interface ForwardAttempt {
  readonly id: string;
  readonly url: string;
  /** HTTP status, or null when no response came (see `error`). */
  readonly status: number | null;
  readonly headers: HeaderPairs;
  /** The response body as text, cut at 10 kB. */
  readonly body: string;
  readonly latencyMs: number;
  readonly error: string | null;
  /** False when the listener will try another URL (`--failover-to`) for the same capture. */
  readonly final: boolean;
  readonly reportedAt: number;
}

/** One raw request received on an inbox URL, stored before it was answered. */
export interface Capture {
  readonly id: string;
  readonly accountId: string;
  readonly inboxId: string;
  /**
   * Assigned by the store, increasing in commit order within an account: the stream cursor.
   * A reader that saw sequence N never later finds a new capture of the account below N.
   */
  readonly sequence: number;
  readonly method: string;
  /** The path as received, without the query. */
  readonly path: string;
  /** The raw query string without `?`, or `''`. */
  readonly query: string;
  readonly headers: HeaderPairs;
  readonly body: Uint8Array;
  readonly remoteAddress: string;
  readonly receivedAt: number;
  /** `data.event_type` (v2) or `event_type` (v1) when the body is such JSON. */
  readonly eventType: string | null;
  /** Null when the inbox has no public key; `'verified'` or a `WH_*` error code otherwise. */
  readonly verification: string | null;
  /** Oldest first. */
  readonly forwards: readonly ForwardAttempt[];
}

export type NewCapture = Omit<Capture, 'sequence' | 'forwards'>;

export interface CaptureFilter {
  readonly inboxId?: string;
  /** An empty list does not filter. */
  readonly eventTypes?: readonly string[];
  /** True: verified; false: checked and failed. Captures never checked match neither. */
  readonly verified?: boolean;
  readonly receivedGte?: number;
  readonly receivedLte?: number;
}

/** What a stream reads after its cursor. */
export interface CaptureStreamFilter {
  readonly inboxId?: string;
  readonly eventTypes?: readonly string[];
}

/** Inbox captures, kept apart from the delivery queue: the inbox URLs, their API and `listen`. */
export interface InboxStore {
  /** The `inbox` resource whose `data.token` is `token`, in any account. */
  findInboxByToken(token: string): Promise<Resource | null>;
  /** Stores the capture durably and returns it with its sequence. */
  insertCapture(capture: NewCapture): Promise<Capture>;
  getCapture(accountId: string, id: string): Promise<Capture | null>;
  /** Newest first; `page.number` is 1-based. */
  listCaptures(accountId: string, filter: CaptureFilter, page: Page): Promise<PageResult<Capture>>;
  /** Up to `limit` captures with a sequence above `after`, oldest first. */
  capturesAfter(
    accountId: string,
    after: number,
    limit: number,
    filter: CaptureStreamFilter,
  ): Promise<readonly Capture[]>;
  /** The highest sequence of the account's captures, or 0. */
  lastCaptureSequence(accountId: string): Promise<number>;
  /** Appends to the capture's forwards; false when the capture does not exist. */
  addForwardAttempt(
    accountId: string,
    captureId: string,
    attempt: ForwardAttempt,
  ): Promise<boolean>;
}

/** The store's inbox part, reached as its own object. */
export interface InboxAccess {
  /** Inbox captures and their forward attempts. */
  readonly inboxes: InboxStore;
}
