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
