import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_KIND } from '../../../src/emulator/phone-numbers/linked-resources.js';
import { findNumber } from '../../../src/emulator/phone-numbers/phone-number-store.js';
import {
  addNumber,
  addProfile,
  errorPairs,
  fieldOfEach,
  makeHarness,
  T0,
  type Harness,
  type Reply,
} from '../messaging/messaging-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

async function addApplication(id: string, name: string): Promise<void> {
  await h.store.putResource({
    accountId: h.accountId,
    kind: APPLICATION_KIND,
    id,
    data: { id, application_name: name },
    createdAt: T0,
    updatedAt: T0,
  });
}

const firstError = (reply: Reply) => errorPairs(reply)[0];

describe('POST /switchboard/phone_numbers', () => {
  it('adds a number with the PhoneNumberDetailed fields', async () => {
    await addApplication('1293384261075731499', 'ivr');
    const profileId = await addProfile(h, { name: 'SMS' });
    const reply = await h.request('POST', '/switchboard/phone_numbers', {
      phone_number: '+18005550123',
      connection_id: '1293384261075731499',
      messaging_profile_id: profileId,
    });
    expect(reply.status).toBe(201);
    expect(reply.body.data).toMatchObject({
      record_type: 'phone_number',
      phone_number: '+18005550123',
      status: 'active',
      phone_number_type: 'toll_free',
      country_iso_alpha2: 'US',
      connection_id: '1293384261075731499',
      connection_name: 'ivr',
      messaging_profile_id: profileId,
      messaging_profile_name: 'SMS',
      tags: [],
      external_pin: null,
      deletion_lock_enabled: false,
      purchased_at: '2026-01-15T12:00:00.000Z',
    });
    expect(reply.body.data.id).toMatch(/^[1-9]\d{18}$/);
  });

  it('refuses a duplicate, a non-E.164 number and unknown references', async () => {
    await addNumber(h, { phone_number: '+13125550001' });
    const duplicate = await h.request('POST', '/switchboard/phone_numbers', {
      phone_number: '+13125550001',
    });
    expect(firstError(duplicate)).toEqual(['10012', '/phone_number']);
    const local = await h.request('POST', '/switchboard/phone_numbers', {
      phone_number: '3125550001',
    });
    expect(firstError(local)).toEqual(['10016', '/phone_number']);
    const unknown = await h.request('POST', '/switchboard/phone_numbers', {
      phone_number: '+13125550002',
      connection_id: '42',
      messaging_profile_id: 'nope',
    });
    expect(unknown.status).toBe(422);
    expect(errorPairs(unknown).map(([, pointer]) => pointer)).toEqual([
      '/connection_id',
      '/messaging_profile_id',
    ]);
  });

  // Issue 13: on Telnyx a number belongs to one account, so a second account is refused.
  it('refuses a number another account already has, with 422 / 10012', async () => {
    await addNumber(h, { phone_number: '+13125550001' });
    const other = await h.request(
      'POST',
      '/switchboard/phone_numbers',
      { phone_number: '+13125550001' },
      'b',
    );
    expect(other.status).toBe(422);
    expect(firstError(other)).toEqual(['10012', '/phone_number']);
    expect(other.body.errors[0].detail).toBe('The number +13125550001 belongs to another account.');
    expect((await h.request('GET', '/v2/phone_numbers', undefined, 'b')).body.data).toEqual([]);
    expect((await findNumber(h.store, h.accountId, '+13125550001'))?.phone_number).toBe(
      '+13125550001',
    );
  });
});

describe('/v2/phone_numbers', () => {
  it('lists numbers with filters and pagination meta', async () => {
    await addApplication('7', 'ivr');
    await addNumber(h, { phone_number: '+13125550001', connection_id: '7' });
    await addNumber(h, { phone_number: '+13125550002' });
    await addNumber(h, { phone_number: '+442071838750' });
    const all = await h.request('GET', '/v2/phone_numbers?page[size]=2');
    expect(all.body.meta).toEqual({
      page_number: 1,
      page_size: 2,
      total_pages: 2,
      total_results: 3,
    });
    const byApp = await h.request('GET', '/v2/phone_numbers?filter[connection_id]=7');
    expect(fieldOfEach(byApp, 'phone_number')).toEqual(['+13125550001']);
    const byDigits = await h.request('GET', '/v2/phone_numbers?filter[phone_number]=2071');
    expect(fieldOfEach(byDigits, 'country_iso_alpha2')).toEqual(['GB']);
  });

  it('reads a number by id or by its E.164 value', async () => {
    const id = await addNumber(h, { phone_number: '+13125550001' });
    expect((await h.request('GET', `/v2/phone_numbers/${id}`)).body.data.id).toBe(id);
    expect((await h.request('GET', '/v2/phone_numbers/%2B13125550001')).body.data.id).toBe(id);
    expect((await h.request('GET', '/v2/phone_numbers/123')).status).toBe(404);
  });

  it('assigns and clears the connection with PATCH', async () => {
    await addApplication('7', 'ivr');
    const id = await addNumber(h, { phone_number: '+13125550001' });
    const set = await h.request('PATCH', `/v2/phone_numbers/${id}`, {
      connection_id: '7',
      tags: ['a'],
    });
    expect(set.body.data).toMatchObject({
      connection_id: '7',
      connection_name: 'ivr',
      tags: ['a'],
    });
    const cleared = await h.request('PATCH', `/v2/phone_numbers/${id}`, { connection_id: '' });
    expect(cleared.body.data).toMatchObject({
      connection_id: null,
      connection_name: null,
      tags: ['a'],
    });
    const bad = await h.request('PATCH', `/v2/phone_numbers/${id}`, { connection_id: '8' });
    expect(firstError(bad)).toEqual(['10017', '/connection_id']);
  });

  it('assigns the messaging profile through /messaging', async () => {
    const profileId = await addProfile(h);
    const id = await addNumber(h, { phone_number: '+13125550001' });
    const before = await h.request('GET', `/v2/phone_numbers/${id}/messaging`);
    expect(before.body.data).toMatchObject({
      record_type: 'messaging_settings',
      messaging_profile_id: null,
    });
    const set = await h.request('PATCH', `/v2/phone_numbers/${id}/messaging`, {
      messaging_profile_id: profileId,
    });
    expect(set.body.data).toMatchObject({ messaging_profile_id: profileId, type: 'long-code' });
    const kept = await h.request('PATCH', `/v2/phone_numbers/${id}/messaging`, {
      messaging_profile_id: null,
    });
    expect(kept.body.data.messaging_profile_id).toBe(profileId);
    const unassigned = await h.request('PATCH', `/v2/phone_numbers/${id}/messaging`, {
      messaging_profile_id: '',
    });
    expect(unassigned.body.data.messaging_profile_id).toBeNull();
  });

  it('refuses an unknown messaging profile', async () => {
    const id = await addNumber(h, { phone_number: '+13125550001' });
    const reply = await h.request('PATCH', `/v2/phone_numbers/${id}/messaging`, {
      messaging_profile_id: 'x',
    });
    expect(firstError(reply)).toEqual(['10017', '/messaging_profile_id']);
  });
});

describe('findNumber', () => {
  it('finds an owned number by its E.164 value within the account only', async () => {
    await addNumber(h, { phone_number: '+13125550001' });
    expect((await findNumber(h.store, h.accountId, '+13125550001'))?.phone_number).toBe(
      '+13125550001',
    );
    expect(await findNumber(h.store, 'other', '+13125550001')).toBeNull();
    expect(await findNumber(h.store, h.accountId, '+13125550009')).toBeNull();
  });
});
