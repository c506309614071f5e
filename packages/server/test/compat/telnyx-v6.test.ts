import Telnyx from 'telnyx-v6';
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
  client = new Telnyx({ apiKey: server.apiKey ?? '', publicKey: server.publicKey, maxRetries: 0 });
  delete process.env['TELNYX_BASE_URL'];
  // 6.x's unwrap checks Telnyx's Ed25519 signature with the client's public key.
  scenario = await setUpScenario(server, (body, headers) =>
    client.webhooks.unwrap(body, { headers: headers as Record<string, string> }).then(
      () => true,
      () => false,
    ),
  );
});
afterAll(async () => {
  await scenario.close();
  await server.close();
});

describe('telnyx 6.x through TELNYX_BASE_URL', () => {
  it('drives calls and an SMS, and client.webhooks.unwrap (Ed25519) accepts every webhook', async () => {
    expect(client.baseURL).toBe(`${server.url}/v2`);
    await runScenario(server, scenario, modernSdkDriver(client));
    expect(scenario.seen.length).toBeGreaterThanOrEqual(10);
    expect(scenario.seen.filter((hook) => !hook.accepted)).toEqual([]);
  });
});
