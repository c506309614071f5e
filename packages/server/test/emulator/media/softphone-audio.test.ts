import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { rms } from '../../../src/emulator/media/call-pcm.js';
import { MediaPlane } from '../../../src/emulator/media/media-plane.js';
import { CallFixture, TEST_TIMINGS } from '../calls/support/call-fixture.js';
import { peakOf, tone } from './support/spectrum.js';
import { eventually, StreamPeer } from './support/stream-peer.js';

const plane = new MediaPlane();
let f: CallFixture;
let peer: StreamPeer;

beforeEach(async () => {
  f = await new CallFixture().setUp(TEST_TIMINGS, { media: plane });
  peer = await new StreamPeer().listen();
});
afterEach(async () => {
  await peer.close();
  await f.tearDown();
});
afterAll(async () => {
  await plane.close();
});

async function ticketFor(id: string): Promise<string> {
  const reply = await f.post(`/switchboard/calls/${encodeURIComponent(id)}/audio_ticket`);
  expect(reply.status).toBe(200);
  return (reply.json['data'] as { url: string }).url;
}

/** A softphone: a WebSocket to the call's audio that keeps what it hears. */
async function softphone(path: string): Promise<{ socket: WebSocket; heard: Int16Array[] }> {
  const port = (f.app.server.address() as AddressInfo).port;
  const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`);
  const heard: Int16Array[] = [];
  socket.on('message', (data: Buffer) => {
    heard.push(new Int16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.length)));
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return { socket, heard };
}

const joined = (chunks: readonly Int16Array[]): Int16Array =>
  Int16Array.from(chunks.flatMap((chunk) => Array.from(chunk)));

describe('the softphone audio socket', () => {
  it('carries the softphone\u2019s voice into the call, where the app\u2019s stream hears it', async () => {
    const id = await f.inbound();
    await f.action(id, 'answer');
    await f.action(id, 'streaming_start', { stream_url: peer.url, stream_track: 'inbound_track' });
    await eventually(() => peer.ofEvent('start').length === 1);
    const { socket } = await softphone(await ticketFor(id));
    const voice = tone(440, 1000);
    for (let i = 0; i < voice.length; i += 160)
      socket.send(Buffer.from(voice.slice(i, i + 160).buffer));
    await eventually(() => rms(peer.audio('inbound')) > 1000, 5000);
    expect(peakOf(peer.audio('inbound'), [440, 1000])).toBe(440);
    socket.close();
  });

  it('plays the call to the softphone: it hears a speak', async () => {
    const id = await f.inbound();
    await f.action(id, 'answer');
    const { heard } = await softphone(await ticketFor(id));
    await f.action(id, 'speak', { payload: 'Hello from the app.', voice: 'female' });
    await eventually(() => rms(joined(heard)) > 300, 15_000);
    expect(heard[0]).toHaveLength(160);
  });

  it('closes the socket when the call ends', async () => {
    const id = await f.inbound();
    await f.action(id, 'answer');
    const { socket } = await softphone(await ticketFor(id));
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    await f.farEnd(id, 'hangup');
    expect(await closed).toBe(1000);
  });

  it('refuses a ticket twice, and for calls of another account or that ended', async () => {
    const id = await f.inbound();
    await f.action(id, 'answer');
    const path = await ticketFor(id);
    const plain = await f.app.inject({ method: 'GET', url: path });
    expect(plain.statusCode).toBe(426);
    expect(plain.json<{ errors: { detail: string }[] }>().errors[0]?.detail).toMatch(/WebSocket/);
    const first = await softphone(path);
    const second = await softphone(path);
    const code = await new Promise<number>((resolve) => second.socket.once('close', resolve));
    expect(code).toBe(4401);
    first.socket.close();
    const other = await f.app.inject({
      method: 'POST',
      url: `/switchboard/calls/${encodeURIComponent(id)}/audio_ticket`,
      headers: { 'x-account': 'someone-else' },
    });
    // As for every call command: another account's call is an invalid call_control_id.
    expect(other.statusCode).toBe(422);
    expect(other.json<{ errors: { code: string }[] }>().errors[0]?.code).toBe('90015');
    await f.action(id, 'hangup');
    expect((await f.post(`/switchboard/calls/${encodeURIComponent(id)}/audio_ticket`)).status).toBe(
      422,
    );
  });
});
