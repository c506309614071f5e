import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, firstError, type ApiHarness } from './support/api-harness.js';

let h: ApiHarness;
let profileId = '';
beforeAll(async () => {
  h = await apiHarness({ emulator: true });
  const profile = await h.request(h.alice.apiKey, {
    method: 'POST',
    url: '/v2/messaging_profiles',
    payload: { name: 'deep' },
  });
  profileId = profile.json<{ data: { id: string } }>().data.id;
});
afterAll(async () => {
  await h.close();
});

/** `{"a":{"a":…{"a":1}}}` with `levels` nested objects. */
function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i += 1) value = { a: value };
  return value;
}

/** The text of a body whose member `key` nests `levels` objects: the body itself is one more. */
function bodyText(fields: Record<string, unknown>, key: string, levels: number): string {
  const inner = JSON.stringify(nested(levels));
  return JSON.stringify({ ...fields, [key]: '@' }).replace('"@"', inner);
}

const EVENT = { event_type: 'call.initiated', webhook_url: 'https://example.com/hooks' };

function post(url: string, payload: string, method: 'POST' | 'PATCH' | 'PUT' = 'POST') {
  return h.request(h.alice.apiKey, {
    method,
    url,
    payload,
    headers: { 'content-type': 'application/json' },
  });
}

describe('JSON nesting depth', () => {
  it('refuses a 3,000-deep event payload with 422 and a pointer, storing nothing', async () => {
    const response = await post('/switchboard/events', bodyText(EVENT, 'payload', 3_000));
    expect(response.statusCode).toBe(422);
    const error = firstError(response);
    expect(error.code).toBe('10015');
    expect(error.detail).toContain('64');
    expect(error.source?.pointer).toBe(`/payload${'/a'.repeat(63)}`);
    const listed = await h.store.listDeliveries(h.alice.account.id, {}, { number: 1, size: 10 });
    expect(listed.total).toBe(0);
  });

  it('accepts a body 64 levels deep and refuses one 65 levels deep', async () => {
    // The body is level 1, so a payload of 63 nested objects makes 64 levels.
    const fits = await post('/switchboard/events', bodyText(EVENT, 'payload', 63));
    expect(fits.statusCode).toBe(202);
    const deeper = await post('/switchboard/events', bodyText(EVENT, 'payload', 64));
    expect(deeper.statusCode).toBe(422);
  });

  it('counts arrays as levels too', async () => {
    const text = `{"event_type":"x","webhook_url":"https://example.com","payload":{"list":${'['.repeat(70)}${']'.repeat(70)}}}`;
    const response = await post('/switchboard/events', text);
    expect(response.statusCode).toBe(422);
    expect(firstError(response).source?.pointer).toBe(`/payload/list${'/0'.repeat(62)}`);
  });

  it.each([
    ['POST', '/v2/call_control_applications', 'anything'],
    ['PATCH', '/switchboard/account', 'anything'],
    ['POST', '/switchboard/events', 'chaos'],
    ['POST', '/v2/messaging_profiles', 'number_pool_settings'],
    ['PATCH', '/v2/messaging_profiles/{profile}', 'url_shortener_settings'],
    ['POST', '/v2/messages', 'anything'],
    ['POST', '/switchboard/simulate/messages', 'anything'],
    ['POST', '/switchboard/phone_numbers', 'anything'],
    ['POST', '/v2/calls', 'anything'],
    ['POST', '/v2/calls/v3:missing/actions/answer', 'client_state'],
    ['PUT', '/v2/calls/v3:missing/actions/client_state_update', 'client_state'],
    ['POST', '/switchboard/inboxes', 'anything'],
  ] as const)('refuses a 100-deep body on %s %s with 422', async (method, url, key) => {
    const response = await post(
      url.replace('{profile}', profileId),
      bodyText({}, key, 100),
      method,
    );
    expect(response.statusCode).toBe(422);
    expect(firstError(response).source?.pointer).toMatch(new RegExp(`^/${key}(/a)+$`));
  });
});

describe('a "__proto__" key', () => {
  it('is stored as data in an event payload, and no prototype changes', async () => {
    const text =
      '{"event_type":"call.initiated","webhook_url":"https://example.com/hooks",' +
      '"payload":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"n":1}}';
    const response = await post('/switchboard/events', text);
    expect(response.statusCode).toBe(202);
    const { id } = response.json<{ data: { id: string } }>().data;
    const event = await h.store.getEvent(h.alice.account.id, id);
    const payload = event?.webhook['payload'] as Record<string, unknown>;
    expect(Object.hasOwn(payload, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(payload)).toBe(Object.prototype);
    expect(JSON.stringify(payload)).toBe(
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"n":1}',
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('is ignored like any unknown member of a resource body', async () => {
    const response = await post(
      '/v2/call_control_applications',
      '{"__proto__":{"active":false},"application_name":"proto","webhook_event_url":"https://example.com"}',
    );
    expect(response.statusCode).toBe(201);
    const { data } = response.json<{ data: Record<string, unknown> }>();
    expect(data['active']).toBe(true);
    expect(Object.hasOwn(data, '__proto__')).toBe(false);
  });
});

describe('chaos profiles', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'refuse a member named %s with 422, not 500',
    async (name) => {
      const response = await post(
        '/switchboard/events',
        `{"event_type":"x","webhook_url":"https://example.com","chaos":{"${name}":1}}`,
      );
      expect(response.statusCode).toBe(422);
      expect(firstError(response).source?.pointer).toBe(`/chaos/${name}`);
    },
  );
});
