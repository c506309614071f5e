import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Mp3Encoder } from '@breezystack/lamejs';
import { MPEGDecoder } from 'mpg123-decoder';
import wavefile from 'wavefile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rms } from '../../../src/emulator/media/call-pcm.js';
import { saveMedia } from '../../../src/emulator/media/media-store.js';
import { ACCOUNT } from '../calls/support/call-fixture.js';
import { useMediaCalls } from './support/media-calls.js';
import { peakOf, powerAt, tone } from './support/spectrum.js';
import { eventually } from './support/stream-peer.js';

const t = useMediaCalls();
let files: Server;

/** A loopback file server for `audio_url`: a two-second 600 Hz WAV at 16 kHz. */
function toneWav(): Buffer {
  const file = new wavefile.WaveFile();
  const samples = new Int16Array(32_000);
  for (let i = 0; i < samples.length; i++)
    samples[i] = Math.round(10_000 * Math.sin((2 * Math.PI * 600 * i) / 16_000));
  file.fromScratch(1, 16_000, '16', samples);
  return Buffer.from(file.toBuffer());
}

beforeAll(async () => {
  const wav = toneWav();
  files = createServer((request, response) => {
    if (request.url === '/tone.wav')
      response.writeHead(200, { 'content-type': 'audio/wav' }).end(wav);
    else response.writeHead(200, { 'content-type': 'audio/mpeg' }).end('not audio at all');
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => files.close(resolve));
});

const fileUrl = (path: string): string =>
  `http://127.0.0.1:${(files.address() as AddressInfo).port}${path}`;

async function savedRecording(id: string, format: 'wav' | 'mp3'): Promise<Buffer> {
  await eventually(() => t.f.typesFor(id).includes('call.recording.saved'));
  const urls = t.f.payloadOf(id, 'call.recording.saved')['recording_urls'] as Record<
    string,
    string
  >;
  const response = await t.f.app.inject({
    method: 'GET',
    url: new URL(urls[format] ?? '').pathname,
  });
  expect(response.statusCode).toBe(200);
  return response.rawPayload;
}

function wavChannels(bytes: Buffer): Int16Array[] {
  const file = new wavefile.WaveFile(bytes);
  const samples = file.getSamples(false, Int16Array) as unknown;
  return Array.isArray(samples) ? (samples as Int16Array[]) : [samples as Int16Array];
}

describe('recordings', () => {
  it('hold a speak, without any stream, for as long as it was spoken', async () => {
    const id = await t.answeredCall();
    await t.f.action(id, 'record_start', { format: 'wav', channels: 'single' });
    await t.f.action(id, 'speak', { payload: 'Your call may be recorded.', voice: 'male' });
    await eventually(() => t.f.typesFor(id).includes('call.speak.ended'), 20_000);
    await t.f.action(id, 'record_stop');
    const [samples = new Int16Array(0)] = wavChannels(await savedRecording(id, 'wav'));
    const payload = t.f.payloadOf(id, 'call.recording.saved');
    const recordedMs =
      Date.parse(String(payload['recording_ended_at'])) -
      Date.parse(String(payload['recording_started_at']));
    expect(Math.abs(samples.length / 8 - recordedMs)).toBeLessThan(250);
    expect(rms(samples)).toBeGreaterThan(300);
  });

  it('keep the two sides apart in dual-channel MP3', async () => {
    const id = await t.answeredCall();
    await t.f.action(id, 'record_start', { format: 'mp3', channels: 'dual' });
    await t.f.action(id, 'streaming_start', {
      stream_url: t.peer.url,
      stream_bidirectional_mode: 'rtp',
    });
    await eventually(() => t.peer.ofEvent('start').length === 1);
    const { mulaw } = await import('alawmulaw');
    t.peer.send({
      event: 'media',
      media: { payload: Buffer.from(mulaw.encode(tone(440, 800))).toString('base64') },
    });
    await t.f.farEnd(id, 'dtmf', { digits: '5' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await t.f.action(id, 'record_stop');
    const mp3 = await savedRecording(id, 'mp3');
    const decoder = new MPEGDecoder();
    await decoder.ready;
    const decoded = decoder.decode(mp3);
    decoder.free();
    expect(decoded.channelData).toHaveLength(2);
    const [caller, played] = decoded.channelData.map((channel) =>
      Int16Array.from(channel, (value) => Math.round(value * 32_767)),
    );
    // The far end's key (770 + 1336 Hz) is on the caller's channel; the app's 440 Hz on the other.
    expect(peakOf(played ?? new Int16Array(0), [440, 770, 1336])).toBe(440);
    expect(powerAt(caller ?? new Int16Array(0), 1336)).toBeGreaterThan(
      10 * powerAt(caller ?? new Int16Array(0), 440),
    );
  });
});

describe('playback', () => {
  it('plays a WAV from audio_url into the call, resampled to the call', async () => {
    const id = await t.answeredCall();
    await t.f.action(id, 'streaming_start', {
      stream_url: t.peer.url,
      stream_track: 'outbound_track',
    });
    await eventually(() => t.peer.ofEvent('start').length === 1);
    await t.f.action(id, 'playback_start', { audio_url: fileUrl('/tone.wav') });
    await eventually(() => t.f.typesFor(id).includes('call.playback.ended'), 10_000);
    const ended = t.f.emits.find((emit) => emit.eventType === 'call.playback.ended');
    const started = t.f.emits.find((emit) => emit.eventType === 'call.playback.started');
    // The file's own length (2 s) times the playback, not the 3 s default.
    expect(Math.abs((ended?.at ?? 0) - (started?.at ?? 0) - 2000)).toBeLessThan(300);
    expect(ended?.payload['status']).toBe('completed');
    const outbound = t.peer.audio('outbound');
    expect(peakOf(outbound, [440, 600, 1000])).toBe(600);
    expect(t.errors).toEqual([]);
  });

  it('plays a file stored through /v2/media by its media_name', async () => {
    const id = await t.answeredCall();
    const now = Date.now();
    await saveMedia(t.f.store, ACCOUNT, {
      mediaName: 'hold.wav',
      contentType: 'audio/wav',
      bytes: toneWav(),
      createdAt: now,
      updatedAt: now,
      expiresAt: now + 60_000,
    });
    await t.f.action(id, 'streaming_start', {
      stream_url: t.peer.url,
      stream_track: 'outbound_track',
    });
    await eventually(() => t.peer.ofEvent('start').length === 1);
    expect((await t.f.action(id, 'playback_start', { media_name: 'hold.wav' })).status).toBe(200);
    await eventually(() => t.f.typesFor(id).includes('call.playback.ended'), 10_000);
    expect(t.f.payloadOf(id, 'call.playback.ended')).toMatchObject({
      media_name: 'hold.wav',
      status: 'completed',
    });
    expect(peakOf(t.peer.audio('outbound'), [440, 600, 1000])).toBe(600);
  });

  it('ends a playback whose audio_url is not audio as failed, saying why, and the call goes on', async () => {
    const id = await t.answeredCall();
    await t.f.action(id, 'streaming_start', { stream_url: t.peer.url });
    expect(
      (await t.f.action(id, 'playback_start', { audio_url: fileUrl('/broken.mp3') })).status,
    ).toBe(200);
    await eventually(() => t.f.typesFor(id).includes('call.playback.ended'), 10_000);
    expect(t.f.payloadOf(id, 'call.playback.ended')).toMatchObject({
      status: 'failed',
      status_detail: expect.stringMatching(/WAV or MP3/) as unknown,
    });
    const missing = fileUrl('/tone.wav').replace(/:\d+\//, ':1/');
    await t.f.action(id, 'playback_start', { audio_url: missing });
    await eventually(
      () => t.f.emits.filter((e) => e.eventType === 'call.playback.ended').length === 2,
    );
    expect(t.f.emits.at(-1)?.payload['status']).toBe('file_not_found');
    expect(t.f.schemaProblems()).toEqual([]);
    expect((await t.f.action(id, 'speak', { payload: 'still here', voice: 'male' })).status).toBe(
      200,
    );
  });
});

describe('stream options', () => {
  it('opens the stream of dial\u2019s stream_url when the far end answers, in L16 at 16 kHz', async () => {
    const id = await t.f.dial('+13125550199', { stream_url: t.peer.url, stream_codec: 'L16' });
    await eventually(() => t.peer.ofEvent('start').length === 1, 5000);
    expect(t.peer.ofEvent('start')[0]).toMatchObject({
      start: { call_control_id: id, media_format: { encoding: 'L16', sample_rate: 16_000 } },
    });
    await eventually(() => t.peer.ofEvent('media').length >= 3);
    const media = t.peer.ofEvent('media')[0]?.['media'] as { payload: string };
    expect(Buffer.from(media.payload, 'base64')).toHaveLength(640);
  });

  it('plays an MP3 the app sends in the default mp3 mode', async () => {
    const id = await t.answeredCall();
    await t.f.action(id, 'streaming_start', {
      stream_url: t.peer.url,
      stream_track: 'outbound_track',
    });
    await eventually(() => t.peer.ofEvent('start').length === 1);
    const encoder = new Mp3Encoder(1, 8000, 32);
    const mp3 = Buffer.concat(
      [encoder.encodeBuffer(tone(1000, 1000)), encoder.flush()].map(
        (part) => new Uint8Array(part.buffer, part.byteOffset, part.byteLength),
      ),
    );
    t.peer.send({ event: 'media', media: { payload: mp3.toString('base64') } });
    await eventually(
      () =>
        peakOf(t.peer.audio('outbound'), [440, 1000]) === 1000 &&
        rms(t.peer.audio('outbound')) > 500,
      5000,
    );
  });
});
