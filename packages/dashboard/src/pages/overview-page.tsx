import type { ApiClient } from '../api/api-client.js';
import { errorText } from '../api/api-client.js';
import { Banner } from '../components/banner.js';
import { ms, percent, when } from '../components/format.js';
import { Sparkline } from '../components/sparkline.js';
import { usePoll } from '../use-poll.js';

/** Delivery rate, success ratio, latency, queue depth and failing endpoints, refreshed every 5 s. */
export function OverviewPage({ api }: { readonly api: ApiClient }) {
  const { value } = usePoll(
    () => api.call('getDeliveryStats', { query: { bucket_secs: 60 } }),
    5000,
    'stats',
  );
  if (value === null) return <p>Loading…</p>;
  if (!value.ok) return <Banner message={errorText(value)} />;
  const stats = value.data;
  const buckets = stats.buckets;
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">Overview</h1>
      <p class="muted">Last hour, since {when(stats.since)}.</p>
      <dl class="figures">
        <Figure label="Delivery rate" value={`${stats.delivery_rate_per_min} / min`} />
        <Figure label="Success ratio" value={percent(stats.success_ratio)} />
        <Figure label="p50 latency" value={ms(stats.totals.p50_ms)} />
        <Figure label="p99 latency" value={ms(stats.totals.p99_ms)} />
        <Figure label="Queue depth" value={String(stats.queue_depth)} />
      </dl>
      <div class="charts">
        <Sparkline label="Deliveries per minute" values={buckets.map((b) => b.created)} />
        <Sparkline label="Failed tries per minute" values={buckets.map((b) => b.failed_attempts)} />
        <Sparkline label="p99 latency (ms)" values={buckets.map((b) => b.p99_ms)} />
      </div>
      <h2>Endpoints failing now</h2>
      {stats.failing_endpoints.length === 0 ? (
        <p>None: every endpoint's latest try succeeded.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">URL</th>
              <th scope="col">Failed tries</th>
              <th scope="col">Last failure</th>
              <th scope="col">Last success</th>
            </tr>
          </thead>
          <tbody>
            {stats.failing_endpoints.map((endpoint) => (
              <tr key={endpoint.url}>
                <td class="url">{endpoint.url}</td>
                <td>{endpoint.failures}</td>
                <td>{when(endpoint.last_failed_at)}</td>
                <td>{when(endpoint.last_delivered_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Figure({ label, value }: { readonly label: string; readonly value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
