import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CallFixture } from './support/call-fixture.js';

let fx: CallFixture;

beforeEach(async () => {
  fx = await new CallFixture().setUp();
});

afterEach(async () => {
  expect(fx.schemaProblems()).toEqual([]);
  await fx.tearDown();
});

async function answeredOutbound(to = '+13125559999'): Promise<string> {
  const id = await fx.dial(to);
  await fx.advance(100);
  return id;
}

describe('bridge and transfer', () => {
  it('bridges two calls with call.bridged on both legs, and a hangup ends both', async () => {
    const a = await answeredOutbound();
    const b = await answeredOutbound('+14155559999');
    expect((await fx.action(a, 'bridge', { call_control_id: b })).status).toBe(200);
    expect(fx.typesFor(a).at(-1)).toBe('call.bridged');
    expect(fx.typesFor(b).at(-1)).toBe('call.bridged');
    await fx.action(a, 'hangup');
    expect(fx.payloadOf(a, 'call.hangup')).toMatchObject({ hangup_source: 'caller' });
    expect(fx.payloadOf(b, 'call.hangup')).toMatchObject({ hangup_cause: 'normal_clearing' });
  });

  it('refuses to bridge to an unknown or unanswered call', async () => {
    const a = await answeredOutbound();
    const unknown = await fx.action(a, 'bridge', { call_control_id: 'v3:nope' });
    expect(unknown.status).toBe(422);
    expect(unknown.json).toMatchObject({ errors: [{ code: '90015' }] });
    const ringing = await fx.dial('+13125550102');
    expect((await fx.action(a, 'bridge', { call_control_id: ringing })).json).toMatchObject({
      errors: [{ code: '90034' }],
    });
  });

  it('transfers to a new leg in the same session, bridged on answer', async () => {
    const a = await fx.inbound();
    await fx.action(a, 'answer');
    await fx.action(a, 'transfer', { to: '+13125557777', target_leg_client_state: 'bGVnQg==' });
    await fx.advance(100);
    const legB = fx.emits.find(
      (e) => e.eventType === 'call.initiated' && e.payload['call_control_id'] !== a,
    );
    const b = String(legB?.payload['call_control_id']);
    expect(fx.typesFor(b)).toEqual(['call.initiated', 'call.answered', 'call.bridged']);
    expect(fx.typesFor(a).at(-1)).toBe('call.bridged');
    expect(fx.payloadOf(b, 'call.initiated')).toMatchObject({
      client_state: 'bGVnQg==',
      from: '+14155550000',
    });
    expect(fx.payloadOf(b, 'call.initiated')['call_session_id']).toBe(
      fx.payloadOf(a, 'call.initiated')['call_session_id'],
    );
  });
});

describe('common parameters', () => {
  it('ignores a repeated command_id within 60 s, then accepts it again', async () => {
    const id = await answeredOutbound();
    const speak = { payload: 'hi', voice: 'female', command_id: 'c-1' };
    await fx.action(id, 'speak', speak);
    const before = fx.emits.length;
    const repeat = await fx.action(id, 'speak', speak);
    expect(repeat).toEqual({ status: 200, json: { data: { result: 'ok' } } });
    expect(fx.emits.length).toBe(before);
    await fx.advance(60_000);
    await fx.action(id, 'speak', speak);
    expect(fx.emits.length).toBeGreaterThan(before);
  });

  it('returns the same call for a repeated Dial command_id and dials once', async () => {
    const first = await fx.dial('+13125559999', { command_id: 'dial-1' });
    const second = await fx.dial('+13125559999', { command_id: 'dial-1' });
    expect(second).toBe(first);
    expect(fx.emits.filter((e) => e.eventType === 'call.initiated')).toHaveLength(1);
  });

  it('echoes client_state in every later webhook', async () => {
    const id = await answeredOutbound();
    await fx.action(id, 'client_state_update', { client_state: 'c3RhdGU=' });
    await fx.action(id, 'hangup');
    expect(fx.payloadOf(id, 'call.hangup')['client_state']).toBe('c3RhdGU=');
    expect(fx.payloadOf(id, 'call.answered')['client_state']).toBeUndefined();
  });

  it('reroutes later webhooks with webhook_url, webhook_urls and retry policies', async () => {
    const id = await fx.inbound();
    await fx.action(id, 'answer', {
      webhook_url: 'https://app.example/calls',
      webhook_url_method: 'GET',
      webhook_urls: { 'call.hangup': 'https://app.example/hangups' },
      webhook_retries_policies: { 'call.hangup': { retries_ms: [1000, 2000] } },
    });
    await fx.action(id, 'hangup');
    const answered = fx.emits.find((e) => e.eventType === 'call.answered');
    const hangup = fx.emits.find((e) => e.eventType === 'call.hangup');
    expect(answered).toMatchObject({
      webhookUrl: 'https://app.example/calls',
      method: 'GET',
      connectionId: '1293384261075731499',
    });
    expect(hangup).toMatchObject({
      webhookUrl: 'https://app.example/hangups',
      method: 'POST',
      retrySchedule: [1000, 2000],
    });
  });

  it('rejects retry policies over 5 entries or 60 s, and non-base64 client_state', async () => {
    const id = await answeredOutbound();
    const many = await fx.action(id, 'speak', {
      payload: 'x',
      voice: 'v',
      webhook_retries_policies: { 'call.hangup': { retries_ms: [1, 1, 1, 1, 1, 1] } },
    });
    expect(many.json).toMatchObject({
      errors: [
        { code: '10015', source: { pointer: '/webhook_retries_policies/call.hangup/retries_ms' } },
      ],
    });
    const long = await fx.action(id, 'speak', {
      payload: 'x',
      voice: 'v',
      webhook_retries_policies: { 'call.hangup': { retries_ms: [30_000, 30_001] } },
    });
    expect(long.status).toBe(422);
    const state = await fx.action(id, 'speak', {
      payload: 'x',
      voice: 'v',
      client_state: 'not base64!',
    });
    expect(state.json).toMatchObject({
      errors: [{ code: '10015', source: { pointer: '/client_state' } }],
    });
  });
});

