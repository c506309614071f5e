import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, apiHarness, firstError, type ApiHarness } from './support/api-harness.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(async () => {
  await h.close();
});

const PROTECTED = [
  ['GET', '/switchboard/public_key'],
  ['GET', '/v2/call_control_applications'],
  ['POST', '/v2/call_control_applications'],
  ['GET', '/v2/call_control_applications/1234567890123456789'],
  ['PATCH', '/v2/call_control_applications/1234567890123456789'],
  ['DELETE', '/v2/call_control_applications/1234567890123456789'],
  ['POST', '/switchboard/events'],
  ['POST', '/switchboard/events/batch'],
  ['GET', '/v2/webhook_deliveries'],
  ['GET', '/v2/webhook_deliveries/9a1e7b4e-58b4-4c1e-9c3a-2f0a3b6c1d2e'],
  ['POST', '/switchboard/webhook_deliveries/9a1e7b4e-58b4-4c1e-9c3a-2f0a3b6c1d2e/retry'],
] as const;

describe('authentication', () => {
  it('serves /health without a key', async () => {
    const response = await h.request(null, { method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it.each(PROTECTED)('%s %s without a key is 401 / 10009', async (method, url) => {
    const response = await h.request(null, { method, url, payload: {} });
    expect(response.statusCode).toBe(401);
    expect(firstError(response).code).toBe('10009');
  });

  it.each(PROTECTED)('%s %s with a wrong key is 401 / 10009', async (method, url) => {
    const response = await h.request('KEYsb_wrong', { method, url, payload: {} });
    expect(response.statusCode).toBe(401);
    expect(firstError(response).code).toBe('10009');
  });

  it('rejects a non-Bearer authorization scheme', async () => {
    const response = await h.app.inject({
      method: 'GET',
      url: '/v2/webhook_deliveries',
      headers: { authorization: `Basic ${h.alice.apiKey}` },
    });
    expect(response.statusCode).toBe(401);
  });

  it("returns the caller's own public key", async () => {
    const alice = await h.request(h.alice.apiKey, {
      method: 'GET',
      url: '/switchboard/public_key',
    });
    const bob = await h.request(h.bob.apiKey, { method: 'GET', url: '/switchboard/public_key' });
    expect(alice.json()).toEqual({ data: { public_key: h.alice.publicKey } });
    expect(bob.json()).toEqual({ data: { public_key: h.bob.publicKey } });
    expect(Buffer.from(h.alice.publicKey, 'base64')).toHaveLength(32);
  });
});

describe('POST /switchboard/accounts', () => {
  it('creates an account with the admin token, and its key works at once', async () => {
    const response = await h.request(ADMIN_TOKEN, {
      method: 'POST',
      url: '/switchboard/accounts',
      payload: { name: 'carol' },
    });
    expect(response.statusCode).toBe(201);
    const { data } = response.json<{ data: { id: string; api_key: string; public_key: string } }>();
    expect(data.id).toMatch(/^[0-9a-f-]{36}$/);
    const key = await h.request(data.api_key, { method: 'GET', url: '/switchboard/public_key' });
    expect(key.json()).toEqual({ data: { public_key: data.public_key } });
  });

  it('refuses an account API key in place of the admin token', async () => {
    const response = await h.request(h.alice.apiKey, {
      method: 'POST',
      url: '/switchboard/accounts',
    });
    expect(response.statusCode).toBe(401);
    expect(firstError(response).code).toBe('10009');
  });

  it('refuses a missing token', async () => {
    const response = await h.request(null, { method: 'POST', url: '/switchboard/accounts' });
    expect(response.statusCode).toBe(401);
  });

  it('is closed (403 / 10010) when no admin token is configured', async () => {
    const closed = await apiHarness({ admin: false });
    const response = await closed.request(ADMIN_TOKEN, {
      method: 'POST',
      url: '/switchboard/accounts',
    });
    expect(response.statusCode).toBe(403);
    expect(firstError(response).code).toBe('10010');
    await closed.close();
  });
});

describe('unknown routes', () => {
  it('answers 404 / 10005 in the Telnyx envelope', async () => {
    const response = await h.request(h.alice.apiKey, { method: 'GET', url: '/v2/nothing_here' });
    expect(response.statusCode).toBe(404);
    expect(firstError(response)).toMatchObject({ code: '10005', title: 'Resource not found' });
  });
});

describe('authentication before routing', () => {
  const GUARDED = [
    ['GET', '/v2/nothing_here'],
    ['GET', '/switchboard/nothing/here'],
    ['DELETE', '/v2/webhook_deliveries'],
    ['PUT', '/switchboard/events'],
    ['GET', '/switchboard/accounts/x'],
    ['POST', '/v2'],
  ] as const;

  it.each(GUARDED)(
    '%s %s without a key is 401, whether or not the route exists',
    async (method, url) => {
      const response = await h.request(null, { method, url });
      expect(response.statusCode).toBe(401);
      expect(firstError(response).code).toBe('10009');
    },
  );

  it.each(GUARDED)('%s %s with a wrong key is 401', async (method, url) => {
    const response = await h.request('KEYsb_wrong', { method, url });
    expect(response.statusCode).toBe(401);
  });

  it('answers 401 before reading a body, so a bad body tells nothing either', async () => {
    for (const url of ['/switchboard/events', '/switchboard/no_such_route']) {
      const response = await h.request(null, {
        method: 'POST',
        url,
        payload: '{oops',
        headers: { 'content-type': 'application/json' },
      });
      expect(response.statusCode, url).toBe(401);
    }
  });

  it('keeps recording files open without a key', async () => {
    const open = await apiHarness({ emulator: true });
    const file = await open.request(null, {
      method: 'GET',
      url: '/switchboard/recordings/9a1e7b4e-58b4-4c1e-9c3a-2f0a3b6c1d2e.mp3',
    });
    expect(file.statusCode).toBe(200);
    const unknown = await open.request(null, { method: 'GET', url: '/switchboard/recordings/x' });
    expect(unknown.statusCode).toBe(404);
    await open.close();
  });
});
