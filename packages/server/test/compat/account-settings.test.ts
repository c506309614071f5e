import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, firstError, type ApiHarness } from '../api/support/api-harness.js';

let h: ApiHarness;

beforeAll(async () => {
  h = await apiHarness();
});
afterAll(async () => {
  await h.close();
});

describe('GET/PATCH /switchboard/account', () => {
  it('shows the account with the telnyx body format by default', async () => {
    const reply = await h.request(h.alice.apiKey, { method: 'GET', url: '/switchboard/account' });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({
      data: {
        record_type: 'account',
        id: h.alice.account.id,
        name: 'alice',
        webhook_body_format: 'telnyx',
      },
    });
    expect(reply.body).not.toContain(h.alice.account.apiKeyHash);
  });

  it('stores a new body format for this account only', async () => {
    const patched = await h.request(h.alice.apiKey, {
      method: 'PATCH',
      url: '/switchboard/account',
      payload: { webhook_body_format: 'compact', unknown_member: 1 },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ data: { webhook_body_format: 'compact' } });
    expect((await h.store.getAccount(h.alice.account.id))?.settings).toEqual({
      webhook_body_format: 'compact',
    });
    const bob = await h.request(h.bob.apiKey, { method: 'GET', url: '/switchboard/account' });
    expect(bob.json()).toMatchObject({ data: { webhook_body_format: 'telnyx' } });
  });

  it('keeps the setting when a patch leaves it out', async () => {
    const patched = await h.request(h.alice.apiKey, {
      method: 'PATCH',
      url: '/switchboard/account',
      payload: {},
    });
    expect(patched.json()).toMatchObject({ data: { webhook_body_format: 'compact' } });
  });

  it('rejects an unknown format with the 422 envelope', async () => {
    const reply = await h.request(h.alice.apiKey, {
      method: 'PATCH',
      url: '/switchboard/account',
      payload: { webhook_body_format: 'pretty' },
    });
    expect(reply.statusCode).toBe(422);
    expect(firstError(reply)).toMatchObject({
      code: '10032',
      source: { pointer: '/webhook_body_format' },
    });
  });

  it('asks for a key', async () => {
    const reply = await h.request(null, { method: 'GET', url: '/switchboard/account' });
    expect(reply.statusCode).toBe(401);
  });
});
