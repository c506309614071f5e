import type Telnyx from 'telnyx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/start-server.js';
import { testConfig } from '../server/support/test-config.js';
import { startCheckedReceiver, type CheckedReceiver } from './support/checked-receiver.js';
import { sdkClientFor } from './support/sdk-client.js';
import { sdkErrorOf } from './support/sdk-error.js';
import { callApi } from './support/server-api.js';

const LONG_CODE = '+13125550170';
const SECOND = '+13125550171';
const TOLL_FREE = '+18885550172';
const SHORT_CODE = '24680';
const ALPHA = 'Switchbrd';
const FAR = '+13125559001';

let server: RunningServer;
let client: Telnyx;
let receiver: CheckedReceiver;
let profileId: string;

beforeAll(async () => {
  server = await startServer(await testConfig());
  client = sdkClientFor(server);
  receiver = await startCheckedReceiver(server);
  const profile = await client.messagingProfiles.create({
    name: 'breadth',
    whitelisted_destinations: ['US'],
    webhook_url: receiver.url,
    alpha_sender: ALPHA,
  });
  profileId = profile.data?.id ?? '';
  for (const phone_number of [LONG_CODE, SECOND, TOLL_FREE]) {
    await callApi(server, 'POST', '/switchboard/phone_numbers', {
      phone_number,
      messaging_profile_id: profileId,
    });
  }
  const code = await callApi(server, 'POST', '/switchboard/short_codes', {
    short_code: SHORT_CODE,
    messaging_profile_id: profileId,
  });
  expect(code.status).toBe(201);
});
afterAll(async () => {
  await receiver.close();
  await server.close();
});

const errorOf = sdkErrorOf;

const finalized = (id: string) => receiver.until('message.finalized', (p) => p['id'] === id);

