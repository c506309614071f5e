import Telnyx from 'telnyx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_ID, CallFixture } from './support/call-fixture.js';

let fx: CallFixture;
let client: Telnyx;

beforeEach(async () => {
  fx = await new CallFixture().setUp();
  const address = await fx.app.listen({ host: '127.0.0.1', port: 0 });
  client = new Telnyx({ apiKey: 'KEY_TEST', baseURL: `${address}/v2`, maxRetries: 0 });
});

afterEach(async () => {
  expect(fx.schemaProblems()).toEqual([]);
  await fx.tearDown();
});

describe('the official telnyx SDK against the call routes', () => {
  it('dials, commands (with and without bodies) and reads a call', async () => {
    const dialled = await client.calls.dial({
      connection_id: APP_ID,
      from: '+13125550000',
      to: '+13125551234',
    });
    const id = dialled.data?.call_control_id ?? '';
    expect(dialled.data?.is_alive).toBe(false);
    await fx.advance(100);
    const spoken = await client.calls.actions.speak(id, { payload: 'Hello', voice: 'female' });
    expect(spoken.data?.result).toBe('ok');
    await client.calls.actions.updateClientState(id, { client_state: 'aGk=' });
    await client.calls.actions.startRecording(id, { channels: 'single', format: 'wav' });
    await client.calls.actions.hangup(id, {});
    const status = await client.calls.retrieveStatus(id);
    expect(status.data).toMatchObject({ call_control_id: id, is_alive: false });
    expect(fx.typesFor(id)).toContain('call.recording.saved');
    expect(fx.payloadOf(id, 'call.hangup')['client_state']).toBe('aGk=');
  });

  it('surfaces 90018 as an SDK error with the Telnyx envelope', async () => {
    const id = await fx.dial('+13125550101');
    await fx.advance(100);
    const failure = await client.calls.actions.hangup(id, {}).catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 422, error: { errors: [{ code: '90018' }] } });
  });
});
