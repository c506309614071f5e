import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CallFixture } from './support/call-fixture.js';

let fx: CallFixture;

beforeEach(async () => {
  fx = await new CallFixture().setUp();
});

afterEach(async () => {
  await fx.tearDown();
});

describe('an inbound IVR call', () => {
  it('is answered, greeted, gathers 3 digits, records and hangs up with valid events', async () => {
    const id = await fx.inbound();
    expect(fx.typesFor(id)).toEqual(['call.initiated']);
    expect(fx.payloadOf(id, 'call.initiated')).toMatchObject({
      direction: 'incoming',
      state: 'parked',
    });

    expect((await fx.action(id, 'answer', { client_state: 'aGVsbG8=' })).status).toBe(200);
    await fx.action(id, 'record_start', { format: 'wav', channels: 'dual' });
    await fx.action(id, 'speak', {
      payload: 'Welcome to the demo line',
      voice: 'female',
      language: 'en-US',
    });
    await fx.advance(1000);
    await fx.action(id, 'gather', { minimum_digits: 3, maximum_digits: 3 });
    await fx.farEnd(id, 'dtmf', { digits: '123' });
    await fx.advance(100);
    await fx.action(id, 'hangup');

    expect(fx.typesFor(id)).toEqual([
      'call.initiated',
      'call.answered',
      'call.speak.started',
      'call.speak.ended',
      'call.dtmf.received',
      'call.dtmf.received',
      'call.dtmf.received',
      'call.gather.ended',
      'call.recording.saved',
      'call.hangup',
    ]);
    expect(fx.payloadOf(id, 'call.gather.ended')).toMatchObject({ digits: '123', status: 'valid' });
    expect(fx.payloadOf(id, 'call.hangup')).toMatchObject({
      hangup_cause: 'normal_clearing',
      hangup_source: 'callee',
      client_state: 'aGVsbG8=',
    });
    const saved = fx.payloadOf(id, 'call.recording.saved');
    expect(saved).toMatchObject({ channels: 'dual', recording_urls: { mp3: null } });
    expect(fx.payloadOf(id, 'call.initiated')['client_state']).toBeUndefined();
    expect(fx.schemaProblems()).toEqual([]);
  });
});
