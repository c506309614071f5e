import { describe, expect, it } from 'vitest';
import type { CallFixture } from './support/call-fixture.js';
import { useCallFixture } from './support/call-fixture.js';

let fx: CallFixture;
useCallFixture((fixture) => {
  fx = fixture;
});

const GATHER_PARAMETERS = {
  type: 'object',
  properties: { age: { type: 'integer' }, city: { type: 'string' } },
  required: ['age', 'city'],
};

describe('refer', () => {
  it('started, completed, then the far end leaves the call', async () => {
    const id = await fx.answered();
    await fx.action(id, 'refer', { sip_address: 'sip:agent@example.com' });
    await fx.advance(100);
    expect(fx.typesFor(id).slice(-3)).toEqual([
      'call.refer.started',
      'call.refer.completed',
      'call.hangup',
    ]);
    expect(fx.payloadOf(id, 'call.refer.completed')).toMatchObject({ sip_notify_response: 200 });
  });

  it('fails for a busy target and the call stays up', async () => {
    const id = await fx.answered();
    await fx.action(id, 'refer', { sip_address: 'sip:+13125550101@example.com' });
    await fx.advance(50);
    expect(fx.payloadOf(id, 'call.refer.failed')).toMatchObject({ sip_notify_response: 486 });
    expect(fx.typesFor(id)).not.toContain('call.hangup');
  });

  it('needs sip_address (10004) and an answered call (90034)', async () => {
    const id = await fx.answered();
    expect((await fx.action(id, 'refer')).json).toMatchObject({ errors: [{ code: '10004' }] });
    const parked = await fx.inbound();
    const early = await fx.action(parked, 'refer', { sip_address: 'sip:a@b.c' });
    expect(early.json).toMatchObject({ errors: [{ code: '90034' }] });
  });
});

describe('gather_using_ai', () => {
  it('fills the asked-for fields from the far end speech', async () => {
    const id = await fx.answered();
    const reply = await fx.action(id, 'gather_using_ai', {
      parameters: GATHER_PARAMETERS,
      greeting: 'How old are you and where do you live?',
    });
    const conversationId = (reply.json['data'] as Record<string, unknown>)['conversation_id'];
    expect(conversationId).toEqual(expect.any(String));
    await fx.farEnd(id, 'speech', { text: 'age is 29' });
    await fx.farEnd(id, 'speech', { text: 'and my city: Paris.' });
    expect(fx.payloadOf(id, 'call.ai_gather.ended')).toMatchObject({
      status: 'valid',
      result: { age: 29, city: 'Paris' },
      message_history: [
        { role: 'assistant', content: 'How old are you and where do you live?' },
        { role: 'user', content: 'age is 29' },
        { role: 'user', content: 'and my city: Paris.' },
      ],
    });
    expect(fx.payloadOf(id, 'call.conversation.ended')).toMatchObject({
      conversation_id: conversationId,
      calling_party_type: 'pstn',
    });
  });

  it('ends invalid when the far end stops answering; a second AI command is 90061', async () => {
    const id = await fx.answered();
    await fx.action(id, 'gather_using_ai', {
      parameters: GATHER_PARAMETERS,
      user_response_timeout_ms: 1000,
    });
    const twice = await fx.action(id, 'ai_assistant_start', { assistant: { id: 'a-1' } });
    expect(twice.json).toMatchObject({ errors: [{ code: '90061' }] });
    await fx.farEnd(id, 'speech', { text: 'age: 40' });
    await fx.advance(1000);
    expect(fx.payloadOf(id, 'call.ai_gather.ended')).toMatchObject({
      status: 'invalid',
      result: { age: 40 },
    });
  });

  it('requires parameters (10004)', async () => {
    const id = await fx.answered();
    const reply = await fx.action(id, 'gather_using_ai', {});
    expect(reply.json).toMatchObject({
      errors: [{ code: '10004', source: { pointer: '/parameters' } }],
    });
  });
});

describe('AI assistant and conversation relay', () => {
  it('starts, joins another leg, adds messages and stops with call.conversation.ended', async () => {
    const id = await fx.answered();
    const other = await fx.answered();
    const started = await fx.action(id, 'ai_assistant_start', { assistant: { id: 'assistant-1' } });
    const conversationId = String(
      (started.json['data'] as Record<string, unknown>)['conversation_id'],
    );
    const joined = await fx.action(other, 'ai_assistant_join', {
      conversation_id: conversationId,
      participant: { id: other, role: 'user' },
    });
    expect(joined.json).toEqual({ data: { result: 'ok', conversation_id: conversationId } });
    const unknown = await fx.action(other, 'ai_assistant_join', {
      conversation_id: 'nope',
      participant: { id: other, role: 'user' },
    });
    expect(unknown.status).toBe(422);
    await fx.action(id, 'ai_assistant_add_messages', {
      messages: [{ role: 'user', content: 'hi' }],
    });
    await fx.action(id, 'ai_assistant_stop');
    expect(fx.payloadOf(id, 'call.conversation.ended')).toMatchObject({
      assistant_id: 'assistant-1',
      conversation_id: conversationId,
      reason: 'stopped',
    });
    const late = await fx.action(id, 'ai_assistant_add_messages', { messages: [] });
    expect(late.status).toBe(422);
  });

  it('relay: start answers conversation_relay_id; hangup ends it', async () => {
    const id = await fx.answered();
    const bad = await fx.action(id, 'conversation_relay_start', {
      conversation_relay_settings: { url: 'https://not-a-socket' },
    });
    expect(bad.json).toMatchObject({ errors: [{ code: '10015' }] });
    const started = await fx.action(id, 'conversation_relay_start', {
      conversation_relay_settings: { url: 'wss://app.example/relay' },
    });
    expect(started.json['data']).toMatchObject({ conversation_relay_id: expect.any(String) });
    await fx.action(id, 'hangup');
    expect(fx.payloadOf(id, 'call.conversation.ended')).toMatchObject({ reason: 'call_hangup' });
  });
});

