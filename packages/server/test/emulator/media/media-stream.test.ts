import { mulaw } from 'alawmulaw';
import wavefile from 'wavefile';
import { describe, expect, it } from 'vitest';
import { rms } from '../../../src/emulator/media/call-pcm.js';
import { useMediaCalls } from './support/media-calls.js';
import { peakOf, powerAt, tone } from './support/spectrum.js';
import { eventually, StreamPeer } from './support/stream-peer.js';

const t = useMediaCalls();

async function streaming(id: string, extra: Record<string, unknown> = {}): Promise<void> {
  const reply = await t.f.action(id, 'streaming_start', { stream_url: t.peer.url, ...extra });
  expect(reply.status).toBe(200);
  await eventually(() => t.peer.ofEvent('start').length === 1);
}

const at = (id: string, type: string): number => {
  const emit = t.f.emits.find((e) => e.payload['call_control_id'] === id && e.eventType === type);
  if (emit === undefined) throw new Error(`no ${type}`);
  return emit.at;
};

/** Frames of 20 ms whose level is above a quiet room's. */
function loudFrames(samples: Int16Array): number {
  let loud = 0;
  for (let i = 0; i + 160 <= samples.length; i += 160)
    if (rms(samples.subarray(i, i + 160)) > 300) loud++;
  return loud;
}

