import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addNumber,
  addProfile,
  errorPairs,
  makeHarness,
  type Harness,
} from './messaging-harness.js';
import { schemaErrors } from './webhook-schemas.js';

const FROM = '+13125550001';
const PROFILE_HOOK = 'https://app.example.com/sms';
const PROFILE_FAILOVER = 'https://backup.example.com/sms';

let h: Harness;
let profileId: string;

beforeEach(async () => {
  h = await makeHarness();
  profileId = await addProfile(h, {
    webhook_url: PROFILE_HOOK,
    webhook_failover_url: PROFILE_FAILOVER,
  });
  await addNumber(h, { phone_number: FROM, messaging_profile_id: profileId });
});
afterEach(() => h.close());

const send = (fields: Record<string, unknown>) =>
  h.request('POST', '/v2/messages', { from: FROM, text: 'Hello, World!', ...fields });

const types = () => h.emitted.map((e) => e.eventType);
const statusIn = (payload: Readonly<Record<string, unknown>>) =>
  (payload['to'] as { status: string }[])[0]?.status;

async function statusAfter(id: string, ms: number): Promise<string | undefined> {
  await h.advance(ms);
  const reply = await h.request('GET', `/v2/messages/${id}`);
  return reply.body.data.to[0].status as string;
}

describe('POST /v2/messages', () => {
  it('replies with the queued outbound message', async () => {
    const reply = await send({ to: '+13125559876' });
    expect(reply.status).toBe(200);
    expect(reply.body.data).toMatchObject({
      record_type: 'message',
      direction: 'outbound',
      type: 'SMS',
      messaging_profile_id: profileId,
      organization_id: h.accountId,
      from: { phone_number: FROM, line_type: 'VoIP' },
      to: [{ phone_number: '+13125559876', status: 'queued', line_type: 'Wireless' }],
      encoding: 'GSM-7',
      parts: 1,
      num_chars: 13,
      cost: { amount: '0.0040', currency: 'USD' },
      received_at: new Date(1768478400000).toISOString(),
      sent_at: null,
      errors: [],
    });
    expect(h.emitted).toEqual([]);
  });

  it('steps a delivered message through its statuses and events', async () => {
    const id = (await send({ to: '+13125559876' })).body.data.id as string;
    expect(await statusAfter(id, 100)).toBe('sending');
    expect(await statusAfter(id, 200)).toBe('sent');
    expect(types()).toEqual(['message.sent']);
    expect(await statusAfter(id, 1200)).toBe('delivered');
    expect(types()).toEqual(['message.sent', 'message.delivered', 'message.finalized']);
    expect(h.emitted.map((e) => statusIn(e.payload))).toEqual(['sent', 'delivered', 'delivered']);
    expect(h.emitted[2]?.payload['completed_at']).toBe(new Date(1768478401500).toISOString());
  });

  it('fails a message to the landline test number with a carrier error', async () => {
    await send({ to: '+13125550180' });
    await h.advance(2000);
    expect(types()).toEqual(['message.sent', 'message.failed', 'message.finalized']);
    const final = h.emitted[2]!.payload;
    expect(statusIn(final)).toBe('delivery_failed');
    expect(final['errors']).toEqual([
      expect.objectContaining({ code: '40001', title: 'Not routable' }),
    ]);
  });

  it('never sends a message to the sending-failure test number', async () => {
    await send({ to: '+16465550182' });
    await h.advance(2000);
    expect(types()).toEqual(['message.failed', 'message.finalized']);
    expect(statusIn(h.emitted[1]!.payload)).toBe('sending_failed');
    expect(h.emitted[1]!.payload['sent_at']).toBeNull();
  });

  it('finalizes without a delivery receipt for the unconfirmed test number', async () => {
    await send({ to: '+13125550183' });
    await h.advance(2000);
    expect(types()).toEqual(['message.sent', 'message.finalized']);
    expect(statusIn(h.emitted[1]!.payload)).toBe('delivery_unconfirmed');
  });

  it('emits payloads that match the Telnyx webhook schemas', async () => {
    await send({
      to: '+13125559876',
      media_urls: ['https://cdn.example.com/cat.png'],
      subject: 'Hi',
    });
    await send({ to: '+13125550181' });
    await send({ to: '+13125550182' });
    await h.advance(2000);
    expect(new Set(types())).toEqual(
      new Set(['message.sent', 'message.delivered', 'message.failed', 'message.finalized']),
    );
    for (const event of h.emitted) expect(schemaErrors(event)).toEqual([]);
  });

  it('routes webhooks by the sending number to its profile', async () => {
    await send({ to: '+13125559876' });
    await h.advance(300);
    expect(h.emitted[0]).toMatchObject({
      accountId: h.accountId,
      messagingProfileId: profileId,
      webhookUrl: PROFILE_HOOK,
      failoverUrl: PROFILE_FAILOVER,
      occurredAt: 1768478400300,
    });
  });

  it("tries the message's own webhook URL before the profile's", async () => {
    await send({ to: '+13125559876', webhook_url: 'https://own.example.com/hook' });
    await send({
      to: '+13125559876',
      webhook_url: 'https://own.example.com/hook',
      webhook_failover_url: 'https://own.example.com/failover',
      use_profile_webhooks: false,
    });
    await h.advance(300);
    expect(h.emitted.map((e) => [e.webhookUrl, e.failoverUrl])).toEqual([
      ['https://own.example.com/hook', PROFILE_HOOK],
      ['https://own.example.com/hook', 'https://own.example.com/failover'],
    ]);
  });

  it('sends no webhook when neither the message nor its profile has a URL', async () => {
    const quiet = await addProfile(h, { name: 'Quiet' });
    await addNumber(h, { phone_number: '+13125550002', messaging_profile_id: quiet });
    await send({ from: '+13125550002', to: '+13125559876' });
    await h.advance(2000);
    expect(h.emitted).toEqual([]);
  });

  it('gives 40305 for a from number the account does not own', async () => {
    const reply = await send({ from: '+13125557777', to: '+13125559876' });
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0]).toMatchObject({
      code: '40305',
      title: "Invalid 'from' address",
      source: { pointer: '/from' },
    });
  });

  it('sends from the profile number when only messaging_profile_id is given', async () => {
    const reply = await send({
      from: undefined,
      messaging_profile_id: profileId,
      to: '+13125559876',
    });
    expect(reply.body.data.from.phone_number).toBe(FROM);
  });

  it('reports every invalid field with a pointer', async () => {
    const reply = await h.request('POST', '/v2/messages', {
      to: '3125559876',
      from: FROM,
      webhook_url: 'example.com/hook',
    });
    expect(reply.status).toBe(422);
    expect(errorPairs(reply)).toEqual([
      ['10016', '/to'],
      ['10003', '/webhook_url'],
    ]);
  });

  it('requires text for an SMS', async () => {
    const reply = await h.request('POST', '/v2/messages', { to: '+13125559876', from: FROM });
    expect(reply.body.errors[0]).toMatchObject({ code: '10004', source: { pointer: '/text' } });
  });

  it('splits long and non-GSM texts into the right number of parts', async () => {
    const long = await send({ to: '+13125559876', text: 'a'.repeat(161) });
    const unicode = await send({ to: '+13125559876', text: 'Hi 👋' });
    expect(long.body.data).toMatchObject({ parts: 2, encoding: 'GSM-7' });
    expect(unicode.body.data).toMatchObject({ parts: 1, encoding: 'UCS-2', num_chars: 4 });
  });
});

describe('GET /v2/messages/{id}', () => {
  it('answers 404 in the Telnyx envelope for an unknown message', async () => {
    const reply = await h.request('GET', '/v2/messages/0b6e3f5a-0c39-4a57-9d54-5f6e2b0c8a11');
    expect(reply.status).toBe(404);
    expect(reply.body.errors[0].code).toBe('10005');
  });
});
