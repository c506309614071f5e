import type { Column } from './format-table.js';

/** A delivery as `GET /v2/webhook_deliveries` shows it (the fields the CLI prints). */
export interface DeliveryView {
  readonly [field: string]: unknown;
  readonly id: string;
  readonly status: string;
  readonly started_at: string | null;
  readonly finished_at: string | null;
  readonly next_attempt_at?: string | null;
  readonly webhook: { readonly event_type?: string; readonly id?: string };
  readonly attempts: readonly AttemptView[];
}

/** One attempt, newest first in a delivery. */
export interface AttemptView {
  readonly status: string;
  readonly started_at: string;
  readonly errors: readonly number[];
  readonly http: {
    readonly request: { readonly url: string };
    readonly response: { readonly status: number } | null;
  };
}

/** The columns of `deliveries list`. */
export const DELIVERY_COLUMNS: readonly Column<DeliveryView>[] = [
  { header: 'ID', value: (row) => row.id },
  { header: 'STATUS', value: (row) => statusOf(row) },
  { header: 'EVENT', value: (row) => row.webhook.event_type ?? '' },
  { header: 'TRIES', value: (row) => String(row.attempts.length) },
  { header: 'LAST', value: (row) => lastResult(row.attempts[0]) },
  { header: 'STARTED', value: (row) => row.started_at ?? '' },
];

/** `deliveries get` as text: a header line, then one line per attempt. */
export function deliveryDetail(view: DeliveryView): string[] {
  const head = [
    `${view.id}  ${statusOf(view)}  ${view.webhook.event_type ?? ''}  event ${view.webhook.id ?? ''}`,
  ];
  if (typeof view.next_attempt_at === 'string') head.push(`next try at ${view.next_attempt_at}`);
  return [
    ...head,
    ...view.attempts.map((attempt, index) => attemptLine(attempt, view.attempts.length - index)),
  ];
}

function attemptLine(attempt: AttemptView, number: number): string {
  return `  #${number} ${attempt.started_at} ${lastResult(attempt)} ${attempt.http.request.url}`;
}

function statusOf(view: DeliveryView): string {
  return typeof view.next_attempt_at === 'string' ? 'retrying' : view.status;
}

function lastResult(attempt: AttemptView | undefined): string {
  if (attempt === undefined) return '-';
  const status =
    attempt.http.response === null ? 'no response' : String(attempt.http.response.status);
  return attempt.errors.length === 0 ? status : `${status} (${attempt.errors.join(',')})`;
}
