import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, firstError, type ApiHarness } from './support/api-harness.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(async () => {
  await h.close();
});

const BASE = '/v2/call_control_applications';
type App = Record<string, unknown> & { id: string };

async function create(key: string, payload: Record<string, unknown>): Promise<App> {
  const response = await h.request(key, { method: 'POST', url: BASE, payload });
  expect(response.statusCode).toBe(201);
  return response.json<{ data: App }>().data;
}

const minimal = { application_name: 'call-router', webhook_event_url: 'https://example.com/hook' };

describe('create', () => {
  it('fills every Telnyx default (webhook_api_version "2")', async () => {
    const app = await create(h.alice.apiKey, minimal);
    expect(app.id).toMatch(/^\d{19}$/);
    expect(app).toMatchObject({
      record_type: 'call_control_application',
      application_name: 'call-router',
      webhook_event_url: 'https://example.com/hook',
      webhook_event_failover_url: '',
      webhook_api_version: '2',
      webhook_timeout_secs: null,
      active: true,
      anchorsite_override: 'Latency',
      dtmf_type: 'RFC 2833',
      first_command_timeout: false,
      first_command_timeout_secs: 30,
      call_cost_in_webhooks: false,
      redact_dtmf_debug_logging: false,
      inbound: {
        channel_limit: null,
        shaken_stir_enabled: false,
        sip_subdomain: null,
        sip_subdomain_receive_settings: 'from_anyone',
      },
      outbound: { channel_limit: null, outbound_voice_profile_id: null },
      tags: [],
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    });
  });

  it('rejects webhook_timeout_secs 31 with 422 / 10033 at /webhook_timeout_secs', async () => {
    const response = await h.request(h.alice.apiKey, {
      method: 'POST',
      url: BASE,
      payload: { ...minimal, webhook_timeout_secs: 31 },
    });
    expect(response.statusCode).toBe(422);
    expect(firstError(response)).toMatchObject({
      code: '10033',
      source: { pointer: '/webhook_timeout_secs' },
    });
  });

  it('accepts webhook_timeout_secs 0 and 30', async () => {
    expect(
      (await create(h.alice.apiKey, { ...minimal, webhook_timeout_secs: 0 }))[
        'webhook_timeout_secs'
      ],
    ).toBe(0);
    expect(
      (await create(h.alice.apiKey, { ...minimal, webhook_timeout_secs: 30 }))[
        'webhook_timeout_secs'
      ],
    ).toBe(30);
  });

  it('reports every missing required field with 10004', async () => {
    const response = await h.request(h.alice.apiKey, { method: 'POST', url: BASE, payload: {} });
    expect(response.statusCode).toBe(422);
    const errors = response.json<{ errors: { code: string; source: { pointer: string } }[] }>()
      .errors;
    expect(errors.map((e) => [e.code, e.source.pointer])).toEqual([
      ['10004', '/application_name'],
      ['10004', '/webhook_event_url'],
    ]);
  });

  it.each([
    ['webhook_event_url', 'example.com/hook', '10015'],
    ['webhook_event_url', 'ftp://example.com/hook', '10015'],
    ['webhook_event_failover_url', 'failover.example.com', '10015'],
    ['webhook_api_version', '3', '10032'],
    ['webhook_api_version', 2, '10032'],
    ['webhook_timeout_secs', '10', '10015'],
    ['webhook_timeout_secs', 2.5, '10015'],
    ['webhook_timeout_secs', -1, '10033'],
    ['active', 'yes', '10015'],
    ['anchorsite_override', 'Mars', '10032'],
    ['dtmf_type', 'morse', '10032'],
    ['tags', 'a,b', '10015'],
    ['application_name', 42, '10015'],
    ['application_name', '   ', '10004'],
  ])('rejects %s = %j with %s', async (field, value, code) => {
    const response = await h.request(h.alice.apiKey, {
      method: 'POST',
      url: BASE,
      payload: { ...minimal, [field]: value },
    });
    expect(response.statusCode).toBe(422);
    expect(firstError(response)).toMatchObject({ code, source: { pointer: `/${field}` } });
  });

  it('points into nested objects', async () => {
    const response = await h.request(h.alice.apiKey, {
      method: 'POST',
      url: BASE,
      payload: { ...minimal, inbound: { channel_limit: 'ten' }, tags: ['ok', 7] },
    });
    const pointers = response
      .json<{ errors: { source: { pointer: string } }[] }>()
      .errors.map((e) => e.source.pointer);
    expect(pointers).toEqual(['/inbound/channel_limit', '/tags/1']);
  });

  it('keeps given nested members and defaults the rest', async () => {
    const app = await create(h.alice.apiKey, { ...minimal, inbound: { channel_limit: 10 } });
    expect(app['inbound']).toMatchObject({
      channel_limit: 10,
      sip_subdomain_receive_settings: 'from_anyone',
    });
  });
});

