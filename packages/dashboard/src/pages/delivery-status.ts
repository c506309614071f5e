import type { WebhookDeliveryView as DeliveryView } from '@switchboard/core/contract';

/** The API says `failed` for a delivery still retrying; the dashboard tells the two apart. */
export function deliveryStatus(
  delivery: DeliveryView,
): 'delivered' | 'retrying' | 'failed' | 'pending' {
  if (delivery.status === 'delivered') return 'delivered';
  const queued = delivery.next_attempt_at !== undefined && delivery.next_attempt_at !== null;
  if (queued) return delivery.attempts.length === 0 ? 'pending' : 'retrying';
  return 'failed';
}

/** The latest try's reply status, or its error codes when there was no reply. */
export function lastStatus(delivery: DeliveryView): string {
  const [latest] = delivery.attempts;
  if (latest === undefined) return '—';
  if (latest.http.response !== null) return String(latest.http.response.status);
  return latest.errors.length > 0 ? `error ${latest.errors.join(', ')}` : 'no reply';
}
