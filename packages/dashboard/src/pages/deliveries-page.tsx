import { useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client.js';
import { errorText } from '../api/api-client.js';
import type {
  DeliveryListQuery,
  WebhookDeliveryView as DeliveryView,
} from '@switchboard/core/contract';
import { Banner } from '../components/banner.js';
import { text, when } from '../components/format.js';
import { Link } from '../components/link.js';
import { usePoll } from '../use-poll.js';
import { DeliveryFilters, filterQuery, NO_FILTERS } from './delivery-filters.js';
import { deliveryStatus, lastStatus } from './delivery-status.js';

const PAGE_SIZE = 25;
/** Live without reload: the current page is fetched again every 2 s. */
const POLL_MS = 2000;

/** The delivery log: filters, a paginated table that refreshes itself, links to each delivery. */
export function DeliveriesPage({ api }: { readonly api: ApiClient }) {
  const [filters, setFilters] = useState(NO_FILTERS);
  const [page, setPage] = useState(1);
  const query = filterQuery(filters);
  query.set('page[number]', String(page));
  query.set('page[size]', String(PAGE_SIZE));
  const path = `/v2/webhook_deliveries?${query.toString()}`;
  const { value } = usePoll(
    () =>
      api.call('listWebhookDeliveries', {
        // The filters as typed; the server checks them and its refusal shows in the banner.
        query: {
          ...(Object.fromEntries(query) as DeliveryListQuery),
          'page[number]': page,
          'page[size]': PAGE_SIZE,
        },
      }),
    POLL_MS,
    path,
  );
  const totalPages = value?.ok === true ? Math.max(1, value.meta?.total_pages ?? 1) : 1;
  return (
    <section aria-labelledby="deliveries-title">
      <h1 id="deliveries-title">Deliveries</h1>
      <DeliveryFilters
        onApply={(next) => {
          setFilters(next);
          setPage(1);
        }}
      />
      {value === null ? (
        <p>Loading…</p>
      ) : value.ok ? (
        <DeliveryTable rows={value.data} />
      ) : (
        <Banner message={errorText(value)} />
      )}
      <nav class="pager" aria-label="Pages">
        <button
          type="button"
          disabled={page <= 1}
          onClick={() => {
            setPage(page - 1);
          }}
        >
          Previous page
        </button>
        <span>
          Page {page} of {totalPages}
          {value?.ok === true ? ` · ${value.meta?.total_results ?? 0} deliveries` : ''}
        </span>
        <button
          type="button"
          disabled={page >= totalPages}
          onClick={() => {
            setPage(page + 1);
          }}
        >
          Next page
        </button>
      </nav>
    </section>
  );
}

function DeliveryTable({ rows }: { readonly rows: readonly DeliveryView[] }) {
  if (rows.length === 0) return <p>No deliveries match.</p>;
  return (
    <table class="deliveries">
      <thead>
        <tr>
          <th scope="col">Status</th>
          <th scope="col">Event type</th>
          <th scope="col">URL</th>
          <th scope="col">Attempts</th>
          <th scope="col">Last status</th>
          <th scope="col">Next attempt</th>
          <th scope="col">Started</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((delivery) => (
          <tr key={delivery.id} data-delivery-id={delivery.id}>
            <td>
              <StatusBadge status={deliveryStatus(delivery)} />
            </td>
            <td>
              <Link href={`/deliveries/${delivery.id}`}>
                {text(delivery.webhook['event_type'], 'event')}
              </Link>
            </td>
            <td class="url">{delivery.attempts[0]?.http.request.url ?? '—'}</td>
            <td>{delivery.attempts.length}</td>
            <td>{lastStatus(delivery)}</td>
            <td>{when(delivery.next_attempt_at)}</td>
            <td>{when(delivery.started_at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function StatusBadge({ status }: { readonly status: string }) {
  return <span class={`badge ${status}`}>{status}</span>;
}
