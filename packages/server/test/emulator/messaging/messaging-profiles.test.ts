import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addNumber,
  addProfile,
  errorPairs,
  fieldOfEach,
  makeHarness,
  type Harness,
} from './messaging-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

describe('/v2/messaging_profiles', () => {
  it('creates a profile with the spec defaults', async () => {
    const reply = await h.request('POST', '/v2/messaging_profiles', {
      name: 'Support',
      webhook_url: 'https://app.example.com/sms',
    });
    expect(reply.status).toBe(200);
    expect(reply.body.data).toMatchObject({
      record_type: 'messaging_profile',
      name: 'Support',
      enabled: true,
      webhook_url: 'https://app.example.com/sms',
      webhook_failover_url: '',
      webhook_api_version: '2',
      whitelisted_destinations: ['*'],
      created_at: '2026-01-15T12:00:00.000Z',
    });
    expect(reply.body.data.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(reply.body.data.v1_secret).toMatch(/^[A-Za-z0-9]{24}$/);
  });

  it('reports every invalid field at once, with pointers', async () => {
    const reply = await h.request('POST', '/v2/messaging_profiles', {
      webhook_url: 'app.example.com/sms',
      webhook_api_version: '3',
      whitelisted_destinations: ['usa'],
      enabled: 'yes',
    });
    expect(reply.status).toBe(422);
    expect(errorPairs(reply)).toEqual([
      ['10004', '/name'],
      ['10015', '/enabled'],
      ['10003', '/webhook_url'],
      ['10032', '/webhook_api_version'],
      ['10015', '/whitelisted_destinations'],
    ]);
  });

  it('lists profiles a page at a page, filtered by name', async () => {
    for (const name of ['Alpha', 'Beta', 'Gamma']) {
      await addProfile(h, { name });
      await h.advance(1);
    }
    const page2 = await h.request('GET', '/v2/messaging_profiles?page[number]=2&page[size]=2');
    expect(fieldOfEach(page2, 'name')).toEqual(['Gamma']);
    expect(page2.body.meta).toEqual({
      page_number: 2,
      page_size: 2,
      total_pages: 2,
      total_results: 3,
    });
    const filtered = await h.request('GET', '/v2/messaging_profiles?filter[name][contains]=am');
    expect(fieldOfEach(filtered, 'name')).toEqual(['Gamma']);
  });

  it('rejects a page size over 250', async () => {
    const reply = await h.request('GET', '/v2/messaging_profiles?page[size]=251');
    expect(reply.status).toBe(422);
  });

  it('updates, reads and deletes a profile', async () => {
    const id = await addProfile(h);
    const patched = await h.request('PATCH', `/v2/messaging_profiles/${id}`, {
      webhook_api_version: '1',
      webhook_url: 'https://new.example.com/sms',
    });
    expect(patched.body.data).toMatchObject({ name: 'Main', webhook_api_version: '1' });
    const read = await h.request('GET', `/v2/messaging_profiles/${id}`);
    expect(read.body.data.webhook_url).toBe('https://new.example.com/sms');
    const deleted = await h.request('DELETE', `/v2/messaging_profiles/${id}`);
    expect(deleted.body.data.id).toBe(id);
    expect((await h.request('GET', `/v2/messaging_profiles/${id}`)).status).toBe(404);
  });

  it('refuses to delete a profile that numbers still use', async () => {
    const id = await addProfile(h);
    await addNumber(h, { phone_number: '+13125550001', messaging_profile_id: id });
    const reply = await h.request('DELETE', `/v2/messaging_profiles/${id}`);
    expect(reply.status).toBe(422);
    expect(reply.body.errors[0].code).toBe('10021');
  });

  it("lists a profile's phone numbers with their messaging settings", async () => {
    const id = await addProfile(h);
    await addNumber(h, { phone_number: '+13125550001', messaging_profile_id: id });
    await addNumber(h, { phone_number: '+13125550002' });
    const reply = await h.request('GET', `/v2/messaging_profiles/${id}/phone_numbers`);
    expect(reply.body.data).toEqual([
      expect.objectContaining({
        record_type: 'messaging_settings',
        phone_number: '+13125550001',
        messaging_profile_id: id,
        country_code: 'US',
      }),
    ]);
    expect(reply.body.meta.total_results).toBe(1);
  });

  it('keeps accounts apart', async () => {
    const id = await addProfile(h);
    const reply = await h.request(
      'GET',
      `/v2/messaging_profiles/${id}`,
      undefined,
      'other-account',
    );
    expect(reply.status).toBe(404);
    const list = await h.request('GET', '/v2/messaging_profiles', undefined, 'other-account');
    expect(list.body.data).toEqual([]);
  });
});
