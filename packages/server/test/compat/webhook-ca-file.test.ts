import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookDispatcher } from '../../src/engine/delivery-dispatcher/create-webhook-dispatcher.js';
import { StartupError } from '../../src/support/errors/startup-error.js';
import { startServer, type RunningServer } from '../../src/start-server.js';
import { generateSelfSignedCertificate } from '../../src/ops/tls/self-signed-certificate.js';
import { testConfig } from '../server/support/test-config.js';
import { callApi, publishTo } from './support/server-api.js';
import { startVerifyingReceiver, type VerifyingReceiver } from './support/verifying-receiver.js';

const EVENT = { event_type: 'call.initiated', payload: { call_control_id: 'v3:ca-test' } };
let receiver: VerifyingReceiver;
let caFile: string;

beforeAll(async () => {
  const pair = await generateSelfSignedCertificate(new Date());
  receiver = await startVerifyingReceiver(() => Promise.resolve(true), pair);
  const config = await testConfig();
  caFile = join(config.dataDir, 'receiver-ca.pem');
  await writeFile(caFile, pair.cert);
});
afterAll(async () => {
  await receiver.close();
});

/** The delivery once its first try is recorded. */
async function firstAttempt(server: RunningServer, id: string) {
  for (;;) {
    const reply = await callApi(server, 'GET', `/v2/webhook_deliveries/${id}`);
    const data = reply.body['data'] as { status: string; attempts: { errors: number[] }[] };
    if (data.attempts.length > 0) return data;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function deliverWith(env: Record<string, string>) {
  const server = await startServer(await testConfig(env));
  try {
    return await firstAttempt(server, await publishTo(server, receiver.url, EVENT));
  } finally {
    await server.close();
  }
}

describe('HTTPS webhook targets', () => {
  it('fails a receiver whose certificate no trusted CA signed, as TLS error 75005', async () => {
    const delivery = await deliverWith({});
    expect(delivery.status).toBe('failed');
    expect(delivery.attempts[0]?.errors).toEqual([75005]);
  });

  it('delivers to it once --webhook-ca-file trusts its certificate', async () => {
    const delivery = await deliverWith({ SWITCHBOARD_WEBHOOK_CA_FILE: caFile });
    expect(delivery.status).toBe('delivered');
    expect((await receiver.next()).accepted).toBe(true);
  });

  it('refuses a CA file that is missing or holds no certificate', async () => {
    expect(() => createWebhookDispatcher({ caFile: join(caFile, 'missing') })).toThrow(
      StartupError,
    );
    const empty = `${caFile}.empty`;
    await writeFile(empty, 'not a certificate');
    expect(() => createWebhookDispatcher({ caFile: empty })).toThrow(/no PEM certificate/);
  });
});
