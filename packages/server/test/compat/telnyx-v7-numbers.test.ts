import type Telnyx from 'telnyx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/start-server.js';
import { testConfig } from '../server/support/test-config.js';
import { startCheckedReceiver, type CheckedReceiver } from './support/checked-receiver.js';
import { sdkClientFor } from './support/sdk-client.js';
import { sdkErrorOf } from './support/sdk-error.js';
import { callApi } from './support/server-api.js';

let server: RunningServer;
let client: Telnyx;
let receiver: CheckedReceiver;
let connectionId: string;

beforeAll(async () => {
  server = await startServer(await testConfig());
  client = sdkClientFor(server);
  receiver = await startCheckedReceiver(server);
  const app = await client.callControlApplications.create({
    application_name: 'numbers',
    webhook_event_url: receiver.url,
  });
  connectionId = app.data?.id ?? '';
});
afterAll(async () => {
  await receiver.close();
  await server.close();
});

const errorOf = sdkErrorOf;

describe('numbers through telnyx 7.x', () => {
  it('searches available numbers by country, area code, features and pattern', async () => {
    const chicago = await client.availablePhoneNumbers.list({
      filter: {
        country_code: 'US',
        national_destination_code: '312',
        features: ['sms', 'voice'],
        limit: 5,
      },
    });
    expect(chicago.data).toHaveLength(5);
    for (const number of chicago.data ?? []) {
      expect(number.phone_number).toMatch(/^\+13125552\d{3}$/);
      expect(number.record_type).toBe('available_phone_number');
      expect(number.features?.map((f) => f.name)).toEqual(expect.arrayContaining(['sms', 'voice']));
    }
    expect(chicago.meta?.total_results).toBe(5);
    const tollFree = await client.availablePhoneNumbers.list({
      filter: { phone_number_type: 'toll_free', limit: 3 },
    });
    expect(tollFree.data?.every((n) => /^\+18(88|77)/.test(n.phone_number ?? ''))).toBe(true);
    const london = await client.availablePhoneNumbers.list({
      filter: { country_code: 'GB', locality: 'London', limit: 2 },
    });
    expect(london.data?.[0]?.phone_number).toMatch(/^\+44207946/);
    const noSmsInUk = await client.availablePhoneNumbers.list({
      filter: { country_code: 'GB', features: ['sms'] },
    });
    expect(noSmsInUk.data).toEqual([]);
    const endsWith = await client.availablePhoneNumbers.list({
      filter: { national_destination_code: '415', phone_number: { ends_with: '7' }, limit: 4 },
    });
    expect(endsWith.data?.every((n) => n.phone_number?.endsWith('7'))).toBe(true);
    const bad = await errorOf(
      client.availablePhoneNumbers.list({ filter: { phone_number_type: 'pager' as 'local' } }),
    );
    expect(bad).toMatchObject({ status: 422, first: { code: '10032' } });
  });

  it('orders numbers: they join the account and number_order.complete arrives', async () => {
    const found = await client.availablePhoneNumbers.list({
      filter: { national_destination_code: '737', limit: 2 },
    });
    const wanted = (found.data ?? []).map((n) => n.phone_number ?? '');
    const order = await client.numberOrders.create({
      phone_numbers: wanted.map((phone_number) => ({ phone_number })),
      connection_id: connectionId,
      customer_reference: 'order-1',
    });
    expect(order.data).toMatchObject({
      status: 'success',
      phone_numbers_count: 2,
      connection_id: connectionId,
      customer_reference: 'order-1',
    });
    const hook = await receiver.until('number_order.complete', (p) => p['id'] === order.data?.id);
    expect(hook).toMatchObject({ verified: true, schemaErrors: [] });
    const owned = await client.phoneNumbers.list({ filter: { connection_id: connectionId } });
    expect(owned.data.map((n) => n.phone_number).sort()).toEqual([...wanted].sort());
    expect(owned.data[0]?.customer_reference).toBe('order-1');
    const again = await client.availablePhoneNumbers.list({
      filter: { national_destination_code: '737', limit: 2 },
    });
    expect(again.data?.map((n) => n.phone_number)).not.toContain(wanted[0]);
    const twice = await errorOf(
      client.numberOrders.create({ phone_numbers: [{ phone_number: wanted[0] ?? '' }] }),
    );
    expect(twice).toMatchObject({
      status: 422,
      first: { code: '10012', source: { pointer: '/phone_numbers/0/phone_number' } },
    });
    const empty = await errorOf(client.numberOrders.create({ phone_numbers: [] }));
    expect(empty).toMatchObject({ status: 422, first: { code: '10004' } });

    const id = order.data?.id ?? '';
    expect((await client.numberOrders.retrieve(id)).data?.phone_numbers?.length).toBe(2);
    const updated = await client.numberOrders.update(id, {
      customer_reference: 'order-1b',
      regulatory_requirements: [{ requirement_id: 'r1', field_value: 'v' }],
    });
    expect(updated.data?.customer_reference).toBe('order-1b');
    expect(updated.data?.phone_numbers?.[0]?.regulatory_requirements?.[0]?.field_value).toBe('v');
    const listed = await client.numberOrders.list({ filter: { customer_reference: 'order-1b' } });
    expect(listed.data.map((o) => o.id)).toEqual([id]);
    const missing = await errorOf(
      client.numberOrders.retrieve('00000000-0000-4000-8000-000000000000'),
    );
    expect(missing.status).toBe(404);
  });

  it('reads and changes voice settings, lists the views, deletes a number', async () => {
    await callApi(server, 'POST', '/switchboard/phone_numbers', { phone_number: '+13125550160' });
    const [number] = (await client.phoneNumbers.list({ filter: { phone_number: '3125550160' } }))
      .data;
    const id = number?.id ?? '';
    const voice = await client.phoneNumbers.voice.retrieve(id);
    expect(voice.data).toMatchObject({
      phone_number: '+13125550160',
      record_type: 'voice_settings',
      call_forwarding: { call_forwarding_enabled: true },
      usage_payment_method: 'pay-per-minute',
    });
    const changed = await client.phoneNumbers.voice.update(id, {
      call_forwarding: { forwarding_type: 'on-failure', forwards_to: '+13125550199' },
      call_recording: {
        inbound_call_recording_enabled: true,
        inbound_call_recording_format: 'mp3',
      },
      caller_id_name_enabled: true,
    });
    expect(changed.data?.call_forwarding).toEqual({
      call_forwarding_enabled: true,
      forwarding_type: 'on-failure',
      forwards_to: '+13125550199',
    });
    expect(changed.data?.call_recording?.inbound_call_recording_channels).toBe('single');
    const detailed = await client.phoneNumbers.retrieve(id);
    expect(detailed.data).toMatchObject({
      call_recording_enabled: true,
      caller_id_name_enabled: true,
    });
    const bad = await errorOf(
      client.phoneNumbers.voice.update(id, {
        usage_payment_method: 'free' as 'channel',
        call_forwarding: { forwards_to: '555' },
      }),
    );
    expect(bad).toMatchObject({
      status: 422,
      first: { code: '10032', source: { pointer: '/usage_payment_method' } },
    });

    const slim = await client.phoneNumbers.slimList({ filter: { phone_number: '3125550160' } });
    expect(slim.data[0]).toMatchObject({ id, call_recording_enabled: true });
    expect(slim.data[0]).not.toHaveProperty('tags');
    const voices = await client.phoneNumbers.voice.list({ filter: { phone_number: '3125550160' } });
    expect(voices.data[0]?.call_forwarding?.forwarding_type).toBe('on-failure');
    const messaging = await client.phoneNumbers.messaging.list();
    expect(messaging.data.some((n) => n.id === id)).toBe(true);

    const deleted = await client.phoneNumbers.delete(id);
    expect(deleted.data).toMatchObject({ id, status: 'deleted' });
    expect((await errorOf(client.phoneNumbers.retrieve(id))).status).toBe(404);
  });

  it('runs bulk jobs, verifies ownership and keeps voicemail settings', async () => {
    const numbers = ['+13125550161', '+13125550162', '+13125550163'];
    for (const phone_number of numbers) {
      await callApi(server, 'POST', '/switchboard/phone_numbers', { phone_number });
    }
    const ownership = await client.phoneNumbers.actions.verifyOwnership({
      phone_numbers: [numbers[0] ?? '', '+13125550999'],
    });
    expect(ownership.data?.found?.map((f) => f.number_val_e164)).toEqual([numbers[0]]);
    expect(ownership.data?.not_found).toEqual(['+13125550999']);

    const update = await client.phoneNumbers.jobs.updateBatch({
      phone_numbers: [numbers[0] ?? '', numbers[1] ?? '', '+13125550998'],
      customer_reference: 'bulk',
      voice: { call_forwarding: { forwarding_type: 'always', forwards_to: '+13125550199' } },
    });
    expect(update.data).toMatchObject({ type: 'update_phone_numbers', status: 'completed' });
    expect(update.data?.successful_operations).toHaveLength(2);
    expect(update.data?.failed_operations?.[0]?.phone_number).toBe('+13125550998');
    const [first] = (await client.phoneNumbers.list({ filter: { phone_number: '3125550161' } }))
      .data;
    expect(first?.customer_reference).toBe('bulk');
    const voice = await client.phoneNumbers.voice.retrieve(first?.id ?? '');
    expect(voice.data?.call_forwarding?.forwarding_type).toBe('always');
    const badVoice = await errorOf(
      client.phoneNumbers.jobs.updateBatch({
        phone_numbers: [numbers[0] ?? ''],
        voice: { usage_payment_method: 'free' as 'channel' },
      }),
    );
    expect(badVoice).toMatchObject({
      status: 422,
      first: { source: { pointer: '/voice/usage_payment_method' } },
    });

    const removal = await client.phoneNumbers.jobs.deleteBatch({
      phone_numbers: [numbers[2] ?? ''],
    });
    expect(removal.data?.successful_operations?.[0]?.phone_number).toBe(numbers[2]);
    expect(
      (await client.phoneNumbers.list({ filter: { phone_number: '3125550163' } })).data,
    ).toEqual([]);
    const jobs = await client.phoneNumbers.jobs.list({ filter: { type: 'delete_phone_numbers' } });
    expect(jobs.data.map((job) => job.id)).toEqual([removal.data?.id]);
    expect((await client.phoneNumbers.jobs.retrieve(update.data?.id ?? '')).data?.type).toBe(
      'update_phone_numbers',
    );

    const id = first?.id ?? '';
    expect((await errorOf(client.phoneNumbers.voicemail.retrieve(id))).status).toBe(404);
    const created = await client.phoneNumbers.voicemail.create(id, { enabled: true, pin: '1234' });
    expect(created.data).toEqual({ enabled: true, pin: '1234' });
    const changed = await client.phoneNumbers.voicemail.update(id, { enabled: false });
    expect(changed.data).toEqual({ enabled: false, pin: '1234' });
    expect((await client.phoneNumbers.voicemail.retrieve(id)).data).toEqual({
      enabled: false,
      pin: '1234',
    });
    const badPin = await errorOf(client.phoneNumbers.voicemail.update(id, { pin: 'abc' }));
    expect(badPin).toMatchObject({ status: 422, first: { source: { pointer: '/pin' } } });
  });

  it('exports the inventory as CSV', async () => {
    const created = await client.phoneNumbers.csvDownloads.create({ csv_format: 'V2' });
    const [download] = created.data ?? [];
    expect(download).toMatchObject({ record_type: 'csv_download', status: 'complete' });
    const file = await fetch(download?.url ?? '', {
      headers: { authorization: `Bearer ${server.apiKey ?? ''}` },
    });
    expect(file.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await file.text()).trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,phone_number,status,.*,usage_payment_method$/);
    const numbers = await client.phoneNumbers.list({ 'page[size]': 250 });
    expect(lines).toHaveLength(numbers.data.length + 1);
    const listed = await client.phoneNumbers.csvDownloads.list();
    expect(listed.data.map((d) => d.id)).toContain(download?.id);
    expect(
      (await client.phoneNumbers.csvDownloads.retrieve(download?.id ?? '')).data?.[0]?.url,
    ).toBe(download?.url);
    const bad = await errorOf(
      client.phoneNumbers.csvDownloads.create({ csv_format: 'V3' as 'V1' }),
    );
    expect(bad).toMatchObject({ status: 422, first: { code: '10032' } });
  });

  it('answers a fixed balance', async () => {
    const balance = await client.balance.retrieve();
    expect(balance.data).toEqual({
      record_type: 'balance',
      balance: '100.00',
      credit_limit: '0.00',
      available_credit: '100.00',
      pending: '0.00',
      currency: 'USD',
    });
  });
});
