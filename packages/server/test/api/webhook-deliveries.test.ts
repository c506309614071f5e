import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, firstError, type ApiHarness } from './support/api-harness.js';
import { seedDelivery } from './support/seed-deliveries.js';

const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const HOUR = 3_600_000;

let h: ApiHarness;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await apiHarness();
  const key = h.alice.apiKey;
  ids['delivered'] = await seedDelivery(h, key, {
    eventType: 'call.initiated',
    at: T0,
    final: 'delivered',
    tries: [
      { url: 'https://typo.example.com/hook', status: 404, body: 'Oops. Not found.' },
      { url: 'https://fallback.example.com/hook', status: 200, body: 'All good.' },
    ],
  });
  ids['failed'] = await seedDelivery(h, key, {
    eventType: 'call.hangup',
    at: T0 + HOUR,
    final: 'failed',
    tries: [{ url: 'https://down.example.com/hook', status: null }],
  });
  ids['queued'] = await seedDelivery(h, key, {
    eventType: 'call.answered',
    at: T0 + 2 * HOUR,
    final: 'queued',
    tries: [
      {
        url: 'https://busy.example.com/hook',
        status: 503,
        body: 'é'.repeat(8000),
        requestHeaders: [
          ['authorization', 'Bearer secret'],
          ['x-big', 'v'.repeat(20_000)],
        ],
      },
    ],
  });
  ids['bob'] = await seedDelivery(h, h.bob.apiKey, {
    eventType: 'call.initiated',
    at: T0,
    final: 'delivered',
    tries: [{ url: 'https://bob.example.com/hook', status: 200 }],
  });
});
afterAll(async () => {
  await h.close();
});

interface Listed {
  data: { id: string; status: string }[];
  meta: { page_number: number; page_size: number; total_pages: number; total_results: number };
}

async function list(query: string, key = h.alice.apiKey): Promise<Listed> {
  const response = await h.request(key, { method: 'GET', url: `/v2/webhook_deliveries?${query}` });
  expect(response.statusCode).toBe(200);
  return response.json<Listed>();
}

const idsOf = (body: Listed) => body.data.map((d) => d.id);

