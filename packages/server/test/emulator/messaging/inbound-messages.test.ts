import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addNumber,
  addProfile,
  errorPairs,
  makeHarness,
  type Harness,
} from './messaging-harness.js';
import { schemaErrors } from './webhook-schemas.js';

const OWNED = '+13125550001';
let h: Harness;
let profileId: string;

beforeEach(async () => {
  h = await makeHarness();
  profileId = await addProfile(h, { webhook_url: 'https://app.example.com/sms' });
  await addNumber(h, { phone_number: OWNED, messaging_profile_id: profileId });
});
afterEach(() => h.close());

const simulate = (fields: Record<string, unknown>) =>
  h.request('POST', '/switchboard/simulate/messages', {
    from: '+13125559876',
    text: 'Hi there',
    ...fields,
  });

describe('POST /switchboard/simulate/messages', () => {
  it('sends message.received to the profile that owns the to number', async () => {
    const reply = await simulate({ to: OWNED, media_urls: ['https://cdn.example.com/a.jpg'] });
    expect(reply.status).toBe(200);
    expect(h.emitted).toHaveLength(1);
    const event = h.emitted[0]!;
    expect(event).toMatchObject({
      eventType: 'message.received',
      messagingProfileId: profileId,
      webhookUrl: 'https://app.example.com/sms',
    });
    expect(event.payload).toMatchObject({
      id: reply.body.data.id,
      direction: 'inbound',
      type: 'MMS',
      text: 'Hi there',
      from: { phone_number: '+13125559876' },
      to: [{ phone_number: OWNED }],
      media: [{ url: 'https://cdn.example.com/a.jpg', content_type: 'image/jpeg' }],
    });
    expect(schemaErrors(event)).toEqual([]);
  });

  it('stores the inbound message for GET /v2/messages/{id}', async () => {
    const id = (await simulate({ to: OWNED })).body.data.id as string;
    const reply = await h.request('GET', `/v2/messages/${id}`);
    expect(reply.body.data).toMatchObject({ id, direction: 'inbound' });
  });

  it('uses an explicit messaging_profile_id even for a number it does not own', async () => {
    const other = await addProfile(h, {
      name: 'Other',
      webhook_url: 'https://other.example.com/sms',
    });
    await simulate({ to: '+13125554444', messaging_profile_id: other });
    expect(h.emitted[0]).toMatchObject({
      messagingProfileId: other,
      webhookUrl: 'https://other.example.com/sms',
    });
  });

  it('refuses a to number the account does not own, saying how to fix it', async () => {
    const reply = await simulate({ to: '+13125554444' });
    expect(reply.status).toBe(422);
    expect(reply.body.errors[0].source.pointer).toBe('/to');
    expect(reply.body.errors[0].detail).toContain('POST /switchboard/phone_numbers');
    expect(h.emitted).toEqual([]);
  });

  it('refuses a number that has no messaging profile', async () => {
    await addNumber(h, { phone_number: '+13125550003' });
    const reply = await simulate({ to: '+13125550003' });
    expect(reply.status).toBe(422);
    expect(reply.body.errors[0].detail).toContain('not assigned to a messaging profile');
  });

  it('requires a from and some content', async () => {
    const reply = await h.request('POST', '/switchboard/simulate/messages', { to: OWNED });
    expect(errorPairs(reply)).toEqual([['10004', '/from']]);
    const empty = await simulate({ to: OWNED, text: '' });
    expect(empty.body.errors[0]).toMatchObject({ code: '10004', source: { pointer: '/text' } });
  });
});

describe('schema check', () => {
  it('rejects a payload with a status the spec does not know', () => {
    const errors = schemaErrors({
      accountId: 'a',
      eventType: 'message.finalized',
      payload: { to: [{ phone_number: '+13125559876', status: 'lost' }] },
    });
    expect(errors).not.toEqual([]);
  });
});