describe('read, update, delete', () => {
  it('round-trips through GET, PATCH and DELETE', async () => {
    const app = await create(h.alice.apiKey, minimal);
    const url = `${BASE}/${app.id}`;
    const got = await h.request(h.alice.apiKey, { method: 'GET', url });
    expect(got.json()).toEqual({ data: app });

    h.setNow(Date.parse('2026-01-02T00:00:00.000Z'));
    const patched = await h.request(h.alice.apiKey, {
      method: 'PATCH',
      url,
      payload: { webhook_timeout_secs: 5, outbound: { channel_limit: 3 } },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json<{ data: App }>().data).toMatchObject({
      id: app.id,
      webhook_timeout_secs: 5,
      application_name: 'call-router',
      outbound: { channel_limit: 3, outbound_voice_profile_id: null },
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-02T00:00:00.000Z',
    });

    const deleted = await h.request(h.alice.apiKey, { method: 'DELETE', url });
    expect(deleted.json<{ data: App }>().data.id).toBe(app.id);
    expect((await h.request(h.alice.apiKey, { method: 'GET', url })).statusCode).toBe(404);
  });

  it('validates PATCH bodies too', async () => {
    const app = await create(h.alice.apiKey, minimal);
    const response = await h.request(h.alice.apiKey, {
      method: 'PATCH',
      url: `${BASE}/${app.id}`,
      payload: { webhook_timeout_secs: 31 },
    });
    expect(response.statusCode).toBe(422);
    expect(firstError(response).code).toBe('10033');
  });

  it.each(['9999999999999999999', 'not-a-number', '1'.repeat(40)])('404s on id %s', async (id) => {
    const response = await h.request(h.alice.apiKey, { method: 'GET', url: `${BASE}/${id}` });
    expect(response.statusCode).toBe(404);
    expect(firstError(response).code).toBe('10005');
  });
});

describe('account isolation', () => {
  it("hides one account's applications from another", async () => {
    const app = await create(h.alice.apiKey, { ...minimal, application_name: 'alice-only' });
    const url = `${BASE}/${app.id}`;
    for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
      const response = await h.request(h.bob.apiKey, { method, url, payload: {} });
      expect(response.statusCode).toBe(404);
    }
    const list = await h.request(h.bob.apiKey, { method: 'GET', url: BASE });
    expect(list.json<{ data: App[] }>().data.map((a) => a.id)).not.toContain(app.id);
    expect((await h.request(h.alice.apiKey, { method: 'GET', url })).statusCode).toBe(200);
  });
});

describe('list', () => {
  it('pages, filters by name and sorts', async () => {
    const fresh = await apiHarness();
    try {
      for (const [i, name] of ['zeta-app', 'alpha-app', 'mid-thing'].entries()) {
        fresh.setNow(Date.parse('2026-01-01T00:00:00.000Z') + i * 1000);
        await fresh.request(fresh.alice.apiKey, {
          method: 'POST',
          url: BASE,
          payload: { ...minimal, application_name: name },
        });
      }
      const list = async (query: string) =>
        (await fresh.request(fresh.alice.apiKey, { method: 'GET', url: `${BASE}?${query}` })).json<{
          data: App[];
          meta: Record<string, number>;
        }>();
      const names = (body: { data: App[] }) => body.data.map((a) => a['application_name']);

      expect(names(await list(''))).toEqual(['mid-thing', 'alpha-app', 'zeta-app']);
      expect(names(await list('sort=created_at'))).toEqual(['zeta-app', 'alpha-app', 'mid-thing']);
      expect(names(await list('sort=connection_name'))).toEqual([
        'alpha-app',
        'mid-thing',
        'zeta-app',
      ]);
      expect(names(await list('filter[application_name][contains]=APP'))).toEqual([
        'alpha-app',
        'zeta-app',
      ]);
      const page = await list('page[number]=2&page[size]=2&sort=created_at');
      expect(names(page)).toEqual(['mid-thing']);
      expect(page.meta).toEqual({ page_number: 2, page_size: 2, total_pages: 2, total_results: 3 });
    } finally {
      await fresh.close();
    }
  });

  it.each([
    ['page[size]=251', '10033', 'page[size]'],
    ['page[size]=0', '10033', 'page[size]'],
    ['page[number]=abc', '10015', 'page[number]'],
    ['sort=name', '10032', 'sort'],
    ['filter[application_name][contains]=ab', '10015', 'filter[application_name][contains]'],
  ])('rejects %s with 422 / %s', async (query, code, parameter) => {
    const response = await h.request(h.alice.apiKey, { method: 'GET', url: `${BASE}?${query}` });
    expect(response.statusCode).toBe(422);
    expect(firstError(response)).toMatchObject({ code, source: { parameter } });
  });
});