describe('call state errors', () => {
  it('answers a command on an ended call with 90018', async () => {
    const id = await answeredOutbound();
    await fx.action(id, 'hangup');
    const reply = await fx.action(id, 'speak', { payload: 'too late', voice: 'female' });
    expect(reply.status).toBe(422);
    expect(reply.json).toEqual({
      errors: [
        {
          code: '90018',
          title: 'Call has already ended',
          detail: "This call is no longer active and can't receive commands.",
          meta: { url: 'https://developers.telnyx.com/docs/overview/errors/90018' },
        },
      ],
    });
  });

  it('needs an answered call for media (90034) and a fork to stop (90031)', async () => {
    const id = await fx.inbound();
    expect((await fx.action(id, 'speak', { payload: 'x', voice: 'v' })).json).toMatchObject({
      errors: [{ code: '90034' }],
    });
    await fx.action(id, 'answer');
    expect((await fx.action(id, 'fork_stop')).json).toMatchObject({ errors: [{ code: '90031' }] });
  });

  it('refuses a second transcription (90054) and a second enqueue (90038)', async () => {
    const id = await answeredOutbound();
    await fx.action(id, 'transcription_start');
    expect((await fx.action(id, 'transcription_start')).json).toMatchObject({
      errors: [{ code: '90054' }],
    });
    await fx.action(id, 'enqueue', { queue_name: 'support' });
    expect((await fx.action(id, 'enqueue', { queue_name: 'support' })).json).toMatchObject({
      errors: [{ code: '90038' }],
    });
  });

  it('answers an unknown call id with 422 90015', async () => {
    const reply = await fx.action('v3:unknown', 'hangup');
    expect(reply.status).toBe(422);
    expect(reply.json).toMatchObject({
      errors: [{ code: '90015', source: { pointer: '/call_control_id' } }],
    });
    expect((await fx.get('/v2/calls/v3%3Aunknown')).json).toMatchObject({
      errors: [{ code: '90015' }],
    });
  });

  it('answers an unknown action with 404', async () => {
    const id = await answeredOutbound();
    expect((await fx.action(id, 'teleport')).status).toBe(404);
  });
});

describe('Dial validation', () => {
  it('requires to and from (10004) in E.164 (10016) and a connection with a webhook URL (10015)', async () => {
    const missing = await fx.post('/v2/calls', {
      connection_id: '1293384261075731499',
      from: '+13125550000',
    });
    expect(missing.json).toMatchObject({ errors: [{ code: '10004', source: { pointer: '/to' } }] });
    const notE164 = await fx.post('/v2/calls', {
      connection_id: '1293384261075731499',
      from: '+13125550000',
      to: '3125551234',
    });
    expect(notE164.json).toMatchObject({ errors: [{ code: '10016', source: { pointer: '/to' } }] });
    for (const connection of ['404', 'no-url']) {
      const bad = await fx.post('/v2/calls', {
        connection_id: connection,
        from: '+13125550000',
        to: '+13125551234',
      });
      expect(bad.status).toBe(422);
      expect(bad.json).toMatchObject({
        errors: [{ code: '10015', source: { pointer: '/connection_id' } }],
      });
    }
  });

  it('checks timeout_secs against 5..600', async () => {
    const reply = await fx.post('/v2/calls', {
      connection_id: '1293384261075731499',
      from: '+13125550000',
      to: '+13125551234',
      timeout_secs: 2,
    });
    expect(reply.json).toMatchObject({
      errors: [{ code: '10033', source: { pointer: '/timeout_secs' } }],
    });
  });
});
