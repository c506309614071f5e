import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/start-server.js';
import { testConfig } from '../server/support/test-config.js';
import { callApi } from './support/server-api.js';
import {
  OWNED_NUMBER,
  REMOTE_NUMBER,
  setUpScenario,
  type Scenario,
} from './support/sdk-scenario.js';

let server: RunningServer;
let scenario: Scenario;
let callId: string;

beforeAll(async () => {
  server = await startServer(await testConfig());
  scenario = await setUpScenario(server, () => Promise.resolve(true));
  const reply = await callApi(server, 'POST', '/switchboard/simulate/calls', {
    from: REMOTE_NUMBER,
    to: OWNED_NUMBER,
  });
  callId = (reply.body['data'] as { call_control_id: string }).call_control_id;
});
afterAll(async () => {
  await scenario.close();
  await server.close();
});

/** A POST as Node's http client sends one without a length: chunked, maybe empty. */
function chunkedPost(path: string, body: string, contentType?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${server.apiKey ?? ''}`,
        ...(contentType === undefined ? {} : { 'content-type': contentType }),
      },
    });
    req.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('input as telnyx 1.x sends it', () => {
  it('routes an inbound call to the application of its to number', async () => {
    const initiated = await scenario.until('call.initiated', callId);
    expect(initiated.payload['connection_id']).toBe(scenario.connectionId);
  });

  it('takes an empty chunked body without a content type as {}', async () => {
    const path = `/v2/calls/${encodeURIComponent(callId)}/actions/answer`;
    expect(await chunkedPost(path, '')).toBe(200);
    await scenario.until('call.answered', callId);
  });

  it('still refuses a body that is not JSON', async () => {
    const path = `/v2/calls/${encodeURIComponent(callId)}/actions/hangup`;
    expect(await chunkedPost(path, 'cause=normal', 'application/x-www-form-urlencoded')).toBe(415);
  });

  it('asks for a connection_id when the to number belongs to no application', async () => {
    const reply = await callApi(server, 'POST', '/switchboard/simulate/calls', {
      from: REMOTE_NUMBER,
      to: '+13125550000',
    });
    expect(reply.status).toBe(422);
    expect(reply.body['errors']).toMatchObject([
      { code: '10004', source: { pointer: '/connection_id' } },
    ]);
  });
});