describe('a media stream', () => {
  it('opens with connected and start, carrying the ids, parameters and auth token', async () => {
    const id = await t.answeredCall();
    await streaming(id, {
      stream_track: 'both_tracks',
      stream_auth_token: 'secret-token',
      custom_parameters: [{ name: 'customer_id', value: 'c-1' }],
    });
    expect(t.peer.frames[0]).toEqual({ event: 'connected', version: '1.0.0' });
    const start: Record<string, unknown> = t.peer.ofEvent('start')[0] ?? {};
    expect(start).toMatchObject({
      sequence_number: '1',
      start: {
        call_control_id: id,
        from: '+14155550000',
        to: '+13125551234',
        custom_parameters: { customer_id: 'c-1' },
        media_format: { encoding: 'PCMU', sample_rate: 8000, channels: 1 },
      },
    });
    expect(typeof start['stream_id']).toBe('string');
    expect(t.peer.headers[0]?.['x-telnyx-streaming-auth-token']).toBe('secret-token');
    expect(t.f.typesFor(id)).toContain('streaming.started');
  });

  it('carries a speak as speech on the outbound track, and the speech times call.speak.ended', async () => {
    const id = await t.answeredCall();
    await streaming(id, { stream_track: 'both_tracks' });
    const text = 'Thank you for calling. Please hold while we connect you to the next agent.';
    expect((await t.f.action(id, 'speak', { payload: text, voice: 'female' })).status).toBe(200);
    await eventually(() => t.f.typesFor(id).includes('call.speak.ended'), 20_000);
    const spokenMs = at(id, 'call.speak.ended') - at(id, 'call.speak.started');
    const outbound = t.peer.audio('outbound');
    const loudMs = loudFrames(outbound) * 20;
    expect(spokenMs).toBeGreaterThan(2000);
    expect(loudMs).toBeGreaterThan(1000);
    expect(loudMs).toBeLessThanOrEqual(spokenMs + 200);
    expect(loudMs).toBeGreaterThan(spokenMs * 0.5);
    expect(rms(outbound)).toBeGreaterThan(500);
    expect(rms(t.peer.audio('inbound'))).toBeLessThan(50);
    const chunks = t.peer
      .ofEvent('media')
      .map((frame) => frame['media'] as Record<string, unknown>);
    expect(chunks.every((media) => typeof media['chunk'] === 'string')).toBe(true);
    expect(t.errors).toEqual([]);
  });

  it('plays what the app sends back into the call, and the recording holds it (440 Hz)', async () => {
    const id = await t.answeredCall();
    expect(
      (await t.f.action(id, 'record_start', { format: 'wav', channels: 'single' })).status,
    ).toBe(200);
    await streaming(id, { stream_bidirectional_mode: 'rtp', stream_bidirectional_codec: 'PCMU' });
    const payload = Buffer.from(mulaw.encode(tone(440, 1000))).toString('base64');
    t.peer.send({ event: 'media', media: { payload } });
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect((await t.f.action(id, 'record_stop')).status).toBe(200);
    await eventually(() => t.f.typesFor(id).includes('call.recording.saved'));
    const urls = t.f.payloadOf(id, 'call.recording.saved')['recording_urls'] as { wav: string };
    const response = await t.f.app.inject({ method: 'GET', url: new URL(urls.wav).pathname });
    expect(response.headers['content-type']).toBe('audio/wav');
    const wav = new wavefile.WaveFile(response.rawPayload);
    const samples = wav.getSamples(false, Int16Array) as unknown as Int16Array;
    expect(samples.length).toBeGreaterThan(8000);
    expect(peakOf(samples, [300, 440, 600, 1000, 2000])).toBe(440);
    expect(powerAt(samples, 440)).toBeGreaterThan(100 * powerAt(samples, 1000));
  });

  it('stops queued audio on clear and returns the pending marks at once', async () => {
    const id = await t.answeredCall();
    await streaming(id, { stream_bidirectional_mode: 'rtp', stream_track: 'outbound_track' });
    t.peer.send({
      event: 'media',
      media: { payload: Buffer.from(mulaw.encode(tone(440, 3000))).toString('base64') },
    });
    t.peer.send({ event: 'mark', mark: { name: 'after-tone' } });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(t.peer.ofEvent('mark')).toEqual([]);
    t.peer.send({ event: 'clear' });
    await eventually(() => t.peer.ofEvent('mark').length === 1, 1000);
    expect(t.peer.ofEvent('mark')[0]).toMatchObject({ mark: { name: 'after-tone' } });
    const heardBeforeClear = loudFrames(t.peer.audio('outbound'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(loudFrames(t.peer.audio('outbound'))).toBeLessThanOrEqual(heardBeforeClear + 2);
    expect(heardBeforeClear).toBeLessThan(100);
  });

  it('echoes a mark at once when nothing is queued', async () => {
    const id = await t.answeredCall();
    await streaming(id);
    t.peer.send({ event: 'mark', mark: { name: 'idle' } });
    await eventually(() => t.peer.ofEvent('mark').length === 1, 1000);
  });

  it('sends the far end\u2019s keys as dtmf frames and as tones on the inbound track', async () => {
    const id = await t.answeredCall();
    await streaming(id);
    expect((await t.f.farEnd(id, 'dtmf', { digits: '1#' })).status).toBe(200);
    await eventually(() => t.peer.ofEvent('dtmf').length === 2);
    expect(t.peer.ofEvent('dtmf').map((frame) => frame['dtmf'])).toEqual([
      { digit: '1' },
      { digit: '#' },
    ]);
    await eventually(() => loudFrames(t.peer.audio('inbound')) >= 8);
  });

  it('answers malformed frames with an error frame and keeps streaming', async () => {
    const id = await t.answeredCall();
    await streaming(id, { stream_bidirectional_mode: 'rtp' });
    t.peer.send({ nonsense: true });
    t.peer.send({ event: 'media', media: { payload: '!!not base64!!' } });
    await eventually(() => t.peer.ofEvent('error').length === 2);
    expect(
      t.peer.ofEvent('error').map((frame) => (frame['payload'] as { code: number }).code),
    ).toEqual([100003, 100004]);
    const before = t.peer.ofEvent('media').length;
    await eventually(() => t.peer.ofEvent('media').length > before + 5);
  });

  it('sends stop when the call hangs up', async () => {
    const id = await t.answeredCall();
    await streaming(id);
    expect((await t.f.action(id, 'hangup')).status).toBe(200);
    await eventually(() => t.peer.ofEvent('stop').length === 1);
    expect(t.peer.ofEvent('stop')[0]).toMatchObject({ stop: { call_control_id: id } });
    expect(t.f.typesFor(id)).toContain('streaming.stopped');
  });

  it('reports streaming.failed when the app refuses the socket', async () => {
    const id = await t.answeredCall();
    const closed = t.peer.url;
    await t.peer.close();
    t.peer = await new StreamPeer().listen();
    expect((await t.f.action(id, 'streaming_start', { stream_url: closed })).status).toBe(200);
    await eventually(() => t.f.typesFor(id).includes('streaming.failed'));
    expect(t.f.payloadOf(id, 'streaming.failed')).toMatchObject({
      failure_reason: 'connection_failed',
      stream_type: 'websocket',
      stream_params: { stream_url: closed, track: 'inbound_track' },
    });
    expect(t.f.schemaProblems()).toEqual([]);
  });
});
