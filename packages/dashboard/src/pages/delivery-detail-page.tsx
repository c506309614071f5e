import type { ApiClient } from '../api/api-client.js';
import { errorText } from '../api/api-client.js';
import { Banner } from '../components/banner.js';
import { text, when } from '../components/format.js';
import { JsonView } from '../components/json-view.js';
import { Link } from '../components/link.js';
import { usePoll } from '../use-poll.js';
import { AttemptCard } from './attempt-card.js';
import { StatusBadge } from './deliveries-page.js';
import { DeliveryActions } from './delivery-actions.js';
import { deliveryStatus } from './delivery-status.js';

/** One delivery: its envelope, every attempt, and the actions; refreshed every 2 s. */
export function DeliveryDetailPage({ api, id }: { readonly api: ApiClient; readonly id: string }) {
  const path = `/v2/webhook_deliveries/${encodeURIComponent(id)}`;
  const { value, reload } = usePoll(
    () => api.call('getWebhookDelivery', { params: { id } }),
    2000,
    path,
  );
  if (value === null) return <p>Loading…</p>;
  if (!value.ok) return <Banner message={errorText(value)} />;
  const delivery = value.data;
  const count = delivery.attempts.length;
  return (
    <section aria-labelledby="delivery-title">
      <p>
        <Link href="/deliveries">← Deliveries</Link>
      </p>
      <h1 id="delivery-title">
        {text(delivery.webhook['event_type'], 'Delivery')}{' '}
        <StatusBadge status={deliveryStatus(delivery)} />
      </h1>
      <p class="muted">
        {delivery.id} · started {when(delivery.started_at)} · finished {when(delivery.finished_at)}
        {delivery.next_attempt_at === undefined
          ? ''
          : ` · next attempt ${when(delivery.next_attempt_at)}`}
      </p>
      <DeliveryActions api={api} delivery={delivery} onChanged={reload} />
      <h2>Envelope</h2>
      <JsonView label="Envelope data" value={{ data: delivery.webhook }} />
      <h2>Attempts ({count})</h2>
      {count === 0 ? <p>Not tried yet.</p> : null}
      {delivery.attempts.map((attempt, index) => (
        <AttemptCard
          key={attempt.started_at}
          delivery={delivery}
          attempt={attempt}
          number={count - index}
        />
      ))}
    </section>
  );
}
