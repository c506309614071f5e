import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/start-server.js';
import { testConfig } from '../server/support/test-config.js';
import { responseSchemas } from './support/response-schemas.js';

// The spec's response schemas, $refs inlined by scripts/extract-response-schemas.mjs.
const problems = responseSchemas('response-schemas.json');

let server: RunningServer;

beforeAll(async () => {
  server = await startServer(await testConfig());
});

afterAll(async () => {
  await server.close();
});

async function api(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${server.apiKey ?? ''}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as { data: Record<string, unknown> };
  expect(response.status, JSON.stringify(json)).toBeLessThan(300);
  return json.data;
}

describe('API replies match the OpenAPI response schemas', () => {
  it('call control applications, calls and command results', async () => {
    const app = await api('POST', '/v2/call_control_applications', {
      application_name: 'schemas',
      webhook_event_url: 'http://127.0.0.1:9/webhooks',
    });
    expect(problems('CallControlApplication', app)).toEqual([]);
    const call = await api('POST', '/v2/calls', {
      connection_id: app['id'],
      from: '+13125550000',
      to: '+13125551234',
    });
    expect(problems('CallWithRecordingId', call)).toEqual([]);
    const id = encodeURIComponent(String(call['call_control_id']));
    expect(problems('Call', await api('GET', `/v2/calls/${id}`))).toEqual([]);
    const result = await api('POST', `/v2/calls/${id}/actions/hangup`, {});
    expect(problems('CallControlCommandResult', result)).toEqual([]);
  });

  it('messaging profiles, phone numbers and messages', async () => {
    const profile = await api('POST', '/v2/messaging_profiles', {
      name: 'schemas',
      whitelisted_destinations: ['US'],
    });
    expect(problems('MessagingProfile', profile)).toEqual([]);
    const number = await api('POST', '/switchboard/phone_numbers', {
      phone_number: '+13125550077',
      messaging_profile_id: profile['id'],
    });
    const numberId = String(number['id']);
    expect(
      problems('PhoneNumberDetailed', await api('GET', `/v2/phone_numbers/${numberId}`)),
    ).toEqual([]);
    const messaging = await api('GET', `/v2/phone_numbers/${numberId}/messaging`);
    expect(problems('PhoneNumberWithMessagingSettings', messaging)).toEqual([]);
    const message = await api('POST', '/v2/messages', {
      from: '+13125550077',
      to: '+13125559999',
      text: 'schema check',
    });
    expect(problems('OutboundMessagePayload', message)).toEqual([]);
  });

  it('available numbers, number orders, voice settings, jobs, CSV downloads and the balance', async () => {
    const found = await fetch(
      `${server.url}/v2/available_phone_numbers?filter[national_destination_code]=206&filter[limit]=2`,
      { headers: { authorization: `Bearer ${server.apiKey ?? ''}` } },
    );
    const { data: available } = (await found.json()) as { data: Record<string, unknown>[] };
    for (const item of available) expect(problems('AvailablePhoneNumber', item)).toEqual([]);
    const order = await api('POST', '/v2/number_orders', {
      phone_numbers: available.map((item) => ({ phone_number: item['phone_number'] })),
    });
    expect(problems('NumberOrder', order)).toEqual([]);
    const number = await api('POST', '/switchboard/phone_numbers', {
      phone_number: '+13125550078',
    });
    const numberId = String(number['id']);
    const voice = await api('GET', `/v2/phone_numbers/${numberId}/voice`);
    expect(problems('PhoneNumberWithVoiceSettings', voice)).toEqual([]);
    const job = await api('POST', '/v2/phone_numbers/jobs/update_phone_numbers', {
      phone_numbers: [numberId, '+13125550979'],
      tags: ['schemas'],
    });
    expect(problems('PhoneNumbersJob', job)).toEqual([]);
    const downloads = (await api(
      'POST',
      '/v2/phone_numbers/csv_downloads',
    )) as unknown as unknown[];
    expect(problems('CsvDownload', downloads[0])).toEqual([]);
    expect(problems('UserBalance', await api('GET', '/v2/balance'))).toEqual([]);
  });

  it('media, profile extras and a cancelled message', async () => {
    const files = createServer((_request, response) => response.writeHead(200).end('RIFF'));
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    const port = (files.address() as AddressInfo).port;
    try {
      const media = await api('POST', '/v2/media', { media_url: `http://127.0.0.1:${port}/a.wav` });
      expect(problems('MediaResource', media)).toEqual([]);
    } finally {
      await new Promise((resolve) => files.close(resolve));
    }
    const profile = await api('POST', '/v2/messaging_profiles', {
      name: 'extras',
      whitelisted_destinations: ['US'],
      alpha_sender: 'Schemas',
    });
    const profileId = String(profile['id']);
    const code = await api('POST', '/switchboard/short_codes', {
      short_code: '13579',
      messaging_profile_id: profileId,
    });
    expect(problems('ShortCode', code)).toEqual([]);
    const senders = (await api(
      'GET',
      `/v2/messaging_profiles/${profileId}/alphanumeric_sender_ids`,
    )) as unknown as unknown[];
    expect(problems('AlphanumericSenderId', senders[0])).toEqual([]);
    const config = await api('POST', `/v2/messaging_profiles/${profileId}/autoresp_configs`, {
      op: 'stop',
      keywords: ['STOP'],
      country_code: 'US',
    });
    expect(problems('AutorespConfigSchema', config)).toEqual([]);
    await api('POST', '/switchboard/phone_numbers', {
      phone_number: '+13125550079',
      messaging_profile_id: profileId,
    });
    const scheduled = await api('POST', '/v2/messages/schedule', {
      from: '+13125550079',
      to: '+13125559999',
      text: 'later',
      send_at: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const cancelled = await fetch(`${server.url}/v2/messages/${String(scheduled['id'])}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${server.apiKey ?? ''}` },
    });
    expect(problems('OutboundMessagePayloadCancelled', await cancelled.json())).toEqual([]);
  });

  it('webhook deliveries', async () => {
    const published = await api('POST', '/switchboard/events', {
      event_type: 'call.initiated',
      payload: { call_control_id: 'v3:x' },
      webhook_url: 'http://127.0.0.1:9/webhooks',
    });
    const id = String(published['webhook_delivery_id']);
    expect(problems('webhook_delivery', await api('GET', `/v2/webhook_deliveries/${id}`))).toEqual(
      [],
    );
  });
});
