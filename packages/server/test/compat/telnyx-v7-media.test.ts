import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Telnyx from 'telnyx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/start-server.js';
import { testConfig } from '../server/support/test-config.js';
import { startCheckedReceiver, type CheckedReceiver } from './support/checked-receiver.js';
import { sdkClientFor } from './support/sdk-client.js';
import { sdkErrorOf } from './support/sdk-error.js';
import { callApi } from './support/server-api.js';

const HOLD = Buffer.from('RIFF0000WAVEfmt hold music');
const CHIME = Buffer.from('ID3chime');
const OWNED = '+13125550175';

let server: RunningServer;
let files: Server;
let filesUrl: string;
let client: Telnyx;
let receiver: CheckedReceiver;

/** A loopback file server: /hold.wav, /chime.mp3, /big.bin (over the limit), /gone (404). */
function serveFiles(): Promise<Server> {
  const big = Buffer.alloc(5 * 1024 * 1024 + 1);
  const http = createServer((request, response) => {
    if (request.url === '/hold.wav')
      response.writeHead(200, { 'content-type': 'audio/wav' }).end(HOLD);
    else if (request.url === '/chime.mp3') response.writeHead(200).end(CHIME);
    else if (request.url === '/big.bin') response.writeHead(200).end(big);
    else if (request.url === '/odd%zz.wav') response.writeHead(200).end(HOLD);
    else response.writeHead(404).end();
  });
  return new Promise((resolve) =>
    http.listen(0, '127.0.0.1', () => {
      resolve(http);
    }),
  );
}

beforeAll(async () => {
  server = await startServer(await testConfig());
  files = await serveFiles();
  filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  client = sdkClientFor(server);
  receiver = await startCheckedReceiver(server);
});
afterAll(async () => {
  await receiver.close();
  await server.close();
  await new Promise((resolve) => files.close(resolve));
});

const errorOf = sdkErrorOf;

