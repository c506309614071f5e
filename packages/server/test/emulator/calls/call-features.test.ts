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

async function answered(): Promise<string> {
  const id = await fx.dial('+13125559999');
  await fx.advance(100);
  return id;
}

describe('media', () => {
  it('sizes speak by word count and plays queued prompts one after another', async () => {
    const id = await answered();
    await fx.action(id, 'speak', {
      payload: 'one two three four five six seven eight nine ten',
      voice: 'v',
    });
    await fx.action(id, 'playback_start', {
      audio_url: 'https://cdn.example/hello.mp3?duration=2',
    });
    await fx.advance(990);
    expect(fx.typesFor(id).slice(2)).toEqual(['call.speak.started']);
    await fx.advance(10);
    expect(fx.typesFor(id).slice(2)).toEqual([
      'call.speak.started',
      'call.speak.ended',
      'call.playback.started',
    ]);
    await fx.advance(2000);
    expect(fx.payloadOf(id, 'call.playback.ended')).toMatchObject({
      status: 'completed',
      media_url: 'https://cdn.example/hello.mp3?duration=2',
    });
  });

  it('stops playback with status cancelled', async () => {
    const id = await answered();
    await fx.action(id, 'playback_start', { audio_url: 'https://cdn.example/a.wav' });
    await fx.action(id, 'playback_stop');
    expect(fx.payloadOf(id, 'call.playback.ended')).toMatchObject({ status: 'cancelled' });
    await fx.advance(1000);
    expect(fx.typesFor(id).filter((type) => type === 'call.playback.ended')).toHaveLength(1);
  });

  it('ends a playing prompt with call_hangup when the far end hangs up', async () => {
    const id = await answered();
    await fx.action(id, 'speak', { payload: 'a long message', voice: 'v' });
    await fx.farEnd(id, 'hangup');
    expect(fx.payloadOf(id, 'call.speak.ended')).toMatchObject({ status: 'call_hangup' });
    expect(fx.payloadOf(id, 'call.hangup')).toMatchObject({ hangup_source: 'callee' });
  });
});

describe('gather', () => {
  it('ends on the terminating digit: invalid when under minimum_digits', async () => {
    const id = await answered();
    await fx.action(id, 'gather', { minimum_digits: 3, terminating_digit: '#' });
    await fx.farEnd(id, 'dtmf', { digits: '1#' });
    expect(fx.payloadOf(id, 'call.gather.ended')).toMatchObject({ digits: '1', status: 'invalid' });
  });

  it('times out with no digits after initial_timeout_millis', async () => {
    const id = await answered();
    await fx.action(id, 'gather', { initial_timeout_millis: 1000 });
    await fx.advance(1000);
    expect(fx.payloadOf(id, 'call.gather.ended')).toMatchObject({ digits: '', status: 'timeout' });
  });

  it('is valid after the inter-digit timeout once minimum_digits are in', async () => {
    const id = await answered();
    await fx.action(id, 'gather', { minimum_digits: 2, inter_digit_timeout_millis: 500 });
    await fx.farEnd(id, 'dtmf', { digits: '42' });
    await fx.advance(500);
    expect(fx.payloadOf(id, 'call.gather.ended')).toMatchObject({ digits: '42', status: 'valid' });
  });

  it('reports cancelled on gather_stop and call_hangup on hangup', async () => {
    const a = await answered();
    await fx.action(a, 'gather');
    await fx.action(a, 'gather_stop');
    expect(fx.payloadOf(a, 'call.gather.ended')).toMatchObject({ status: 'cancelled' });
    const b = await answered();
    await fx.action(b, 'gather');
    await fx.action(b, 'hangup');
    expect(fx.payloadOf(b, 'call.gather.ended')).toMatchObject({ status: 'call_hangup' });
  });

  it('gather_using_audio replays its prompt after a timeout; a digit barges in and cancels it', async () => {
    const id = await answered();
    await fx.action(id, 'gather_using_audio', {
      audio_url: 'https://cdn.example/menu.mp3',
      maximum_digits: 1,
      initial_timeout_millis: 200,
    });
    await fx.advance(300 + 200);
    await fx.farEnd(id, 'dtmf', { digits: '5' });
    expect(fx.typesFor(id).slice(2)).toEqual([
      'call.playback.started',
      'call.playback.ended',
      'call.playback.started',
      'call.dtmf.received',
      'call.playback.ended',
      'call.gather.ended',
    ]);
    const ended = fx.emits
      .filter((e) => e.eventType === 'call.playback.ended')
      .map((e) => e.payload['status']);
    expect(ended).toEqual(['completed', 'cancelled']);
    expect(fx.payloadOf(id, 'call.gather.ended')).toMatchObject({ digits: '5', status: 'valid' });
  });

  it('gather_using_speak lets digits barge in over the prompt', async () => {
    const id = await answered();
    await fx.action(id, 'gather_using_speak', {
      payload: 'press one for sales',
      voice: 'v',
      maximum_digits: 1,
    });
    await fx.farEnd(id, 'dtmf', { digits: '1' });
    expect(fx.typesFor(id).slice(2)).toEqual(['call.dtmf.received', 'call.gather.ended']);
  });
});

