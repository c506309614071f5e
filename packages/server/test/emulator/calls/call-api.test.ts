import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_ID, CallFixture, T0 } from './support/call-fixture.js';
import { schemaErrors } from './support/event-schemas.js';

let fx: CallFixture;

beforeEach(async () => {
  fx = await new CallFixture().setUp();
});

afterEach(async () => {
  expect(fx.schemaProblems()).toEqual([]);
  await fx.tearDown();
});

/** The spec's `Call` schema: these members are required. */
const CALL_REQUIRED = [
  'call_control_id',
  'call_leg_id',
  'call_session_id',
  'is_alive',
  'record_type',
];

describe('call resources', () => {
  it('answers Dial with a Call whose is_alive is false and Telnyx-shaped ids', async () => {
    const reply = await fx.post('/v2/calls', {
      connection_id: APP_ID,
      from: '+13125550000',
      to: '+13125551234',
      client_state: 'YQ==',
    });
    expect(reply.status).toBe(200);
    const data = reply.json['data'] as Record<string, unknown>;
    for (const key of CALL_REQUIRED) expect(data).toHaveProperty(key);
    expect(data).toMatchObject({
      record_type: 'call',
      is_alive: false,
      client_state: 'YQ==',
      start_time: new Date(T0).toISOString(),
    });
    expect(data['call_control_id']).toMatch(/^v3:[A-Za-z0-9_-]{54}$/);
    expect(data['call_leg_id']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('reports is_alive, end_time and call_duration through GET /v2/calls/{id}', async () => {
    const id = await fx.dial('+13125551234');
    await fx.advance(100);
    const live = await fx.get(`/v2/calls/${encodeURIComponent(id)}`);
    expect(live.json['data']).toMatchObject({ call_control_id: id, is_alive: true });
    await fx.advance(5000);
    await fx.action(id, 'hangup');
    const ended = await fx.get(`/v2/calls/${id}`);
    expect(ended.json['data']).toMatchObject({
      is_alive: false,
      call_duration: 5,
      end_time: new Date(T0 + 5100).toISOString(),
    });
  });

  it('keeps calls per account', async () => {
    const id = await fx.dial('+13125551234');
    const other = await fx.app.inject({
      method: 'GET',
      url: `/v2/calls/${id}`,
      headers: { 'x-account': 'someone-else' },
    });
    expect(other.statusCode).toBe(422);
  });
});

describe('lenient input from real SDKs', () => {
  it('accepts action posts with no body, with and without a JSON content type', async () => {
    const id = await fx.inbound();
    const bare = await fx.app.inject({ method: 'POST', url: `/v2/calls/${id}/actions/answer` });
    expect(bare.statusCode).toBe(200);
    const empty = await fx.app.inject({
      method: 'POST',
      url: `/v2/calls/${id}/actions/hangup`,
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(empty.json()).toEqual({ data: { result: 'ok' } });
  });

  it('still rejects malformed JSON', async () => {
    const id = await fx.inbound();
    const bad = await fx.app.inject({
      method: 'POST',
      url: `/v2/calls/${id}/actions/answer`,
      headers: { 'content-type': 'application/json' },
      payload: '{',
    });
    expect(bad.statusCode).toBe(400);
  });

  it('takes client_state_update by PUT and POST, and numeric strings for integers', async () => {
    const id = await fx.inbound();
    await fx.action(id, 'answer');
    const put = await fx.app.inject({
      method: 'PUT',
      url: `/v2/calls/${encodeURIComponent(id)}/actions/client_state_update`,
      payload: { client_state: 'eA==' },
    });
    expect(put.statusCode).toBe(200);
    expect((await fx.action(id, 'client_state_update', {})).json).toMatchObject({
      errors: [{ code: '10004' }],
    });
    expect((await fx.action(id, 'gather', { maximum_digits: '2' })).status).toBe(200);
    await fx.farEnd(id, 'dtmf', { digits: '12' });
    expect(fx.payloadOf(id, 'call.gather.ended')).toMatchObject({
      digits: '12',
      client_state: 'eA==',
    });
  });
});

describe('restart', () => {
  it('restores live calls from the store and re-arms their timers', async () => {
    const id = await fx.dial('+13125550102', { timeout_secs: 10 });
    await fx.advance(1000);
    await fx.restart();
    await fx.advance(9000);
    expect(fx.typesFor(id)).toEqual(['call.initiated', 'call.hangup']);
    expect(fx.payloadOf(id, 'call.hangup')).toMatchObject({ hangup_cause: 'timeout' });
  });

  it('restores the in-progress gather so digits still complete it', async () => {
    const id = await fx.inbound();
    await fx.action(id, 'answer');
    await fx.action(id, 'gather', { maximum_digits: 2 });
    await fx.restart();
    await fx.farEnd(id, 'dtmf', { digits: '77' });
    expect(fx.payloadOf(id, 'call.gather.ended')).toMatchObject({ digits: '77', status: 'valid' });
  });
});

describe('far-end simulator', () => {
  it('refuses DTMF before answer (90034) and anything after the end (90018)', async () => {
    const id = await fx.inbound();
    expect((await fx.farEnd(id, 'dtmf', { digits: '1' })).json).toMatchObject({
      errors: [{ code: '90034' }],
    });
    await fx.farEnd(id, 'hangup');
    expect(fx.payloadOf(id, 'call.hangup')).toMatchObject({
      hangup_cause: 'originator_cancel',
      hangup_source: 'caller',
    });
    expect((await fx.farEnd(id, 'hangup')).json).toMatchObject({ errors: [{ code: '90018' }] });
  });

  it('requires digits for dtmf and knows only its own actions', async () => {
    const id = await fx.dial('+13125551234');
    await fx.advance(100);
    expect((await fx.farEnd(id, 'dtmf', {})).json).toMatchObject({
      errors: [{ code: '10004', source: { pointer: '/digits' } }],
    });
    expect((await fx.farEnd(id, 'explode')).status).toBe(404);
  });
});

describe('the schema check itself', () => {
  it('flags a payload outside the webhook schema', () => {
    const errors = schemaErrors(
      'call.hangup',
      { call_control_id: 'v3:x', hangup_cause: 'bored' },
      '0b0e5a2c-7d41-4c55-9d68-1f0c3c4f6a11',
      T0,
    );
    expect(errors.join()).toContain('hangup_cause');
    expect(schemaErrors('call.unknown', {}, 'x', T0)).toEqual(['no schema for call.unknown']);
  });
});
