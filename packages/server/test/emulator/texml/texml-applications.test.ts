import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TexmlServer } from './support/texml-server.js';

let s: TexmlServer;
beforeAll(async () => {
  s = await TexmlServer.start();
});
afterAll(async () => {
  await s.close();
});

const BASE = '/v2/texml_applications';
const minimal = { friendly_name: 'ivr', voice_url: 'https://example.com/voice' };

describe('/v2/texml_applications', () => {
  it('creates with the spec defaults (201), reads, lists, updates and deletes', async () => {
    const created = await s.api('POST', BASE, minimal);
    expect(created.status).toBe(201);
    const app = created.json['data'] as Record<string, unknown>;
    expect(app['id']).toMatch(/^\d{19}$/);
    expect(app).toMatchObject({
      record_type: 'texml_application',
      friendly_name: 'ivr',
      voice_url: 'https://example.com/voice',
      voice_method: 'post',
      voice_fallback_url: null,
      status_callback: null,
      status_callback_method: 'post',
      active: true,
      anchorsite_override: 'Latency',
      dtmf_type: 'RFC 2833',
      first_command_timeout: false,
      first_command_timeout_secs: 30,
      call_cost_in_webhooks: false,
      inbound: { channel_limit: null, shaken_stir_enabled: false, sip_subdomain: null },
      outbound: { channel_limit: null, outbound_voice_profile_id: null },
      tags: [],
    });
    const id = String(app['id']);
    expect((await s.api('GET', `${BASE}/${id}`)).json['data']).toEqual(app);
    const patched = await s.api('PATCH', `${BASE}/${id}`, {
      voice_method: 'get',
      inbound: { channel_limit: 5 },
    });
    expect(patched.json['data']).toMatchObject({
      voice_method: 'get',
      inbound: { channel_limit: 5, sip_subdomain_receive_settings: 'from_anyone' },
    });
    await s.api('POST', BASE, { ...minimal, friendly_name: 'another' });
    const listed = await s.api('GET', `${BASE}?filter[friendly_name]=anoth&sort=-friendly_name`);
    expect((listed.json['data'] as unknown[]).length).toBe(1);
    expect(listed.json['meta']).toMatchObject({ total_results: 1, page_number: 1 });
    expect((await s.api('DELETE', `${BASE}/${id}`)).status).toBe(200);
    expect((await s.api('GET', `${BASE}/${id}`)).status).toBe(404);
  });

  it('answers 422 with pointers for every bad field at once', async () => {
    const reply = await s.api('POST', BASE, { voice_url: 'ftp://x', voice_method: 'PUT' });
    expect(reply.status).toBe(422);
    const pointers = (reply.json['errors'] as { source: { pointer: string } }[]).map(
      (error) => error.source.pointer,
    );
    expect(pointers).toEqual(['/friendly_name', '/voice_url', '/voice_method']);
    expect((await s.api('GET', `${BASE}?sort=name`)).status).toBe(422);
  });

  it('lets a phone number point at a TeXML application', async () => {
    const app = (await s.api('POST', BASE, minimal)).json['data'] as { id: string };
    const added = await s.api('POST', '/switchboard/phone_numbers', {
      phone_number: '+13125550199',
      connection_id: app.id,
    });
    expect(added.status).toBe(201);
    expect(added.json['data']).toMatchObject({ connection_id: app.id, connection_name: 'ivr' });
    const other = (await s.api('POST', BASE, { ...minimal, friendly_name: 'other' })).json[
      'data'
    ] as { id: string };
    const moved = await s.api('PATCH', '/v2/phone_numbers/%2B13125550199', {
      connection_id: other.id,
    });
    expect(moved.json['data']).toMatchObject({ connection_id: other.id });
    const unknown = await s.api('PATCH', '/v2/phone_numbers/%2B13125550199', {
      connection_id: '1234567890123456789',
    });
    expect(unknown.status).toBe(422);
  });
});
