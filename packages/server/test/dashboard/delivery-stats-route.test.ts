import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dashboardHarness, type DashboardHarness } from './dashboard-harness.js';

interface Stats {
  totals: { created: number; queued: number; attempts: number; p50_ms: number | null };
  queue_depth: number;
  bucket_secs: number;
  success_ratio: number | null;
  buckets: { start: string; created: number }[];
  failing_endpoints: unknown[];
}

let h: DashboardHarness;
beforeEach(async () => {
  h = await dashboardHarness();
});
afterEach(async () => {
  await h.close();
});

describe('GET /switchboard/stats', () => {
  it("reports the account's new deliveries, with every bucket of the window", async () => {
    for (const n of [1, 2]) {
      const published = await h.call('POST', '/switchboard/events', {
        event_type: 'call.initiated',
        webhook_url: `https://hooks.example.com/${n}`,
      });
      expect(published.status).toBe(202);
    }
    const { status, body } = await h.call<{ data: Stats }>(
      'GET',
      '/switchboard/stats?bucket_secs=600',
    );
    expect(status).toBe(200);
    expect(body.data.totals).toMatchObject({ created: 2, queued: 2, attempts: 0, p50_ms: null });
    expect(body.data.queue_depth).toBe(2);
    expect(body.data.success_ratio).toBeNull();
    expect(body.data.bucket_secs).toBe(600);
    expect(body.data.buckets).toHaveLength(7);
    expect(body.data.buckets.reduce((sum, bucket) => sum + bucket.created, 0)).toBe(2);
  });

  it('rejects a window of too many buckets, and bad parameters, with 422', async () => {
    const tooMany = await h.call('GET', '/switchboard/stats?bucket_secs=1');
    expect(tooMany.status).toBe(422);
    const badSince = await h.call('GET', '/switchboard/stats?since=yesterday');
    expect(badSince.status).toBe(422);
  });

  it('needs an API key', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/switchboard/stats' });
    expect(response.statusCode).toBe(401);
  });
});