describe('siprec, suppression, supervisor role, SIP INFO', () => {
  it('siprec starts and stops (also at hangup); the scripted connector fails', async () => {
    const id = await fx.answered();
    await fx.action(id, 'siprec_start', { connector_name: 'recorder' });
    await fx.action(id, 'siprec_stop');
    await fx.action(id, 'siprec_start');
    await fx.action(id, 'hangup');
    const siprec = fx.typesFor(id).filter((type) => type.startsWith('siprec.'));
    expect(siprec).toEqual([
      'siprec.started',
      'siprec.stopped',
      'siprec.started',
      'siprec.stopped',
    ]);
    const other = await fx.answered();
    await fx.action(other, 'siprec_start', { connector_name: 'switchboard-unreachable' });
    expect(fx.payloadOf(other, 'siprec.failed')).toMatchObject({
      failure_cause: 'connection_failed',
    });
  });

  it('validates suppression, supervisor role and SIP INFO bodies', async () => {
    const id = await fx.answered();
    expect((await fx.action(id, 'suppression_start', { direction: 'both' })).status).toBe(200);
    expect((await fx.action(id, 'suppression_stop')).status).toBe(200);
    const badDirection = await fx.action(id, 'suppression_start', { direction: 'sideways' });
    expect(badDirection.json).toMatchObject({ errors: [{ code: '10032' }] });
    expect((await fx.action(id, 'switch_supervisor_role', { role: 'whisper' })).status).toBe(200);
    expect((await fx.action(id, 'switch_supervisor_role', {})).json).toMatchObject({
      errors: [{ code: '10004' }],
    });
    const info = await fx.action(id, 'send_sip_info', {
      content_type: 'application/json',
      body: '{}',
    });
    expect(info.status).toBe(200);
    expect((await fx.action(id, 'send_sip_info', {})).json['errors']).toHaveLength(2);
  });
});

describe('playback loop', () => {
  it('plays loop times; "infinity" runs until playback_stop; other values are 422', async () => {
    const id = await fx.answered();
    await fx.action(id, 'playback_start', { audio_url: 'https://cdn.example/a.mp3', loop: 3 });
    await fx.advance(899);
    expect(fx.typesFor(id)).not.toContain('call.playback.ended');
    await fx.advance(1);
    expect(fx.typesFor(id)).toContain('call.playback.ended');
    await fx.action(id, 'playback_start', {
      audio_url: 'https://cdn.example/a.mp3',
      loop: 'infinity',
    });
    await fx.advance(600_000);
    expect(fx.typesFor(id).filter((t) => t === 'call.playback.ended')).toHaveLength(1);
    await fx.action(id, 'playback_stop');
    expect(fx.typesFor(id).filter((t) => t === 'call.playback.ended')).toHaveLength(2);
    for (const loop of [0, 101, 'forever', 2.5]) {
      const reply = await fx.action(id, 'playback_start', {
        audio_url: 'https://cdn.example/a.mp3',
        loop,
      });
      expect(reply.status).toBe(422);
      expect(reply.json).toMatchObject({ errors: [{ source: { pointer: '/loop' } }] });
    }
  });
});

describe('answer and gather in the wrong state', () => {
  it('answering an answered (or outgoing) call is 422 90018 and changes nothing', async () => {
    const inbound = await fx.inbound();
    expect((await fx.action(inbound, 'answer')).status).toBe(200);
    const again = await fx.action(inbound, 'answer', { record: 'record-from-answer' });
    expect(again.status).toBe(422);
    expect(again.json).toMatchObject({ errors: [{ code: '90018' }] });
    expect(fx.typesFor(inbound).filter((t) => t === 'call.answered')).toHaveLength(1);
    const outgoing = await fx.dial('+13125550102');
    expect((await fx.action(outgoing, 'answer')).json).toMatchObject({
      errors: [{ code: '90018' }],
    });
  });

  it('a second gather while one runs ends the first with cancelled', async () => {
    const id = await fx.answered();
    await fx.action(id, 'gather_using_speak', { payload: 'one', voice: 'female' });
    await fx.action(id, 'gather_using_speak', { payload: 'two', voice: 'female' });
    expect(fx.payloadOf(id, 'call.gather.ended')).toMatchObject({ status: 'cancelled' });
  });
});
