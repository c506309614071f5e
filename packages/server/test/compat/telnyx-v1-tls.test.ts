import { readFile } from 'node:fs/promises';
import { Agent } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/start-server.js';
import { testConfig } from '../server/support/test-config.js';
import {
  runScenario,
  setUpScenario,
  type Scenario,
  type SdkDriver,
} from './support/sdk-scenario.js';
import { telnyxV1, type TelnyxV1 } from './support/telnyx-v1-client.js';

let server: RunningServer;
let scenario: Scenario;
let telnyx: TelnyxV1;
let agent: Agent;

beforeAll(async () => {
  server = await startServer(
    await testConfig({ SWITCHBOARD_TLS: 'true', SWITCHBOARD_TLS_PORT: '0' }),
  );
  const tls = server.tls;
  if (tls === null) throw new Error('no HTTPS listener');
  telnyx = telnyxV1(server.apiKey ?? '');
  // 1.x always speaks HTTPS to port 443; the port is not free here, so setHost names it. The
  // agent's CA stands in for NODE_EXTRA_CA_CERTS, which Node reads only at process start.
  telnyx.setHost('localhost', tls.port, 'https');
  agent = new Agent({ ca: await readFile(tls.certFile, 'utf8') });
  telnyx.setHttpAgent(agent);
  scenario = await setUpScenario(server, (body, headers) => {
    const signature = String(headers['telnyx-signature-ed25519']);
    const timestamp = String(headers['telnyx-timestamp']);
    try {
      telnyx.webhooks.constructEvent(body, signature, timestamp, server.publicKey);
      return Promise.resolve(true);
    } catch {
      return Promise.resolve(false);
    }
  });
});
afterAll(async () => {
  agent.destroy();
  await scenario.close();
  await server.close();
});

const driver: SdkDriver = {
  dial: async (params) => (await telnyx.calls.create(params)).data.call_control_id,
  answer: async (id) => {
    await new telnyx.Call({ call_control_id: id }).answer();
  },
  speak: async (id, text) => {
    await new telnyx.Call({ call_control_id: id }).speak({ payload: text, voice: 'female' });
  },
  hangup: async (id) => {
    await new telnyx.Call({ call_control_id: id }).hangup();
  },
  sendSms: async (params) => (await telnyx.messages.create(params)).data.id,
};

describe('telnyx 1.x over HTTPS', () => {
  it('drives calls and an SMS, and webhooks.constructEvent accepts every webhook', async () => {
    await runScenario(server, scenario, driver);
    expect(scenario.seen.length).toBeGreaterThanOrEqual(10);
    expect(scenario.seen.filter((hook) => !hook.accepted)).toEqual([]);
  });
});