describe('messaging through telnyx 7.x', () => {
  it('sends from a long code, a short code, an alphanumeric sender and a number pool', async () => {
    const long = await client.messages.sendLongCode({ from: LONG_CODE, to: FAR, text: 'long' });
    expect(long.data?.from?.phone_number).toBe(LONG_CODE);
    await receiver.until('message.sent', (p) => p['id'] === long.data?.id);
    const short = await client.messages.sendShortCode({ from: SHORT_CODE, to: FAR, text: 'short' });
    expect(short.data).toMatchObject({
      from: { phone_number: SHORT_CODE },
      messaging_profile_id: profileId,
    });
    const alpha = await client.messages.sendWithAlphanumericSender({
      from: ALPHA,
      messaging_profile_id: profileId,
      to: FAR,
      text: 'alpha',
    });
    expect(alpha.data?.from?.phone_number).toBe(ALPHA);
    const pooled = await client.messages.sendNumberPool({
      messaging_profile_id: profileId,
      to: FAR,
      text: 'a',
    });
    const again = await client.messages.sendNumberPool({
      messaging_profile_id: profileId,
      to: FAR,
      text: 'b',
    });
    expect([LONG_CODE, SECOND, TOLL_FREE]).toContain(pooled.data?.from?.phone_number);
    expect(again.data?.from?.phone_number).toBe(pooled.data?.from?.phone_number);
    for (const id of [long, short, alpha, pooled].map((m) => m.data?.id ?? '')) await finalized(id);
    const fetched = await client.messages.retrieve(long.data?.id ?? '');
    expect(fetched.data).toMatchObject({ to: [{ status: 'delivered' }] });
  });

  it('refuses a sender of the wrong kind with 40305', async () => {
    const tollFree = await errorOf(
      client.messages.sendLongCode({ from: TOLL_FREE, to: FAR, text: 'x' }),
    );
    expect(tollFree).toMatchObject({
      status: 400,
      first: { code: '40305', source: { pointer: '/from' } },
    });
    const unknownCode = await errorOf(
      client.messages.sendShortCode({ from: '99999', to: FAR, text: 'x' }),
    );
    expect(unknownCode).toMatchObject({ status: 400, first: { code: '40305' } });
    const wrongAlpha = await errorOf(
      client.messages.sendWithAlphanumericSender({
        from: 'Other',
        messaging_profile_id: profileId,
        to: FAR,
        text: 'x',
      }),
    );
    expect(wrongAlpha).toMatchObject({ status: 400, first: { code: '40305' } });
    const noProfile = await errorOf(
      client.messages.sendNumberPool({ to: FAR, text: 'x' } as never),
    );
    expect(noProfile).toMatchObject({
      status: 422,
      first: { code: '10004', source: { pointer: '/messaging_profile_id' } },
    });
  });

  it('sends a group MMS: one message per recipient, readable as a group', async () => {
    const others = ['+13125559002', '+13125559003'];
    const sent = await client.messages.sendGroupMms({
      from: LONG_CODE,
      to: others,
      text: 'group',
      media_urls: ['https://example.com/cat.jpg'],
    });
    expect(sent.data).toMatchObject({
      type: 'MMS',
      to: [{ phone_number: others[0] }],
      cc: [{ phone_number: others[1] }],
    });
    const group = await client.messages.retrieveGroupMessages(sent.data?.id ?? '');
    expect(group.data?.map((m) => m.to?.[0]?.phone_number)).toEqual(others);
    for (const message of group.data ?? []) await finalized(message.id ?? '');
    const tooMany = await errorOf(
      client.messages.sendGroupMms({
        from: LONG_CODE,
        to: Array.from({ length: 9 }, (_, i) => `+1312555910${i}`),
        text: 'x',
      }),
    );
    expect(tooMany).toMatchObject({
      status: 422,
      first: { code: '10015', source: { pointer: '/to' } },
    });
  });

  it('schedules a message, sends it at send_at, and cancels another', async () => {
    const soon = await client.messages.schedule({
      from: LONG_CODE,
      to: FAR,
      text: 'later',
      send_at: new Date(Date.now() + 1500).toISOString(),
    });
    expect(soon.data?.to?.[0]?.status).toBe('scheduled');
    const tooLate = await errorOf(client.messages.cancelScheduled(soon.data?.id ?? ''));
    expect(tooLate).toMatchObject({ status: 422, first: { code: '10015' } });
    const hook = await receiver.until('message.sent', (p) => p['id'] === soon.data?.id);
    expect(hook.payload['text']).toBe('later');

    const far = await client.messages.schedule({
      from: LONG_CODE,
      to: FAR,
      text: 'never',
      send_at: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const cancelled = await client.messages.cancelScheduled(far.data?.id ?? '');
    expect(cancelled).toMatchObject({ id: far.data?.id, to: [{ status: 'cancelled' }] });
    const stored = await client.messages.retrieve(far.data?.id ?? '');
    expect(stored.data).toMatchObject({ to: [{ status: 'cancelled' }] });
    const past = await errorOf(
      client.messages.schedule({
        from: LONG_CODE,
        to: FAR,
        text: 'x',
        send_at: '2020-01-01T00:00:00Z',
      }),
    );
    expect(past).toMatchObject({ status: 422, first: { source: { pointer: '/send_at' } } });
  });

  it('answers profile secrets, short codes, sender ids and metrics', async () => {
    const before = (await client.messagingProfiles.retrieve(profileId)).data?.v1_secret;
    const regenerated = await client.messagingProfiles.actions.regenerateSecret(profileId);
    expect(regenerated.data?.v1_secret).not.toBe(before);
    const codes = await client.messagingProfiles.listShortCodes(profileId);
    expect(codes.data.map((c) => c.short_code)).toEqual([SHORT_CODE]);
    const senders = await client.messagingProfiles.listAlphanumericSenderIDs(profileId);
    expect(senders.data.map((s) => s.alphanumeric_sender_id)).toEqual([ALPHA]);
    const metrics = await client.messagingProfiles.retrieveMetrics(profileId, { time_frame: '1h' });
    const outbound = (metrics.data as { outbound?: { total?: number } } | undefined)?.outbound;
    expect(outbound?.total).toBeGreaterThan(0);
    const bad = await errorOf(
      client.messagingProfiles.retrieveMetrics(profileId, { time_frame: '2y' as '1h' }),
    );
    expect(bad).toMatchObject({ status: 422, first: { code: '10032' } });
  });

  it('keeps auto-response configs and answers a keyword', async () => {
    const created = await client.messagingProfiles.autorespConfigs.create(profileId, {
      op: 'info',
      keywords: ['HELP'],
      resp_text: 'Text STOP to stop.',
      country_code: 'US',
    });
    const id = created.data.id;
    expect(created.data).toMatchObject({ op: 'info', keywords: ['HELP'], country_code: 'US' });
    const listed = await client.messagingProfiles.autorespConfigs.list(profileId);
    expect(listed.data.map((c) => c.id)).toEqual([id]);
    const updated = await client.messagingProfiles.autorespConfigs.update(id, {
      profile_id: profileId,
      op: 'info',
      keywords: ['HELP', 'INFO'],
      resp_text: 'Switchboard: text STOP to stop.',
      country_code: 'US',
    });
    expect(updated.data.keywords).toEqual(['HELP', 'INFO']);
    const sender = '+13125559010';
    await callApi(server, 'POST', '/switchboard/simulate/messages', {
      from: sender,
      to: LONG_CODE,
      text: ' info ',
    });
    await receiver.until(
      'message.received',
      (p) => (p['from'] as { phone_number?: string })['phone_number'] === sender,
    );
    const reply = await receiver.until(
      'message.sent',
      (p) => (p['to'] as { phone_number?: string }[])[0]?.phone_number === sender,
    );
    expect(reply.payload).toMatchObject({
      text: 'Switchboard: text STOP to stop.',
      from: { phone_number: LONG_CODE },
    });
    const bad = await errorOf(
      client.messagingProfiles.autorespConfigs.create(profileId, {
        op: 'maybe' as 'info',
        keywords: [],
        country_code: 'US',
      }),
    );
    expect(bad).toMatchObject({ status: 422 });
    expect(
      await client.messagingProfiles.autorespConfigs.delete(id, { profile_id: profileId }),
    ).toBe('OK');
    const gone = await errorOf(
      client.messagingProfiles.autorespConfigs.retrieve(id, { profile_id: profileId }),
    );
    expect(gone.status).toBe(404);
  });

  it('every webhook passed the SDK verifier and its schema', () => {
    expect(receiver.seen.length).toBeGreaterThan(10);
    expect(receiver.seen.filter((hook) => !hook.verified || hook.schemaErrors.length > 0)).toEqual(
      [],
    );
  });
});
