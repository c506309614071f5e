import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/start-server.js';
import { testConfig } from '../server/support/test-config.js';

// The spec's response schemas, $refs inlined by scripts/extract-response-schemas.mjs.
const SCHEMAS = JSON.parse(
  readFileSync(new URL('../fixtures/response-schemas.json', import.meta.url), 'utf8'),
) as Record<string, object>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
// The spec's own default for failover URLs is "", which its `url` format would refuse.
ajv.addFormat('url', (value: string) => value === '' || URL.canParse(value));

/**
 * The spec types unset optional fields as non-nullable, yet Telnyx answers `null` for them (as we
 * do; see docs/decisions.md). Optional properties therefore also accept null; required ones and
 * every present value are still checked as the spec says.
 */
function nullableOptionals(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(nullableOptionals);
  if (schema === null || typeof schema !== 'object') return schema;
  const node = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, nullableOptionals(value)]),
  ) as Record<string, unknown>;
  const properties = node['properties'] as Record<string, unknown> | undefined;
  if (properties === undefined) return node;
  const required = new Set((node['required'] as string[] | undefined) ?? []);
  for (const [name, property] of Object.entries(properties)) {
    if (!required.has(name)) properties[name] = { anyOf: [property, { type: 'null' }] };
  }
  return node;
}

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

function problems(schema: string, value: unknown): string[] {
  const validate = ajv.compile(nullableOptionals(SCHEMAS[schema] ?? {}) as object);
  return validate(value)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
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
