import { afterEach, describe, expect, it } from 'vitest';
import { eventually, publishTo, runServer } from './support/running.js';
import { parsePrometheus, total } from './support/prometheus-text.js';
import { startTarget, type HttpTarget } from './support/http-target.js';

const ADMIN = 'metrics-admin-token';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** Answers 200, except 400 (a final failure) when the body mentions `"fail":true`. */
async function receiver(): Promise<HttpTarget> {
  const target = await startTarget((_request, response, body) => {
    response.writeHead(body.includes('"fail": true') || body.includes('"fail":true') ? 400 : 200);
    response.end();
  });
  closers.push(() => target.close());
  return target;
}

describe('/metrics', () => {
  it('counts deliveries by outcome and event type, matching the deliveries made', async () => {
    const target = await receiver();
    const server = await runServer({
      SWITCHBOARD_ADMIN_TOKEN: ADMIN,
      SWITCHBOARD_METRICS_PORT: '0',
    });
    closers.push(() => server.close());
    const url = `http://127.0.0.1:${target.port}/hook`;
    const scrape = async (): Promise<string> => {
      const response = await server.call('/metrics', { key: ADMIN });
      expect(response.status).toBe(200);
      return response.text();
    };

    const published: Promise<string>[] = [];
    for (let i = 0; i < 12; i += 1) published.push(publishTo(server.call, url, { n: i }));
    for (let i = 0; i < 5; i += 1) {
      published.push(publishTo(server.call, url, { fail: true }, 'message.sent'));
    }
    await Promise.all(published);
    const during = parsePrometheus(await scrape());
    expect(total(during, 'switchboard_deliveries_total')).toBeLessThanOrEqual(17);

    await eventually(
      async () => total(parsePrometheus(await scrape()), 'switchboard_deliveries_total') === 17,
    );
    const after = parsePrometheus(await scrape());
    const delivered = { outcome: 'delivered', event_type: 'call.initiated' };
    const failed = { outcome: 'failed', event_type: 'message.sent' };
    expect(total(after, 'switchboard_deliveries_total', delivered)).toBe(12);
    expect(total(after, 'switchboard_deliveries_total', failed)).toBe(5);
    expect(total(after, 'switchboard_attempts_total')).toBe(17);
    expect(total(after, 'switchboard_attempt_duration_seconds_count')).toBe(17);
    expect(total(after, 'switchboard_retries_scheduled_total')).toBe(0);
    expect(total(after, 'switchboard_queue_depth')).toBe(0);
    expect(total(after, 'switchboard_tries_in_flight')).toBe(0);
    expect(after.some((sample) => sample.name === 'switchboard_oldest_due_age_seconds')).toBe(true);
    expect(after.some((sample) => sample.name === 'process_cpu_user_seconds_total')).toBe(true);
    expect(target.hits()).toBe(17);

    // The same registry, without auth, on --metrics-port.
    expect(server.metricsUrl).not.toBeNull();
    const open = parsePrometheus(await (await fetch(server.metricsUrl ?? '')).text());
    expect(total(open, 'switchboard_deliveries_total', delivered)).toBe(12);
  });

  it('counts inbox captures', async () => {
    const server = await runServer({ SWITCHBOARD_ADMIN_TOKEN: ADMIN });
    closers.push(() => server.close());
    const created = (await (
      await server.call('/switchboard/inboxes', { body: { name: 'metrics' } })
    ).json()) as { data: { url: string } };
    for (let i = 0; i < 3; i += 1) {
      const response = await fetch(created.data.url, { method: 'POST', body: `{"n":${i}}` });
      expect(response.status).toBe(200);
    }
    const samples = parsePrometheus(await (await server.call('/metrics', { key: ADMIN })).text());
    expect(total(samples, 'switchboard_inbox_captures_total')).toBe(3);
  });

  it('needs the admin token on the main port', async () => {
    const server = await runServer({ SWITCHBOARD_ADMIN_TOKEN: ADMIN });
    closers.push(() => server.close());
    expect((await server.call('/metrics')).status).toBe(401);
    expect((await server.call('/metrics', { key: 'wrong' })).status).toBe(401);
    expect(server.metricsUrl).toBeNull();
  });

  it('is closed on the main port when no admin token is set', async () => {
    const server = await runServer();
    closers.push(() => server.close());
    const response = await server.call('/metrics');
    expect(response.status).toBe(403);
  });

  it('keeps each server instance on its own registry', async () => {
    const target = await receiver();
    const one = await runServer({ SWITCHBOARD_ADMIN_TOKEN: ADMIN });
    closers.push(() => one.close());
    const two = await runServer({ SWITCHBOARD_ADMIN_TOKEN: ADMIN });
    closers.push(() => two.close());
    await publishTo(one.call, `http://127.0.0.1:${target.port}/`);
    const count = async (server: typeof one): Promise<number> =>
      total(
        parsePrometheus(await (await server.call('/metrics', { key: ADMIN })).text()),
        'switchboard_deliveries_total',
      );
    await eventually(async () => (await count(one)) === 1);
    expect(await count(two)).toBe(0);
  });
});