describe('recording, fork, streaming, transcription, queues', () => {
  it('saves a recording on record_stop with URLs this server serves', async () => {
    const id = await answered();
    await fx.action(id, 'record_start');
    await fx.advance(2000);
    await fx.action(id, 'record_stop');
    const saved = fx.payloadOf(id, 'call.recording.saved');
    const urls = saved['recording_urls'] as { mp3: string; wav: null };
    expect(saved).toMatchObject({ channels: 'single', public_recording_urls: urls });
    expect(urls.wav).toBeNull();
    const path = new URL(urls.mp3).pathname;
    const file = await fx.app.inject({ method: 'GET', url: path });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('audio/mpeg');
    expect(file.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfb]));
  });

  it('serves silent WAV files and 404s for anything else', async () => {
    const wav = await fx.app.inject({
      method: 'GET',
      url: '/switchboard/recordings/0b0e5a2c-7d41-4c55-9d68-1f0c3c4f6a11.wav',
    });
    expect(wav.rawPayload.subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(
      (await fx.app.inject({ method: 'GET', url: '/switchboard/recordings/../../etc.wav' }))
        .statusCode,
    ).toBe(404);
  });

  it('records from answer on Dial and returns recording_id', async () => {
    const reply = await fx.post('/v2/calls', {
      connection_id: '1293384261075731499',
      from: '+13125550000',
      to: '+13125551111',
      record: 'record-from-answer',
    });
    const data = reply.json['data'] as Record<string, unknown>;
    expect(data['recording_id']).toMatch(/^[0-9a-f-]{36}$/);
    const id = String(data['call_control_id']);
    await fx.advance(100);
    await fx.farEnd(id, 'hangup');
    expect(fx.payloadOf(id, 'call.recording.saved')).toMatchObject({ channels: 'dual' });
  });

  it('sends fork and streaming start/stop events', async () => {
    const id = await answered();
    await fx.action(id, 'fork_start', { rx: 'udp:192.0.2.1:9000' });
    await fx.action(id, 'fork_stop');
    await fx.action(id, 'streaming_start', { stream_url: 'wss://media.example/stream' });
    await fx.action(id, 'streaming_stop');
    expect(fx.typesFor(id).slice(2)).toEqual([
      'call.fork.started',
      'call.fork.stopped',
      'streaming.started',
      'streaming.stopped',
    ]);
    expect(fx.payloadOf(id, 'streaming.stopped')).toMatchObject({
      stream_url: 'wss://media.example/stream',
    });
  });

  it('turns far-end speech into call.transcription only while transcription is on', async () => {
    const id = await answered();
    await fx.farEnd(id, 'speech', { text: 'unheard' });
    await fx.action(id, 'transcription_start');
    await fx.farEnd(id, 'speech', { text: 'I need help' });
    await fx.action(id, 'transcription_stop');
    await fx.farEnd(id, 'speech', { text: 'also unheard' });
    const transcripts = fx.emits.filter((e) => e.eventType === 'call.transcription');
    expect(transcripts).toHaveLength(1);
    expect(transcripts[0]?.payload['transcription_data']).toMatchObject({
      transcript: 'I need help',
      is_final: true,
    });
  });

  it('queues calls with positions, leaves on request and refuses a full queue (90036)', async () => {
    const a = await answered();
    const b = await answered();
    const c = await answered();
    await fx.action(a, 'enqueue', { queue_name: 'support', max_size: 2 });
    await fx.action(b, 'enqueue', { queue_name: 'support', max_size: 2 });
    expect(fx.payloadOf(b, 'call.enqueued')).toMatchObject({
      queue: 'support',
      current_position: 2,
    });
    expect(
      (await fx.action(c, 'enqueue', { queue_name: 'support', max_size: 2 })).json,
    ).toMatchObject({ errors: [{ code: '90036' }] });
    await fx.advance(3000);
    await fx.action(a, 'leave_queue');
    expect(fx.payloadOf(a, 'call.dequeued')).toMatchObject({
      reason: 'leave',
      queue_position: 1,
      wait_time_secs: 3,
    });
  });

  it('reports hold and unhold by the far end', async () => {
    const id = await answered();
    await fx.farEnd(id, 'hold');
    await fx.farEnd(id, 'unhold');
    expect(fx.typesFor(id).slice(2)).toEqual(['call.hold', 'call.unhold']);
  });
});
