import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type ApiHarness } from './support/api-harness.js';

let h: ApiHarness;
let appId = '';
beforeAll(async () => {
  h = await apiHarness();
  const response = await h.request(h.alice.apiKey, {
    method: 'POST',
    url: '/v2/call_control_applications',
    payload: { application_name: 'router', webhook_event_url: 'https://example.com' },
  });
  appId = response.json<{ data: { id: string } }>().data.id;
});
afterAll(async () => {
  await h.close();
});

const UUID = '9a1e7b4e-58b4-4c1e-9c3a-2f0a3b6c1d2e';
const routes = (): readonly (readonly [string, string])[] => [
  ['POST', '/v2/call_control_applications'],
  ['PATCH', `/v2/call_control_applications/${appId}`],
  ['POST', '/switchboard/events'],
  ['POST', '/switchboard/events/batch'],
  ['POST', '/switchboard/accounts'],
  ['GET', '/v2/call_control_applications'],
  ['GET', `/v2/call_control_applications/${appId}`],
  ['DELETE', `/v2/call_control_applications/${appId}x`],
  ['GET', '/v2/webhook_deliveries'],
  ['GET', `/v2/webhook_deliveries/${UUID}`],
  ['POST', `/switchboard/webhook_deliveries/${UUID}/retry`],
  ['GET', '/switchboard/public_key'],
];

const BAD_BODIES: readonly (readonly [string, string, string])[] = [
  ['malformed JSON', '{"application_name": ', 'application/json'],
  ['a JSON string', '"hello"', 'application/json'],
  ['a JSON array', '[1,2,3]', 'application/json'],
  ['JSON null', 'null', 'application/json'],
  ['a prototype-poisoning body', '{"__proto__": {"admin": true}}', 'application/json'],
  ['plain text', 'hello', 'text/plain'],
  ['an empty JSON body', '', 'application/json'],
  ['over 1 MB', `{"application_name":"${'x'.repeat(1_100_000)}"}`, 'application/json'],
];

interface Envelope {
  errors: { code: string; title: string; detail: string }[];
}

describe.each(BAD_BODIES)('a body that is %s', (_name, payload, contentType) => {
  it('gets a Telnyx-envelope 4xx on every route, never a 5xx', async () => {
    for (const [method, url] of routes()) {
      const key = url === '/switchboard/accounts' ? 'admin-secret-token' : h.alice.apiKey;
      const response = await h.request(key, {
        method: method,
        url,
        payload,
        headers: { 'content-type': contentType },
      });
      expect(response.statusCode, `${method} ${url}`).toBeGreaterThanOrEqual(200);
      expect(response.statusCode, `${method} ${url}`).toBeLessThan(500);
      if (response.statusCode >= 400) {
        const body = response.json<Envelope>();
        expect(body.errors[0]?.code, `${method} ${url}`).toMatch(/^\d+$/);
      }
    }
  });
});

describe('specific codes', () => {
  it('answers malformed JSON with 400 / 10015', async () => {
    const response = await h.request(h.alice.apiKey, {
      method: 'POST',
      url: '/switchboard/events',
      payload: '{oops',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<Envelope>().errors[0]).toMatchObject({ code: '10015' });
  });

  it('answers an oversized body with 413', async () => {
    const response = await h.request(h.alice.apiKey, {
      method: 'POST',
      url: '/switchboard/events',
      payload: JSON.stringify({ event_type: 'x', payload: { big: 'x'.repeat(1_100_000) } }),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json<Envelope>().errors[0]).toMatchObject({ code: '413' });
  });

  it('answers a non-JSON content type with 415', async () => {
    const response = await h.request(h.alice.apiKey, {
      method: 'POST',
      url: '/v2/call_control_applications',
      payload: 'application_name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.statusCode).toBe(415);
    expect(response.json<Envelope>().errors[0]?.code).toBe('10015');
  });

  it('answers a JSON body that is not an object with 422 at /', async () => {
    const response = await h.request(h.alice.apiKey, {
      method: 'POST',
      url: '/v2/call_control_applications',
      payload: '[]',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      errors: [{ code: '10015', source: { pointer: '/' } }],
    });
  });
});
