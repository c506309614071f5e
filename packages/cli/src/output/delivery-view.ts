import type { DeliveryAttemptView, WebhookDeliveryView } from '@switchboard/core/contract';
import type { Column } from './format-table.js';

/** The columns of `deliveries list`. */
export const DELIVERY_COLUMNS: readonly Column<WebhookDeliveryView>[] = [
  { header: 'ID', value: (row) => row.id },
  { header: 'STATUS', value: (row) => statusOf(row) },
  { header: 'EVENT', value: (row) => webhookText(row, 'event_type') },
  { header: 'TRIES', value: (row) => String(row.attempts.length) },
  { header: 'LAST', value: (row) => lastResult(row.attempts[0]) },
  { header: 'STARTED', value: (row) => row.started_at ?? '' },
];

/** `deliveries get` as text: a header line, then one line per attempt (newest first). */
export function deliveryDetail(view: WebhookDeliveryView): string[] {
  const head = [
    `${view.id}  ${statusOf(view)}  ${webhookText(view, 'event_type')}  event ${webhookText(view, 'id')}`,
  ];
  if (typeof view.next_attempt_at === 'string') head.push(`next try at ${view.next_attempt_at}`);
  return [
    ...head,
    ...view.attempts.map((attempt, index) => attemptLine(attempt, view.attempts.length - index)),
  ];
}

/** A member of the delivered webhook (`event_type`, `id`), or '' when it has none. */
function webhookText(view: WebhookDeliveryView, name: string): string {
  const value = view.webhook[name];
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  return JSON.stringify(value);
}

function attemptLine(attempt: DeliveryAttemptView, number: number): string {
  return `  #${number} ${attempt.started_at} ${lastResult(attempt)} ${attempt.http.request.url}`;
}

function statusOf(view: WebhookDeliveryView): string {
  return typeof view.next_attempt_at === 'string' ? 'retrying' : view.status;
}

function lastResult(attempt: DeliveryAttemptView | undefined): string {
  if (attempt === undefined) return '-';
  const status =
    attempt.http.response === null ? 'no response' : String(attempt.http.response.status);
  return attempt.errors.length === 0 ? status : `${status} (${attempt.errors.join(',')})`;
}