describe('media storage through telnyx 7.x', () => {
  it('uploads by URL, lists, reads, downloads, replaces and deletes', async () => {
    const uploaded = await client.media.upload({
      media_url: `${filesUrl}/hold.wav`,
      media_name: 'hold',
      ttl_secs: 3600,
    });
    expect(uploaded.data).toMatchObject({ media_name: 'hold', content_type: 'audio/wav' });
    const created = Date.parse(uploaded.data?.created_at ?? '');
    expect(Date.parse(uploaded.data?.expires_at ?? '') - created).toBe(3_600_000);
    const named = await client.media.upload({ media_url: `${filesUrl}/chime.mp3` });
    expect(named.data).toMatchObject({ media_name: 'chime.mp3', content_type: 'audio/mpeg' });

    const listed = await client.media.list();
    expect(listed.data?.map((m) => m.media_name)).toEqual(['hold', 'chime.mp3']);
    const wavOnly = await client.media.list({ filter: { content_type: ['audio/wav'] } });
    expect(wavOnly.data?.map((m) => m.media_name)).toEqual(['hold']);
    expect((await client.media.retrieve('hold')).data?.content_type).toBe('audio/wav');
    const download = await client.media.download('hold');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(HOLD);

    const replaced = await client.media.update('hold', { media_url: `${filesUrl}/chime.mp3` });
    expect(replaced.data).toMatchObject({ media_name: 'hold', content_type: 'audio/mpeg' });
    expect(Buffer.from(await (await client.media.download('hold')).arrayBuffer())).toEqual(CHIME);

    const twice = await errorOf(
      client.media.upload({ media_url: `${filesUrl}/hold.wav`, media_name: 'hold' }),
    );
    expect(twice).toMatchObject({
      status: 422,
      first: { code: '10012', source: { pointer: '/media_name' } },
    });
    await client.media.delete('chime.mp3');
    expect((await errorOf(client.media.retrieve('chime.mp3'))).status).toBe(404);
  });

  it('takes a multipart file', async () => {
    const form = new FormData();
    form.set('media', new Blob([HOLD], { type: 'audio/wav' }), 'upload.wav');
    form.set('ttl_secs', '60');
    const response = await fetch(`${server.url}/v2/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.apiKey ?? ''}` },
      body: form,
    });
    expect(response.status).toBe(201);
    const { data } = (await response.json()) as {
      data: { media_name: string; content_type: string };
    };
    expect(data).toMatchObject({ media_name: 'upload.wav', content_type: 'audio/wav' });
    const large = new FormData();
    large.set('media', new Blob([Buffer.alloc(2 * 1024 * 1024)]), 'large.bin');
    const post = (body: FormData) =>
      fetch(`${server.url}/v2/media`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.apiKey ?? ''}` },
        body,
      });
    // Above the API's 1 MiB JSON body limit, within the media limit.
    expect((await post(large)).status).toBe(201);
    const big = new FormData();
    big.set('media', new Blob([Buffer.alloc(5 * 1024 * 1024 + 1)]), 'big.bin');
    const refused = await fetch(`${server.url}/v2/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.apiKey ?? ''}` },
      body: big,
    });
    expect(refused.status).toBe(422);
  });

  it('names an upload by its URL even when the last segment is not valid percent-encoding', async () => {
    const reply = await callApi(server, 'POST', '/v2/media', {
      media_url: `${filesUrl}/odd%zz.wav`,
    });
    expect(reply.status).toBe(201);
    expect((reply.body['data'] as { media_name: string }).media_name).toBe('odd%zz.wav');
  });

  it('answers a multipart body it cannot read with 400 in the envelope', async () => {
    const response = await fetch(`${server.url}/v2/media`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${server.apiKey ?? ''}`,
        'content-type': 'multipart/form-data; boundary=x',
      },
      body: '{}',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { code: string; detail: string }[] };
    expect(body.errors[0]).toMatchObject({ code: '10015' });
  });

  it('refuses what it cannot fetch or keep', async () => {
    const missing = await errorOf(client.media.upload({ media_url: `${filesUrl}/gone` }));
    expect(missing).toMatchObject({
      status: 422,
      first: { code: '10015', source: { pointer: '/media_url' } },
    });
    const big = await errorOf(client.media.upload({ media_url: `${filesUrl}/big.bin` }));
    expect(big).toMatchObject({ status: 422, first: { source: { pointer: '/media_url' } } });
    const noSource = await errorOf(client.media.upload({} as { media_url: string }));
    expect(noSource).toMatchObject({ status: 422, first: { code: '10004' } });
    const ttl = await errorOf(
      client.media.upload({ media_url: `${filesUrl}/hold.wav`, ttl_secs: 0 }),
    );
    expect(ttl).toMatchObject({ status: 422, first: { source: { pointer: '/ttl_secs' } } });
  });

  it('a stored media_name plays in playback_start and gather_using_audio', async () => {
    await client.media.upload({ media_url: `${filesUrl}/hold.wav`, media_name: 'greeting' });
    const app = await client.callControlApplications.create({
      application_name: 'media',
      webhook_event_url: receiver.url,
    });
    await callApi(server, 'POST', '/switchboard/phone_numbers', {
      phone_number: OWNED,
      connection_id: app.data?.id,
    });
    const inbound = await callApi(server, 'POST', '/switchboard/simulate/calls', {
      from: '+13125559020',
      to: OWNED,
    });
    const id = (inbound.body['data'] as { call_control_id: string }).call_control_id;
    await client.calls.actions.answer(id, {});
    await client.calls.actions.startPlayback(id, { media_name: 'greeting' });
    const started = await receiver.until(
      'call.playback.started',
      (p) => p['call_control_id'] === id,
    );
    expect(started.payload['media_name']).toBe('greeting');
    const unknown = await errorOf(
      client.calls.actions.startPlayback(id, { media_name: 'nothing' }),
    );
    expect(unknown).toMatchObject({
      status: 422,
      first: { code: '10015', source: { pointer: '/media_name' } },
    });
    const gather = await errorOf(
      client.calls.actions.gatherUsingAudio(id, { media_name: 'nothing' }),
    );
    expect(gather.status).toBe(422);
    await client.calls.actions.gatherUsingAudio(id, { media_name: 'greeting' });
    await client.calls.actions.hangup(id, {});
    await receiver.until('call.hangup', (p) => p['call_control_id'] === id);
    expect(receiver.seen.filter((hook) => !hook.verified || hook.schemaErrors.length > 0)).toEqual(
      [],
    );
  });
});

describe('media fetches obey --egress public-only', () => {
  it('refuses a loopback media_url', async () => {
    const guarded = await startServer(await testConfig({ SWITCHBOARD_EGRESS: 'public-only' }));
    try {
      const sdk = sdkClientFor(guarded);
      const refused = await errorOf(sdk.media.upload({ media_url: `${filesUrl}/hold.wav` }));
      expect(refused).toMatchObject({ status: 422, first: { source: { pointer: '/media_url' } } });
    } finally {
      await guarded.close();
    }
  });
});
