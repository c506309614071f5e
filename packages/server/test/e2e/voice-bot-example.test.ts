import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../src/start-server.js';
import { eventually } from '../emulator/media/support/stream-peer.js';
import { powerAt, tone } from '../emulator/media/support/spectrum.js';
import { testConfig } from '../server/support/test-config.js';
import { freePort } from '../server/support/free-port.js';
import { callApi } from '../compat/support/server-api.js';

const EXAMPLE = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../examples/voice-bot/server.mjs',
);
const BOT_NUMBER = '+13125550150';

let server: RunningServer;
let bot: ChildProcess;
const output: string[] = [];

/** The body of one API request with the server's key. */
async function api(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  return (await callApi(server, method, path, body)).body;
}

beforeAll(async () => {
  server = await startServer(await testConfig());
  // The bot gets the environment `switchboard env` prints, and nothing else.
  bot = spawn(process.execPath, [EXAMPLE], {
    env: {
      PATH: process.env['PATH'],
      PORT: String(await freePort()),
      TELNYX_API_KEY: server.apiKey ?? '',
      TELNYX_BASE_URL: `${server.url}/v2`,
      TELNYX_PUBLIC_KEY: server.publicKey,
    },
  });
  bot.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  bot.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  await eventually(() => output.join('').includes('listening'), 20_000);
}, 30_000);

afterAll(async () => {
  bot.kill();
  await server.close();
});

describe('the voice-bot example, unmodified, with env vars only', () => {
  it('answers, greets, and echoes the caller\u2019s voice back over its media stream', async () => {
    const call = await api('POST', '/switchboard/simulate/calls', {
      from: '+14155550100',
      to: BOT_NUMBER,
    });
    const id = (call['data'] as { call_control_id: string }).call_control_id;
    await eventually(() => output.join('').includes(`for ${id}`), 20_000);
    const ticket = await api('POST', `/switchboard/calls/${encodeURIComponent(id)}/audio_ticket`);
    const path = (ticket['data'] as { url: string }).url;
    const phone = new WebSocket(`${server.url.replace(/^http/, 'ws')}${path}`);
    const heard: Int16Array[] = [];
    phone.on('message', (data: Buffer) => {
      heard.push(new Int16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.length)));
    });
    await new Promise((resolve) => phone.once('open', resolve));
    // Let the greeting finish, then say a 440 Hz tone for two seconds, in real time.
    await eventually(async () => {
      const timeline = await api('GET', `/switchboard/calls/${encodeURIComponent(id)}/timeline`);
      return JSON.stringify(timeline).includes('call.speak.ended');
    }, 20_000);
    const spoken = tone(440, 2000);
    const since = heard.length;
    for (let i = 0; i < spoken.length; i += 160) {
      phone.send(Buffer.from(spoken.slice(i, i + 160).buffer));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const echo = Int16Array.from(heard.slice(since).flatMap((frame) => Array.from(frame)));
    expect(powerAt(echo, 440)).toBeGreaterThan(50 * powerAt(echo, 1000));
    phone.close();
    await api('POST', `/v2/calls/${encodeURIComponent(id)}/actions/hangup`);
  }, 60_000);
});
