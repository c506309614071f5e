import type { DeliveryAttemptView, WebhookDeliveryView } from '@switchboard/core/contract';
import type { AttemptRecord, Delivery } from '../../../storage/store.js';
import { cutHeaders, cutText } from './cut-to-limit.js';

/**
 * A delivery as Telnyx's `webhook_delivery` shows it. The API knows only `delivered` and
 * `failed`, so a delivery still retrying is `failed` plus `next_attempt_at`.
 */
export function webhookDeliveryView(
  delivery: Delivery,
  attempts: readonly AttemptRecord[],
): WebhookDeliveryView {
  return {
    id: delivery.id,
    record_type: 'webhook_delivery',
    user_id: delivery.accountId,
    status: delivery.state === 'delivered' ? 'delivered' : 'failed',
    started_at: isoOrNull(delivery.startedAt),
    finished_at: isoOrNull(delivery.finishedAt),
    webhook: delivery.webhook,
    attempts: [...attempts].sort((a, b) => b.attempt - a.attempt).map(attemptView),
    ...(delivery.state === 'queued' ? { next_attempt_at: isoOrNull(delivery.nextAttemptAt) } : {}),
    // A row that cannot be read whole says why, under Switchboard's own key.
    ...(delivery.unreadable === undefined
      ? {}
      : { switchboard: { unreadable: delivery.unreadable } }),
  };
}

function attemptView(attempt: AttemptRecord): DeliveryAttemptView {
  // Switchboard's own facts go under one extra key, so Telnyx's shape is unchanged.
  const chaos = attempt.meta['chaos'];
  return {
    ...telnyxAttemptView(attempt),
    ...(chaos === undefined ? {} : { switchboard: { chaos } }),
  };
}

function telnyxAttemptView(attempt: AttemptRecord): DeliveryAttemptView {
  return {
    status: attempt.status,
    started_at: new Date(attempt.startedAt).toISOString(),
    finished_at: new Date(attempt.finishedAt).toISOString(),
    errors: [...attempt.errors],
    http: {
      request: { url: attempt.request.url, headers: cutHeaders(attempt.request.headers) },
      response:
        attempt.response === null
          ? null
          : {
              status: attempt.response.status,
              headers: cutHeaders(attempt.response.headers),
              body: cutText(attempt.response.body),
            },
    },
  };
}

function isoOrNull(epochMs: number | null): string | null {
  return epochMs === null ? null : new Date(epochMs).toISOString();
}
