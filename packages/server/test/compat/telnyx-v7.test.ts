import Telnyx from 'telnyx';
import { TelnyxWebhook } from 'telnyx/lib/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/start-server.js';
import { testConfig } from '../server/support/test-config.js';
import { runScenario, setUpScenario, type Scenario } from './support/sdk-scenario.js';
import { modernSdkDriver } from './support/modern-sdk-driver.js';

let server: RunningServer;
let scenario: Scenario;
let client: Telnyx;

beforeAll(async () => {
  server = await startServer(await testConfig());
  // Configuration only, as a real app gets it: the SDK reads TELNYX_BASE_URL itself.
  process.env['TELNYX_BASE_URL'] = `${server.url}/v2`;
  client = new Telnyx({ apiKey: server.apiKey ?? '', maxRetries: 0 });
  delete process.env['TELNYX_BASE_URL'];
  const verifier = new TelnyxWebhook(server.publicKey);
  scenario = await setUpScenario(server, (body, headers) =>
    verifier.verify(body, headers as Record<string, string>).then(
      () => true,
      () => false,
    ),
  );
});
afterAll(async () => {
  await scenario.close();
  await server.close();
});

describe('telnyx 7.x (current SDK) through TELNYX_BASE_URL', () => {
  it('drives calls and an SMS, and its Ed25519 verifier accepts every webhook', async () => {
    expect(client.baseURL).toBe(`${server.url}/v2`);
    await runScenario(server, scenario, modernSdkDriver(client));
    expect(scenario.seen.length).toBeGreaterThanOrEqual(10);
    expect(scenario.seen.filter((hook) => !hook.accepted)).toEqual([]);
  });
});
