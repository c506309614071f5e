import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { chromiumAvailable, launchChromium } from './support/chromium.js';
import { watchConsole } from './support/console-errors.js';
import { startTestServer, type TestServer } from './support/dashboard-server.js';
import { startFlakyReceiver, type FlakyReceiver } from './support/flaky-receiver.js';

const WAIT = { timeout: 20_000 };
/** Chromium's fake devices: a microphone that beeps, and no permission prompt. */
const FAKE_MEDIA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

interface MediaFrame {
  readonly event: string;
  readonly media?: { readonly track: string; readonly payload: string };
}

/** μ-law bytes that are not near silence (0xFF and 0x7F are zero; the top bit is the sign). */
function loudBytes(payload: string): number {
  return [...Buffer.from(payload, 'base64')].filter((byte) => (byte & 0x7f) < 0x60).length;
}

describe.skipIf(!chromiumAvailable())('the softphone in Chromium, with a fake microphone', () => {
  let server: TestServer;
  let receiver: FlakyReceiver;
  let browser: Browser;
  let app: WebSocketServer;
  const frames: MediaFrame[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    receiver = await startFlakyReceiver(0);
    browser = await launchChromium(FAKE_MEDIA);
    app = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    app.on('connection', (socket) => {
      socket.on('message', (data: Buffer) =>
        frames.push(JSON.parse(data.toString('utf8')) as MediaFrame),
      );
    });
  });

  afterAll(async () => {
    await browser.close();
    await new Promise((resolve) => {
      app.close(resolve);
    });
    await receiver.close();
    await server.close();
  });

  it('sends the microphone into the call, where the app\u2019s media stream hears it', async () => {
    const application = await server.api<{ data: { id: string } }>(
      'POST',
      '/v2/call_control_applications',
      {
        application_name: 'Voice bot',
        webhook_event_url: receiver.url,
      },
    );
    const call = await server.api<{ data: { call_control_id: string } }>(
      'POST',
      '/switchboard/simulate/calls',
      {
        connection_id: application.data.id,
        from: '+14155550100',
        to: '+13125550123',
      },
    );
    const id = encodeURIComponent(call.data.call_control_id);
    await server.api('POST', `/v2/calls/${id}/actions/answer`);
    const port = (app.address() as AddressInfo).port;
    await server.api('POST', `/v2/calls/${id}/actions/streaming_start`, {
      stream_url: `ws://127.0.0.1:${port}/bot`,
    });

    const page = await browser.newPage();
    const console = watchConsole(page);
    await page.goto(server.server.url);
    await page.getByLabel('API key').fill(server.apiKey);
    await page.getByLabel('API key').press('Enter');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Calls', exact: true })
      .click();
    await page
      .locator('tbody tr[data-call-id]')
      .first()
      .getByRole('button', { name: /Open/ })
      .click();
    await page.getByRole('button', { name: 'Connect audio' }).click();
    await page.getByRole('status').filter({ hasText: 'Listening and talking' }).waitFor(WAIT);

    const deadline = Date.now() + 15_000;
    const loud = () =>
      frames
        .filter((frame) => frame.event === 'media' && frame.media?.track === 'inbound')
        .reduce((sum, frame) => sum + loudBytes(frame.media?.payload ?? ''), 0);
    while (loud() < 800 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(loud()).toBeGreaterThanOrEqual(800);

    await page.getByRole('button', { name: 'Disconnect audio' }).click();
    await page.getByRole('status').filter({ hasText: 'Not connected' }).waitFor(WAIT);
    expect(console.take()).toEqual([]);
    await page.close();
    await server.api('POST', `/v2/calls/${id}/actions/hangup`);
  }, 60_000);
});
