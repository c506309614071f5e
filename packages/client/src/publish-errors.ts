import type { ApiErrorItem } from './publish-types.js';

/** Stable codes of the publisher's errors: match on `code`, never on `message`. */
export type PublishErrorCode =
  'SB_PUBLISH_REJECTED' | 'SB_PUBLISH_FAILED' | 'SB_PUBLISHER_CLOSED' | 'SB_PUBLISHER_OPTIONS';

/** Base of every error the publisher rejects with or throws. */
export class PublishError extends Error {
  override readonly name: string = 'PublishError';
  readonly code: PublishErrorCode;

  constructor(code: PublishErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

/**
 * Switchboard refused the batch that held the event (a 4xx other than 429: invalid event, bad
 * key, too large). It is not retried: the same request would be refused again. A batch is
 * stored whole or not at all, so every event of it is rejected; `errors` holds the problems of
 * this event (empty when another event of the batch was at fault, so republishing it alone
 * would succeed), with pointers into the event (`/event_type`), and `batchErrors` all of them.
 */
export class PublishRejectedError extends PublishError {
  override readonly name = 'PublishRejectedError';
  readonly status: number;
  readonly errors: readonly ApiErrorItem[];
  readonly batchErrors: readonly ApiErrorItem[];

  constructor(
    status: number,
    errors: readonly ApiErrorItem[],
    batchErrors: readonly ApiErrorItem[],
  ) {
    super('SB_PUBLISH_REJECTED', rejectedMessage(status, errors, batchErrors));
    this.status = status;
    this.errors = errors;
    this.batchErrors = batchErrors;
  }
}

/** Every try failed (429, 5xx, no connection, no valid reply); `cause` holds the last reason. */
export class PublishFailedError extends PublishError {
  override readonly name = 'PublishFailedError';
  readonly attempts: number;
  /** The last HTTP status, or null when no reply came. */
  readonly status: number | null;

  constructor(attempts: number, status: number | null, cause: unknown) {
    const last = status === null ? 'no reply' : `HTTP ${status}`;
    super('SB_PUBLISH_FAILED', `Publishing failed after ${attempts} tries (last: ${last})`, {
      cause,
    });
    this.attempts = attempts;
    this.status = status;
  }
}

/** `publish` was called after `close`. */
export class PublisherClosedError extends PublishError {
  override readonly name = 'PublisherClosedError';

  constructor() {
    super('SB_PUBLISHER_CLOSED', 'The publisher is closed');
  }
}

/** `createPublisher` was given an option it cannot work with. */
export class PublisherOptionsError extends PublishError {
  override readonly name = 'PublisherOptionsError';

  constructor(message: string) {
    super('SB_PUBLISHER_OPTIONS', message);
  }
}

function rejectedMessage(
  status: number,
  own: readonly ApiErrorItem[],
  batch: readonly ApiErrorItem[],
): string {
  if (own.length > 0) return `Switchboard refused the event (HTTP ${status}): ${describe(own)}`;
  return `Switchboard refused the event's batch (HTTP ${status}): ${describe(batch)}`;
}

function describe(items: readonly ApiErrorItem[]): string {
  if (items.length === 0) return 'no details';
  return items
    .map((item) => {
      const text = item.detail || item.title || item.code;
      const pointer = item.source?.pointer;
      return pointer === undefined ? text : `${text} (${pointer})`;
    })
    .join('; ');
}