describe('GET /v2/webhook_deliveries/{id}', () => {
  it('shows the record with attempts newest first', async () => {
    const response = await h.request(h.alice.apiKey, {
      method: 'GET',
      url: `/v2/webhook_deliveries/${ids['delivered']}`,
    });
    const { data } = response.json<{
      data: Record<string, unknown> & { attempts: Record<string, unknown>[] };
    }>();
    expect(data).toMatchObject({
      id: ids['delivered'],
      record_type: 'webhook_delivery',
      user_id: h.alice.account.id,
      status: 'delivered',
      webhook: { record_type: 'event', event_type: 'call.initiated', payload: { n: 1 } },
    });
    expect(data['next_attempt_at']).toBeUndefined();
    expect(data.attempts).toEqual([
      {
        status: 'delivered',
        started_at: '2026-03-01T10:00:00.010Z',
        finished_at: '2026-03-01T10:00:00.015Z',
        errors: [],
        http: {
          request: {
            url: 'https://fallback.example.com/hook',
            headers: [
              ['content-type', 'application/json'],
              ['user-agent', 'telnyx-webhooks'],
            ],
          },
          response: { status: 200, headers: [['content-type', 'text/plain']], body: 'All good.' },
        },
      },
      expect.objectContaining({ status: 'failed', errors: [75499] }),
    ]);
  });

  it('shows a retrying delivery as failed with next_attempt_at, cut at 10 kB, secrets hidden', async () => {
    const response = await h.request(h.alice.apiKey, {
      method: 'GET',
      url: `/v2/webhook_deliveries/${ids['queued']}`,
    });
    const { data } = response.json<{
      data: {
        status: string;
        next_attempt_at: string;
        attempts: { http: { request: { headers: string[][] }; response: { body: string } } }[];
      };
    }>();
    expect(data.status).toBe('failed');
    expect(data.next_attempt_at).toBe('2026-03-01T12:01:00.010Z');
    const [attempt] = data.attempts;
    expect(Buffer.byteLength(attempt?.http.response.body ?? '')).toBe(10_240);
    expect(attempt?.http.request.headers).toEqual([['authorization', '[hidden]']]);
  });

  it('shows a failed try without a response as response null', async () => {
    const response = await h.request(h.alice.apiKey, {
      method: 'GET',
      url: `/v2/webhook_deliveries/${ids['failed']}`,
    });
    const { data } = response.json<{
      data: { status: string; attempts: { errors: number[]; http: { response: unknown } }[] };
    }>();
    expect(data.status).toBe('failed');
    expect(data.attempts[0]).toMatchObject({ errors: [75002], http: { response: null } });
  });

  it.each(['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1' OR '1'='1"])(
    '404s on unknown or malformed id %s',
    async (id) => {
      const response = await h.request(h.alice.apiKey, {
        method: 'GET',
        url: `/v2/webhook_deliveries/${encodeURIComponent(id)}`,
      });
      expect(response.statusCode).toBe(404);
      expect(firstError(response).code).toBe('10005');
    },
  );

  it("404s on another account's delivery", async () => {
    const response = await h.request(h.alice.apiKey, {
      method: 'GET',
      url: `/v2/webhook_deliveries/${ids['bob']}`,
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('GET /v2/webhook_deliveries', () => {
  it('lists the account’s deliveries newest first with meta', async () => {
    const body = await list('');
    expect(idsOf(body)).toEqual([ids['queued'], ids['failed'], ids['delivered']]);
    expect(body.meta).toEqual({ page_number: 1, page_size: 20, total_pages: 1, total_results: 3 });
  });

  it.each([
    ['filter[status][eq]=delivered', ['delivered']],
    ['filter[status][eq]=failed', ['queued', 'failed']],
    ['filter[event_type]=call.hangup,call.answered', ['queued', 'failed']],
    ['filter[webhook][contains]=call.initiated', ['delivered']],
    ['filter[attempts][contains]=fallback.example.com', ['delivered']],
    ['filter[started_at][gte]=2026-03-01T11:00:00Z', ['queued', 'failed']],
    ['filter[started_at][lte]=2026-03-01T10:30:00Z', ['delivered']],
    ['filter[finished_at][gte]=2026-03-01T10:30:00Z', ['failed']],
    ['filter[finished_at][lte]=2026-03-01T10:30:00Z', ['delivered']],
  ])('filters by %s', async (query, expected) => {
    expect(idsOf(await list(query))).toEqual(expected.map((name) => ids[name]));
  });

  it('pages with page[number] and page[size]', async () => {
    const second = await list('page[number]=2&page[size]=2');
    expect(idsOf(second)).toEqual([ids['delivered']]);
    expect(second.meta).toEqual({ page_number: 2, page_size: 2, total_pages: 2, total_results: 3 });
    expect(idsOf(await list('page[number]=9'))).toEqual([]);
  });

  it('accepts percent-encoded brackets as the SDKs send them', async () => {
    expect(idsOf(await list('filter%5Bstatus%5D%5Beq%5D=delivered'))).toEqual([ids['delivered']]);
  });

  it.each([
    ['page[size]=251', '10033'],
    ['page[size]=-1', '10015'],
    ['page[number]=0', '10033'],
    ['page[number]=1.5', '10015'],
    ['filter[status][eq]=queued', '10032'],
    ['filter[started_at][gte]=last-week', '10015'],
    ['filter[finished_at][lte]=2026-13-45', '10015'],
  ])('rejects %s with 422 / %s', async (query, code) => {
    const response = await h.request(h.alice.apiKey, {
      method: 'GET',
      url: `/v2/webhook_deliveries?${query}`,
    });
    expect(response.statusCode).toBe(422);
    expect(firstError(response).code).toBe(code);
  });

  it("never lists another account's deliveries", async () => {
    expect(idsOf(await list('', h.bob.apiKey))).toEqual([ids['bob']]);
  });
});

describe('POST /switchboard/webhook_deliveries/{id}/retry', () => {
  it('re-queues a finished delivery and wakes the worker', async () => {
    const wakes = h.wakes();
    h.setNow(T0 + 5 * HOUR);
    const response = await h.request(h.alice.apiKey, {
      method: 'POST',
      url: `/switchboard/webhook_deliveries/${ids['failed']}/retry`,
    });
    expect(response.statusCode).toBe(202);
    expect(
      response.json<{ data: { status: string; next_attempt_at: string } }>().data,
    ).toMatchObject({
      status: 'failed',
      next_attempt_at: '2026-03-01T15:00:00.000Z',
    });
    expect(h.wakes()).toBe(wakes + 1);
    const stored = await h.store.getDelivery(h.alice.account.id, ids['failed'] ?? '');
    expect(stored?.state).toBe('queued');
  });

  it("404s on another account's delivery and on malformed ids", async () => {
    for (const id of [ids['bob'], 'nope']) {
      const response = await h.request(h.alice.apiKey, {
        method: 'POST',
        url: `/switchboard/webhook_deliveries/${id}/retry`,
      });
      expect(response.statusCode).toBe(404);
    }
  });
});
